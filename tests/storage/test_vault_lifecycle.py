"""The vault's life cycle: what a person would notice if it went wrong (lost data, leaked text,
a lock-out, or a fresh empty vault where theirs used to be)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from amends_desktop.domain import models as m
from amends_desktop.security import wrapping
from amends_desktop.security.errors import (
    AlreadyExistsError,
    AlreadyRunningError,
    DamagedVaultError,
    DiskFullError,
    KeyMissingError,
    KeyringChangedError,
    KeyringLockedError,
    NeedsPassphraseError,
    NewerVersionError,
    NoKeyringError,
    NotWritableError,
    VaultError,
    WrongKeyError,
    WrongSecretError,
)
from amends_desktop.security.keystore import OsKeyStore
from amends_desktop.storage import backup, migrations
from amends_desktop.storage.connection import open_database
from amends_desktop.storage.instance_lock import InstanceLock
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import NewVault, Vault, VaultManager

CANARY = "CANARY-ZEBRA-7f3a-purple-elephant"
FIXTURES = Path(__file__).parent.parent / "fixtures"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_vault(manager: VaultManager, passphrase: str | None = None) -> tuple[Vault, str]:
    new = manager.prepare()
    vault = manager.create(new, passphrase=passphrase)
    return vault, new.recovery_code


def add_person(vault: Vault, name: str, notes: str = "") -> int:
    with transaction(vault.conn):
        person = vault.repos.people.add(m.Person(name=name, notes=notes))
    assert person.id is not None
    return person.id


def folder_state(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".lock"}


def test_create_and_reopen_keeps_rows(manager: VaultManager, os_keyring: object) -> None:
    vault, _ = make_vault(manager)
    pid = add_person(vault, "Aunt Rosa", "lent me her car")
    vault.close()
    again = manager.open()
    person = again.repos.people.get(pid)
    assert person is not None and person.name == "Aunt Rosa" and person.notes == "lent me her car"
    assert again.repos.myself().name == "Myself"
    again.close()


def test_file_header_is_not_plaintext(manager: VaultManager) -> None:
    vault, _ = make_vault(manager)
    vault.close()
    assert manager.paths.database.read_bytes()[:16] != b"SQLite format 3\x00"


def test_canary_appears_in_no_file_on_disk(manager: VaultManager, isolated_dirs: Path) -> None:
    vault, _ = make_vault(manager)
    add_person(vault, "Canary person", CANARY)
    with transaction(vault.conn):
        vault.repos.entries.add(m.Entry(written_on="2026-01-01", body=f"journal {CANARY}"))
    vault.snapshot(reason="test")
    vault.export(isolated_dirs / "tmp" / "export.amends", "export passphrase")
    # Check while the vault is still open (the WAL holds the newest pages), then after closing.
    for phase in ("open", "closed"):
        needle = CANARY.encode()
        for path in isolated_dirs.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert needle not in data, f"{phase}: plaintext canary found in {path}"
                assert CANARY.encode("utf-16-le") not in data
        vault.close()
    assert list(manager.paths.backups.iterdir()), "the snapshot should exist"


def test_never_creates_over_existing_vault(manager: VaultManager) -> None:
    vault, _ = make_vault(manager)
    vault.close()
    before = folder_state(manager.paths.folder)
    with pytest.raises(AlreadyExistsError):
        manager.prepare()
    with pytest.raises(AlreadyExistsError):
        manager.create(_fresh_new(), passphrase=None)
    # Only vault.json or only the database counts as an existing vault too.
    manager.paths.meta.rename(manager.paths.folder / "aside.json")
    with pytest.raises(AlreadyExistsError):
        manager.prepare()
    (manager.paths.folder / "aside.json").rename(manager.paths.meta)
    assert folder_state(manager.paths.folder) == before


def _fresh_new() -> NewVault:
    return NewVault("other", wrapping.new_key(), wrapping.new_recovery_code())


# -- every failure kind: its own error, the file unchanged, no new key or vault ---------------------

@pytest.fixture
def closed_vault(manager: VaultManager) -> tuple[VaultManager, str]:
    vault, code = make_vault(manager)
    add_person(vault, "Someone", "notes")
    vault.close()
    return manager, code


def assert_untouched(manager: VaultManager, before: dict[str, str], keys_before: dict[object, str]) -> None:
    assert folder_state(manager.paths.folder) == before
    assert list(manager.paths.folder.glob("*.db")) == [manager.paths.database]


def _failure_cases() -> list[str]:
    return ["no_keyring", "keyring_locked", "key_missing", "keyring_changed", "wrong_key", "damaged",
            "newer_version", "not_writable", "needs_passphrase"]


@pytest.mark.parametrize("kind", _failure_cases())
def test_each_failure_has_its_own_error_and_changes_nothing(
    kind: str, closed_vault: tuple[VaultManager, str], os_keyring: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager, _ = closed_vault
    from amends_desktop.security import keystore
    from amends_desktop.storage import connection

    meta = manager.meta()
    expected: type[VaultError]
    if kind == "no_keyring":
        monkeypatch.setattr(keystore, "find_accepted_backend", lambda: None)
        expected = NoKeyringError
    elif kind == "keyring_locked":
        os_keyring.locked = True  # type: ignore[attr-defined]
        expected = KeyringLockedError
    elif kind == "key_missing":
        os_keyring.store.clear()  # type: ignore[attr-defined]
        expected = KeyMissingError
    elif kind == "keyring_changed":
        meta.keyring_backend = "keyring.backends.kwallet.DBusKeyring"
        from amends_desktop.storage.vault_file import write_meta

        write_meta(manager.paths.meta, meta)
        expected = KeyringChangedError
    elif kind == "wrong_key":
        OsKeyStore().put(meta.vault_id, wrapping.new_key())
        expected = WrongKeyError
    elif kind == "damaged":
        data = bytearray(manager.paths.database.read_bytes())
        for i in range(200, 1200):
            data[i] ^= 0x5A
        manager.paths.database.write_bytes(bytes(data))
        expected = DamagedVaultError
    elif kind == "newer_version":
        vault = manager.open()
        vault.conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
        vault.close()
        expected = NewerVersionError
    elif kind == "not_writable":
        monkeypatch.setattr(connection.os, "access", lambda *a, **k: False)
        expected = NotWritableError
    elif kind == "needs_passphrase":
        vault = manager.open()
        manager.set_passphrase(vault, "a long passphrase")
        vault.close()
        expected = NeedsPassphraseError
    keys_before = dict(getattr(os_keyring, "store", {}))
    before = folder_state(manager.paths.folder)
    with pytest.raises(expected) as info:
        manager.open()
    assert info.value.kind == expected.kind
    assert str(info.value)  # a plain message
    assert_untouched(manager, before, keys_before)
    assert dict(getattr(os_keyring, "store", {})) == keys_before, "no key was created or changed"
    assert not manager.paths.backups.exists() or kind in ("newer_version", "needs_passphrase")


def test_disk_full_while_saving_is_reported_and_loses_nothing(manager: VaultManager) -> None:
    vault, _ = make_vault(manager)
    pid = add_person(vault, "Kept", "safe")
    pages = vault.conn.execute("PRAGMA page_count").fetchone()[0]
    vault.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file can't grow: SQLite reports it full
    with pytest.raises(DiskFullError) as info, transaction(vault.conn):
        for i in range(500):
            vault.repos.entries.add(m.Entry(written_on="2026-01-01", body="x" * 4000 + str(i)))
    assert "disk is full" in str(info.value)
    vault.close()
    again = manager.open()
    assert again.repos.people.get(pid) is not None
    assert again.repos.entries.count() == 0
    again.close()


def test_disk_full_while_writing_vault_json(manager: VaultManager, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from amends_desktop.storage import atomic

    def full(*_: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(DiskFullError):
        make_vault(manager)
    assert not manager.exists(), "a failed first run leaves no half vault behind"


def test_second_instance_is_refused(data_dir: Path) -> None:
    with InstanceLock(data_dir), pytest.raises(AlreadyRunningError):
        InstanceLock(data_dir).acquire()
    with InstanceLock(data_dir) as again:  # released: the next start works
        assert again.held


# -- recovery ----------------------------------------------------------------------------------------

def test_deleted_keyring_entry_then_recovery_code_restores_everything(manager: VaultManager) -> None:
    vault, code = make_vault(manager)
    ids = [add_person(vault, f"Person {i}", f"note {i}") for i in range(25)]
    with transaction(vault.conn):
        for i in range(40):
            vault.repos.entries.add(m.Entry(written_on=f"2026-02-{1 + i % 28:02d}", body=f"entry {i}", mood=5))
    vault.close()
    db_hash = sha(manager.paths.database)
    OsKeyStore().delete(manager.meta().vault_id)
    with pytest.raises(KeyMissingError):
        manager.open()
    with pytest.raises(WrongSecretError):
        manager.recover("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    assert sha(manager.paths.database) == db_hash
    # Typed sloppily: lower case, spaces instead of dashes.
    vault = manager.recover(code.lower().replace("-", " "))
    assert vault.key_restored_to_keyring
    assert [vault.repos.people.get(i).name for i in ids] == [f"Person {i}" for i in range(25)]  # type: ignore[union-attr]
    assert vault.repos.entries.count() == 40
    vault.close()
    manager.open().close()  # the key is back in the keyring


def test_passphrase_mode_round_trip(manager: VaultManager, os_keyring: object) -> None:
    vault, code = make_vault(manager, passphrase="blue kettle on the stove")
    pid = add_person(vault, "Sister", "owes nothing")
    vault.close()
    assert not getattr(os_keyring, "store", {}), "passphrase mode keeps nothing in the keyring"
    with pytest.raises(NeedsPassphraseError):
        manager.open()
    with pytest.raises(WrongSecretError):
        manager.open_with_passphrase("blue kettle on the stove!")
    vault = manager.open_with_passphrase("blue kettle on the stove")
    assert vault.repos.people.get(pid) is not None
    manager.set_passphrase(vault, "a different passphrase now")
    vault.close()
    with pytest.raises(WrongSecretError):
        manager.open_with_passphrase("blue kettle on the stove")
    manager.open_with_passphrase("a different passphrase now").close()
    manager.recover(code).close()  # the recovery code still works in passphrase mode


def test_new_recovery_code_replaces_old(manager: VaultManager) -> None:
    vault, old = make_vault(manager)
    new = manager.new_recovery_code(vault)
    vault.close()
    with pytest.raises(WrongSecretError):
        manager.recover(old)
    manager.recover(new).close()


def test_keyring_mode_switch_to_passphrase_and_back(manager: VaultManager, os_keyring: object) -> None:
    vault, _ = make_vault(manager)
    manager.set_passphrase(vault, "correct horse battery")
    assert not getattr(os_keyring, "store", {})
    manager.use_keyring(vault)
    vault.close()
    manager.open().close()


# -- migrations --------------------------------------------------------------------------------------

def test_migration_from_version_1_fixture_takes_a_backup_first(data_dir: Path, os_keyring: object) -> None:
    shutil.copytree(FIXTURES / "vault_v1", data_dir)
    key = bytes.fromhex((data_dir / "key.hex").read_text().strip())
    (data_dir / "key.hex").unlink()
    os_keyring.store[("amends-desktop", "vault-fixture-v1")] = key.hex()  # type: ignore[attr-defined]
    manager = VaultManager(data_dir, OsKeyStore)
    # The fixture names the test keyring by its module path; align it with how pytest imported it.
    from amends_desktop.storage.vault_file import write_meta

    meta = manager.meta()
    meta.keyring_backend = OsKeyStore().backend_name
    write_meta(manager.paths.meta, meta)
    vault = manager.open()
    assert vault.migrated == [v for v, _ in migrations.MIGRATIONS if v > 1]
    assert migrations.user_version(vault.conn) == migrations.LATEST
    names = {p.name for p in vault.repos.people.list()}
    assert names == {"Version One Person", "Myself"}
    assert vault.repos.defect_tags.count() >= 5
    assert vault.repos.entries.list()[0].body == "v1 journal entry"
    snaps = backup.list_snapshots(manager.paths.backups)
    assert len(snaps) == 1 and "before-migration-v1" in snaps[0].name
    old = open_database(snaps[0], key)
    assert migrations.user_version(old) == 1
    assert old.execute("SELECT count(*) FROM people").fetchone()[0] == 1
    old.close()
    vault.close()


def test_failed_migration_rolls_back(manager: VaultManager, monkeypatch: pytest.MonkeyPatch) -> None:
    manager.paths.folder.mkdir(parents=True)
    conn = open_database(manager.paths.folder / "x.db", wrapping.new_key(), create=True)
    migrations.migrate(conn, target=1)
    monkeypatch.setattr(migrations, "_script", lambda name: "INSERT INTO people(name) VALUES ('half'); NOT SQL;")
    import sqlcipher3

    with pytest.raises(sqlcipher3.Error):
        migrations.migrate(conn)
    assert migrations.user_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 0
    conn.close()


# -- backups -----------------------------------------------------------------------------------------

def dump(vault: Vault) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    tables = [r[0] for r in vault.conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_index%' ORDER BY name")]
    for table in tables:
        rows.extend((table, *r) for r in vault.conn.execute(f"SELECT * FROM {table} ORDER BY 1"))
    rows.extend(("fts", *r) for r in vault.conn.execute("SELECT rowid, body FROM search_index ORDER BY rowid"))
    return rows


def test_export_then_restore_gives_identical_contents(manager: VaultManager, isolated_dirs: Path) -> None:
    from amends_desktop.services.demo import fill_demo

    vault, _ = make_vault(manager)
    fill_demo(vault.repos)
    original = dump(vault)
    export = isolated_dirs / "home" / "copy.amends"
    vault.export(export, "export pass 123")
    with transaction(vault.conn):
        vault.conn.execute("DELETE FROM entries")
        vault.repos.people.add(m.Person(name="Added after export"))
    assert dump(vault) != original
    with pytest.raises(WrongSecretError):
        vault.restore(export, "wrong pass")
    vault.restore(export, "export pass 123")
    assert dump(vault) == original
    snaps = backup.list_snapshots(manager.paths.backups)
    assert any("before-restore" in s.name for s in snaps)
    vault.close()
    reopened = manager.open()
    assert dump(reopened) == original
    reopened.close()


def test_restore_on_another_machine(manager: VaultManager, isolated_dirs: Path, os_keyring: object) -> None:
    vault, _ = make_vault(manager)
    add_person(vault, "Travelling person", "moved with me")
    export = isolated_dirs / "home" / "move.amends"
    vault.export(export, "moving day pass")
    vault.close()
    other = VaultManager(isolated_dirs / "new-laptop", OsKeyStore)
    fresh, _ = make_vault(other)
    fresh.restore(export, "moving day pass")
    assert "Travelling person" in {p.name for p in fresh.repos.people.list()}
    fresh.close()


def test_snapshots_at_most_daily_and_seven_kept(manager: VaultManager) -> None:
    from datetime import datetime, timedelta

    vault, _ = make_vault(manager)
    start = datetime(2026, 3, 1, 9, 0, 0)
    assert backup.snapshot_if_due(vault.paths.database, vault.key, vault.paths.backups, now=start) is not None
    assert backup.snapshot_if_due(vault.paths.database, vault.key, vault.paths.backups,
                                  now=start + timedelta(hours=5)) is None
    for day in range(1, 10):
        backup.snapshot_if_due(vault.paths.database, vault.key, vault.paths.backups, now=start + timedelta(days=day))
    snaps = backup.list_snapshots(vault.paths.backups)
    assert len(snaps) == 7
    assert snaps[-1].name.startswith("snapshot-20260310")
    for snap in snaps:
        assert snap.read_bytes()[:16] != b"SQLite format 3\x00"
        conn = open_database(snap, vault.key)
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 1
        conn.close()
    vault.close()


def test_export_needs_a_real_passphrase(manager: VaultManager, isolated_dirs: Path) -> None:
    vault, _ = make_vault(manager)
    with pytest.raises(ValueError):
        vault.export(isolated_dirs / "x.amends", "short")
    assert not (isolated_dirs / "x.amends").exists()
    vault.close()


def test_damaged_vault_comes_back_from_the_newest_snapshot(manager: VaultManager) -> None:
    vault, code = make_vault(manager)
    pid = add_person(vault, "Before the damage", "kept in the snapshot")
    vault.snapshot()
    vault.close()
    data = bytearray(manager.paths.database.read_bytes())
    for i in range(100, 4000):
        data[i] ^= 0xFF
    manager.paths.database.write_bytes(bytes(data))
    damaged_hash = sha(manager.paths.database)
    with pytest.raises(DamagedVaultError):
        manager.open()
    key = manager.key_for_repair(code)
    assert key == manager.key_for_repair()  # from the keyring too
    snaps = manager.usable_snapshots(key)
    assert len(snaps) == 1
    restored = manager.restore_snapshot(snaps[0], key)
    assert restored.repos.people.get(pid) is not None
    aside = list(manager.paths.folder.glob("vault.damaged-*.db"))
    assert len(aside) == 1 and sha(aside[0]) == damaged_hash, "the damaged file is kept, unchanged"
    restored.close()
    manager.open().close()


def test_export_leaves_out_what_was_deleted(manager: VaultManager, isolated_dirs: Path) -> None:
    vault, _ = make_vault(manager)
    kept = add_person(vault, "Kept person")
    gone = add_person(vault, "Deleted person", "private note about them")
    with transaction(vault.conn):
        vault.repos.people.delete(gone)
    export = isolated_dirs / "home" / "clean.amends"
    vault.export(export, "export pass 123")
    conn = backup.open_export(export, "export pass 123")
    names = {r[0] for r in conn.execute("SELECT name FROM people")}
    assert "Deleted person" not in names and "Kept person" in names
    assert conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH 'private'").fetchone()[0] == 0
    conn.close()
    assert vault.repos.people.get(kept) is not None
    vault.close()
