"""Wrapped copies of the vault key: under the recovery code and, if chosen, under a passphrase.

Wrapping uses scrypt (memory-hard) to turn the secret into a key-encryption key and AES-GCM to
seal the vault key, with the vault id and the slot name as associated data so a wrapped copy can't
be moved to another vault or slot unnoticed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass

from amends_desktop.security.errors import WrongSecretError

KEY_BYTES = 32
KEY_CHECK_LABEL = b"amends-desktop key-check v1"

# Crockford-style alphabet: no I, L, O, U, so codes read aloud and typed back are unambiguous.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 4  # 24 symbols x 5 bits = 120 bits of randomness

# scrypt cost per slot. The recovery code is already 120 random bits, so it needs less stretching
# than a passphrase a person chose.
SCRYPT_PARAMS: dict[str, dict[str, int]] = {
    "recovery": {"n": 2**14, "r": 8, "p": 1},
    "passphrase": {"n": 2**17, "r": 8, "p": 1},
    "export": {"n": 2**17, "r": 8, "p": 1},
}


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_check(key: bytes) -> str:
    """An HMAC of a fixed label: tells a wrong key from a damaged file without opening the database."""
    return hmac.new(key, KEY_CHECK_LABEL, hashlib.sha256).hexdigest()


def key_matches(key: bytes, check: str) -> bool:
    return hmac.compare_digest(key_check(key), check)


def new_recovery_code() -> str:
    symbols = [secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)]
    groups = ["".join(symbols[i : i + RECOVERY_GROUP_LEN]) for i in range(0, len(symbols), RECOVERY_GROUP_LEN)]
    return "-".join(groups)


def normalise_recovery_code(text: str) -> str:
    """Forgive what people do when typing a code back: case, spaces, dashes, O for 0, I/L for 1."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != RECOVERY_GROUPS * RECOVERY_GROUP_LEN or any(c not in RECOVERY_ALPHABET for c in cleaned):
        return cleaned
    return "-".join(cleaned[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(cleaned), RECOVERY_GROUP_LEN))


def normalise_passphrase(text: str) -> bytes:
    # NFC so the same passphrase typed on another keyboard layout or OS gives the same bytes.
    return unicodedata.normalize("NFC", text).encode("utf-8")


@dataclass(frozen=True)
class WrappedKey:
    slot: str
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    n: int
    r: int
    p: int

    def to_json(self) -> dict[str, object]:
        return {
            "kdf": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": base64.b64encode(self.salt).decode(),
            "nonce": base64.b64encode(self.nonce).decode(),
            "ciphertext": base64.b64encode(self.ciphertext).decode(),
        }

    @classmethod
    def from_json(cls, slot: str, data: dict[str, object]) -> WrappedKey:
        if data.get("kdf") != "scrypt":
            raise ValueError("unknown key derivation")
        return cls(
            slot=slot,
            salt=base64.b64decode(str(data["salt"])),
            nonce=base64.b64decode(str(data["nonce"])),
            ciphertext=base64.b64decode(str(data["ciphertext"])),
            n=int(str(data["n"])),
            r=int(str(data["r"])),
            p=int(str(data["p"])),
        )


def derive(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


def _secret_bytes(slot: str, secret: str) -> bytes:
    if slot == "recovery":
        return normalise_recovery_code(secret).encode("ascii", "replace")
    return normalise_passphrase(secret)


def wrap(key: bytes, secret: str, *, slot: str, vault_id: str) -> WrappedKey:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = SCRYPT_PARAMS[slot if slot in SCRYPT_PARAMS else "passphrase"]
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = derive(_secret_bytes(slot, secret), salt, **params)
    ciphertext = AESGCM(kek).encrypt(nonce, key, f"{vault_id}/{slot}".encode())
    return WrappedKey(slot=slot, salt=salt, nonce=nonce, ciphertext=ciphertext, **params)


def unwrap(wrapped: WrappedKey, secret: str, *, vault_id: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = derive(_secret_bytes(wrapped.slot, secret), wrapped.salt, wrapped.n, wrapped.r, wrapped.p)
    try:
        return AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, f"{vault_id}/{wrapped.slot}".encode())
    except InvalidTag:
        raise WrongSecretError() from None
