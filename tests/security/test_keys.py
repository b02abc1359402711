"""Key handling: wrapping, recovery codes, the keyring allow-list."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend

from amends_desktop.security import keystore, wrapping
from amends_desktop.security.errors import NoKeyringError, WrongSecretError
from amends_desktop.security.keystore import OsKeyStore


def test_wrap_unwrap_round_trip_and_wrong_secret() -> None:
    key = wrapping.new_key()
    wrapped = wrapping.wrap(key, "a long passphrase", slot="passphrase", vault_id="v1")
    assert wrapping.unwrap(wrapped, "a long passphrase", vault_id="v1") == key
    with pytest.raises(WrongSecretError):
        wrapping.unwrap(wrapped, "a long passphrasE", vault_id="v1")
    with pytest.raises(WrongSecretError):  # bound to its vault: can't be moved to another
        wrapping.unwrap(wrapped, "a long passphrase", vault_id="v2")
    again = wrapping.WrappedKey.from_json("passphrase", wrapped.to_json())
    assert wrapping.unwrap(again, "a long passphrase", vault_id="v1") == key


def test_passphrase_unicode_normalised() -> None:
    key = wrapping.new_key()
    composed = "caf\u00e9 au lait \U0001f33f"
    decomposed = "cafe\u0301 au lait \U0001f33f"
    wrapped = wrapping.wrap(key, composed, slot="passphrase", vault_id="v")
    assert wrapping.unwrap(wrapped, decomposed, vault_id="v") == key


def test_recovery_code_shape_and_forgiving_input() -> None:
    code = wrapping.new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 6 and all(len(g) == 4 for g in groups)
    assert wrapping.new_recovery_code() != code
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert wrapping.normalise_recovery_code(sloppy) == code
    key = wrapping.new_key()
    wrapped = wrapping.wrap(key, code, slot="recovery", vault_id="v")
    assert wrapping.unwrap(wrapped, sloppy, vault_id="v") == key


def test_key_check_tells_keys_apart() -> None:
    a, b = wrapping.new_key(), wrapping.new_key()
    assert wrapping.key_matches(a, wrapping.key_check(a))
    assert not wrapping.key_matches(b, wrapping.key_check(a))


class PlaintextFileKeyring(KeyringBackend):
    priority = 20  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("a plaintext store must never receive the key")

    def delete_password(self, service: str, username: str) -> None:
        return None


@pytest.mark.real_keyring
def test_plaintext_and_fail_backends_count_as_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring.backend
    from keyring.backends import fail

    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [PlaintextFileKeyring(), fail.Keyring()])
    assert keystore.find_accepted_backend() is None
    with pytest.raises(NoKeyringError):
        OsKeyStore()
    with pytest.raises(NoKeyringError):
        OsKeyStore(PlaintextFileKeyring())


@pytest.mark.real_keyring
def test_outside_configuration_cannot_redirect_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring.backend

    # keyring honours this variable for its own default; we choose the backend ourselves.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [PlaintextFileKeyring()])
    with pytest.raises(NoKeyringError):
        OsKeyStore()


def test_memory_keystore_round_trip() -> None:
    store = keystore.MemoryKeyStore()
    store.put("v", b"k" * 32)
    assert store.get("v") == b"k" * 32
    store.delete("v")
    assert store.get("v") is None
