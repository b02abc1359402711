"""The vault through the real OS keyring (Secret Service in CI). Skipped, with the reason, where none exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from amends_desktop.domain import models as m
from amends_desktop.security.errors import KeyMissingError
from amends_desktop.security.keystore import SERVICE, OsKeyStore, find_accepted_backend, user_name
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import VaultManager

pytestmark = pytest.mark.real_keyring


@pytest.fixture
def real_backend() -> object:
    backend = find_accepted_backend()
    if backend is None:
        pytest.skip("no accepted OS keyring here (start a D-Bus session with gnome-keyring, as .ci/run does)")
    return backend


def test_create_and_reopen_through_real_keyring(real_backend: object, tmp_path: Path) -> None:
    manager = VaultManager(tmp_path / "vault", OsKeyStore)
    new = manager.prepare()
    vault = manager.create(new)
    try:
        assert manager.meta().keyring_backend == OsKeyStore().backend_name
        stored = real_backend.get_password(SERVICE, user_name(new.vault_id))  # type: ignore[attr-defined]
        assert stored == new.key.hex()
        with transaction(vault.conn):
            vault.repos.people.add(m.Person(name="Through the keyring"))
        vault.close()
        again = manager.open()
        assert "Through the keyring" in {p.name for p in again.repos.people.list()}
        again.close()
        # Delete the entry from the real keyring: recovery puts it back.
        real_backend.delete_password(SERVICE, user_name(new.vault_id))  # type: ignore[attr-defined]
        with pytest.raises(KeyMissingError):
            manager.open()
        manager.recover(new.recovery_code).close()
        assert real_backend.get_password(SERVICE, user_name(new.vault_id)) == new.key.hex()  # type: ignore[attr-defined]
    finally:
        try:
            real_backend.delete_password(SERVICE, user_name(new.vault_id))  # type: ignore[attr-defined]
        except Exception:
            pass
