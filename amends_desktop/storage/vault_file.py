"""``vault.json``: the small, non-secret description that sits beside the database.

It holds the format version, the vault id, how the key is kept (keyring or passphrase), which
keyring backend was used, the key-check value and the wrapped copies of the key. No entry text and
no key in the clear ever go here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from amends_desktop.security.errors import DamagedVaultError, NewerVersionError, VaultNotFoundError
from amends_desktop.security.wrapping import WrappedKey
from amends_desktop.storage.atomic import write_atomic

FORMAT = 1
MODE_KEYRING = "keyring"
MODE_PASSPHRASE = "passphrase"
MODE_MEMORY = "memory"  # demo vaults only; never written by a real first run


@dataclass
class VaultMeta:
    vault_id: str
    mode: str
    key_check: str
    keyring_backend: str | None = None
    wrapped: dict[str, WrappedKey] = field(default_factory=dict)
    created_at: str = ""
    format: int = FORMAT

    def to_json(self) -> bytes:
        data = {
            "format": self.format,
            "vault_id": self.vault_id,
            "mode": self.mode,
            "keyring_backend": self.keyring_backend,
            "key_check": self.key_check,
            "created_at": self.created_at,
            "wrapped": {slot: w.to_json() for slot, w in sorted(self.wrapped.items())},
        }
        return (json.dumps(data, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> VaultMeta:
        try:
            data = json.loads(raw.decode("utf-8"))
            fmt = int(data.get("format", 0))
            if fmt > FORMAT:
                raise NewerVersionError("vault.json format")
            wrapped = {slot: WrappedKey.from_json(slot, w) for slot, w in dict(data.get("wrapped", {})).items()}
            return cls(
                vault_id=str(data["vault_id"]),
                mode=str(data["mode"]),
                key_check=str(data["key_check"]),
                keyring_backend=data.get("keyring_backend"),
                wrapped=wrapped,
                created_at=str(data.get("created_at", "")),
                format=fmt,
            )
        except NewerVersionError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise DamagedVaultError("vault.json unreadable") from None


def read_meta(path: Path) -> VaultMeta:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise VaultNotFoundError() from None
    return VaultMeta.from_json(raw)


def write_meta(path: Path, meta: VaultMeta) -> None:
    write_atomic(path, meta.to_json())
