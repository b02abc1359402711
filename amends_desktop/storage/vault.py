"""The vault's life cycle: first run, open, recovery, passphrase changes, backups and restore.

Rules that hold on every path here:
- a new key or vault is only ever made where no vault (database or vault.json) exists;
- a failure to open never deletes, truncates or rewrites the database file;
- the raw key is kept in the OS keyring or in memory, never in a file.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from amends_desktop.security import wrapping
from amends_desktop.security.errors import (
    AlreadyExistsError,
    DamagedVaultError,
    KeyMissingError,
    KeyringChangedError,
    NeedsPassphraseError,
    VaultError,
    VaultNotFoundError,
    WrongKeyError,
    WrongSecretError,
)
from amends_desktop.security.keystore import KeyStore
from amends_desktop.storage import backup, migrations
from amends_desktop.storage.atomic import fsync_dir
from amends_desktop.storage.connection import DbConnection, NotADatabaseError, check_writable, open_database, translate
from amends_desktop.storage.paths import VaultPaths
from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.vault_file import (
    MODE_KEYRING,
    MODE_MEMORY,
    MODE_PASSPHRASE,
    VaultMeta,
    read_meta,
    write_meta,
)

KeyStoreFactory = Callable[[], KeyStore]
Progress = Callable[[int, int], None]


@dataclass
class NewVault:
    """A vault about to be created: shown to the person (recovery code) before anything is written."""

    vault_id: str
    key: bytes
    recovery_code: str


class Vault:
    """An open vault: the connection, its repositories and what is needed to back it up."""

    def __init__(self, paths: VaultPaths, meta: VaultMeta, key: bytes, conn: DbConnection) -> None:
        self.paths = paths
        self.meta = meta
        self._key = key
        self.conn = conn
        self.repos = Repositories(conn)
        self.key_restored_to_keyring = False
        self.migrated: list[int] = []

    @property
    def key(self) -> bytes:
        return self._key

    @property
    def closed(self) -> bool:
        return self.conn is None

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None

    def reopen(self) -> None:
        self.close()
        self.conn = open_database(self.paths.database, self._key)
        self.repos = Repositories(self.conn)

    # -- backups ---------------------------------------------------------------------------------
    def snapshot_if_due(self) -> Path | None:
        return backup.snapshot_if_due(self.paths.database, self._key, self.paths.backups)

    def snapshot(self, reason: str = "") -> Path:
        return backup.snapshot(self.paths.database, self._key, self.paths.backups, reason=reason)

    def export(self, dest: Path, passphrase: str) -> Path:
        return backup.export_with_passphrase(self.paths.database, self._key, dest, passphrase)

    def restore(self, export_path: Path, passphrase: str, progress: Progress | None = None) -> None:
        """Replace the contents with an export; the current vault is snapshotted first."""
        staged = self.paths.folder / ".vault.db.restoring"
        backup.build_restored_file(export_path, passphrase, staged, self._key)  # checks passphrase first
        if progress:
            progress(1, 4)
        try:
            self.snapshot(reason="before-restore")
            if progress:
                progress(2, 4)
            self.close()
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{self.paths.database}{suffix}").unlink()
            os.replace(staged, self.paths.database)
            fsync_dir(self.paths.folder)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                staged.unlink()
            if self.conn is None:
                with contextlib.suppress(VaultError):
                    self.reopen()
            if isinstance(exc, OSError):
                raise translate(exc) from None
            raise
        self.reopen()
        if progress:
            progress(3, 4)
        self.migrated = migrations.migrate(self.conn)
        if progress:
            progress(4, 4)


def _key_from_secret(meta: VaultMeta, secret: str) -> bytes:
    """The key unwrapped by the passphrase or the recovery code, whichever fits; checked against vault.json."""
    for slot in ("passphrase", "recovery"):
        wrapped = meta.wrapped.get(slot)
        if wrapped is None:
            continue
        try:
            key = wrapping.unwrap(wrapped, secret, vault_id=meta.vault_id)
        except WrongSecretError:
            continue
        if wrapping.key_matches(key, meta.key_check):
            return key
    raise WrongSecretError()


class VaultManager:
    """Creates and opens the vault in one data folder."""

    def __init__(self, folder: Path, keystore_factory: KeyStoreFactory) -> None:
        self.paths = VaultPaths(folder)
        self._keystore_factory = keystore_factory

    # -- state -----------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.paths.exists()

    def meta(self) -> VaultMeta:
        if not self.paths.meta.exists():
            if self.paths.database.exists():
                raise DamagedVaultError("vault.json missing")
            raise VaultNotFoundError()
        meta = read_meta(self.paths.meta)
        if not self.paths.database.exists():
            raise DamagedVaultError("database missing")
        return meta

    # -- first run --------------------------------------------------------------------------------
    def prepare(self) -> NewVault:
        """A key and recovery code in memory only; nothing is written until ``create``."""
        if self.exists():
            raise AlreadyExistsError()
        return NewVault(uuid.uuid4().hex, wrapping.new_key(), wrapping.new_recovery_code())

    def create(self, new: NewVault, *, passphrase: str | None = None, memory_keystore: KeyStore | None = None) -> Vault:
        """Write the vault: keyring mode by default, passphrase mode when a passphrase is given."""
        if self.exists():
            raise AlreadyExistsError()
        folder = self.paths.folder
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise translate(exc) from None
        check_writable(folder)
        meta = VaultMeta(
            vault_id=new.vault_id,
            mode=MODE_PASSPHRASE if passphrase is not None else MODE_KEYRING,
            key_check=wrapping.key_check(new.key),
            created_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        meta.wrapped["recovery"] = wrapping.wrap(new.key, new.recovery_code, slot="recovery", vault_id=new.vault_id)
        if passphrase is not None:
            meta.wrapped["passphrase"] = wrapping.wrap(new.key, passphrase, slot="passphrase", vault_id=new.vault_id)
        store: KeyStore | None = None
        if memory_keystore is not None:
            store, meta.mode = memory_keystore, MODE_MEMORY
        elif passphrase is None:
            store = self._keystore_factory()  # NoKeyringError here: the caller offers passphrase mode
        # Build the database under a temporary name, so an interrupted first run leaves no vault.
        staging = folder / ".vault.db.creating"
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{staging}{suffix}").unlink()
        conn = open_database(staging, new.key, create=True)
        try:
            migrations.migrate(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except BaseException as exc:
            conn.close()
            backup._cleanup(staging)
            raise translate(exc) if not isinstance(exc, VaultError) else exc from None
        conn.close()
        try:
            if store is not None:
                store.put(new.vault_id, new.key)
                meta.keyring_backend = store.backend_name
            write_meta(self.paths.meta, meta)
            os.replace(staging, self.paths.database)
            fsync_dir(folder)
        except BaseException as exc:
            backup._cleanup(staging)
            with contextlib.suppress(OSError):
                if not self.paths.database.exists():
                    self.paths.meta.unlink()
            if isinstance(exc, OSError):
                raise translate(exc) from None
            raise
        return self._open_with_key(meta, new.key)

    # -- opening ----------------------------------------------------------------------------------
    def _open_with_key(
        self, meta: VaultMeta, key: bytes, *, progress: Progress | None = None, migrate: bool = True
    ) -> Vault:
        if not wrapping.key_matches(key, meta.key_check):
            raise WrongKeyError()
        try:
            conn = open_database(self.paths.database, key)
        except NotADatabaseError:
            # The key is right (the key check passed), so the file itself is damaged.
            raise DamagedVaultError("cannot decrypt with the right key") from None
        try:
            migrations.pending(conn)  # refuses a newer vault before anything is written

            def before_first_step(version: int) -> None:
                backup.snapshot(self.paths.database, key, self.paths.backups, reason=f"before-migration-v{version}")

            applied: list[int] = []
            if migrate:
                applied = migrations.migrate(conn, before_first_step=before_first_step, progress=progress)
            if migrate:
                conn.execute("SELECT count(*) FROM people").fetchone()
        except BaseException as exc:
            conn.close()
            if isinstance(exc, VaultError):
                raise
            raise translate(exc) from None
        vault = Vault(self.paths, meta, key, conn)
        vault.migrated = applied
        return vault

    def open(self, *, progress: Progress | None = None, migrate: bool = True) -> Vault:
        """Open with the key from the keyring (keyring mode)."""
        meta = self.meta()
        if meta.mode == MODE_PASSPHRASE:
            raise NeedsPassphraseError()
        store = self._keystore_factory()
        if meta.keyring_backend and store.backend_name != meta.keyring_backend:
            raise KeyringChangedError(f"{meta.keyring_backend} -> {store.backend_name}")
        key = store.get(meta.vault_id)
        if key is None:
            raise KeyMissingError()
        return self._open_with_key(meta, key, progress=progress, migrate=migrate)

    def open_with_passphrase(self, passphrase: str, *, progress: Progress | None = None) -> Vault:
        meta = self.meta()
        wrapped = meta.wrapped.get("passphrase")
        if wrapped is None:
            raise WrongSecretError("no passphrase set")
        key = wrapping.unwrap(wrapped, passphrase, vault_id=meta.vault_id)
        return self._open_with_key(meta, key, progress=progress)

    def recover(self, secret: str, *, slot: str = "recovery", progress: Progress | None = None) -> Vault:
        """Open with the recovery code (or passphrase) and, in keyring mode, put the key back."""
        meta = self.meta()
        wrapped = meta.wrapped.get(slot)
        if wrapped is None:
            raise WrongSecretError(f"no {slot} slot")
        key = wrapping.unwrap(wrapped, secret, vault_id=meta.vault_id)
        vault = self._open_with_key(meta, key, progress=progress)
        if meta.mode == MODE_KEYRING:
            try:
                store = self._keystore_factory()
                store.put(meta.vault_id, key)
                meta.keyring_backend = store.backend_name
                write_meta(self.paths.meta, meta)
                vault.key_restored_to_keyring = True
            except VaultError:
                vault.key_restored_to_keyring = False  # opened anyway; the UI explains
        return vault

    # -- a damaged or missing database: back to the newest good snapshot ------------------------------
    def key_for_repair(self, secret: str | None = None) -> bytes:
        """The vault key, from the keyring or from the recovery code / passphrase, checked against vault.json."""
        meta = read_meta(self.paths.meta)
        if secret:
            return _key_from_secret(meta, secret)
        if meta.mode == MODE_PASSPHRASE:
            raise NeedsPassphraseError()
        stored = self._keystore_factory().get(meta.vault_id)
        if stored is None:
            raise KeyMissingError()
        if not wrapping.key_matches(stored, meta.key_check):
            raise WrongKeyError()
        return stored

    def usable_snapshots(self, key: bytes) -> list[Path]:
        """Snapshots that open with the key and pass SQLite's check, newest first."""
        good: list[Path] = []
        for snap in reversed(backup.list_snapshots(self.paths.backups)):
            try:
                conn = open_database(snap, key)
            except VaultError:
                continue
            try:
                if conn.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                    good.append(snap)
            except Exception:  # a snapshot that can't be read is simply not offered
                pass
            finally:
                conn.close()
        return good

    def restore_snapshot(self, snapshot: Path, key: bytes) -> Vault:
        """Put a snapshot in place of a damaged database. The damaged file is kept aside, never deleted."""
        meta = read_meta(self.paths.meta)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        staged = self.paths.folder / ".vault.db.from-snapshot"
        try:
            source = open_database(snapshot, key)
            try:
                backup.copy_encrypted(source, staged, key=key)
            finally:
                source.close()
            if self.paths.database.exists():
                aside = self.paths.folder / f"vault.damaged-{stamp}.db"
                os.replace(self.paths.database, aside)
                for suffix in ("-wal", "-shm"):
                    old = Path(f"{self.paths.database}{suffix}")
                    if old.exists():
                        os.replace(old, Path(f"{aside}{suffix}"))
            os.replace(staged, self.paths.database)
            fsync_dir(self.paths.folder)
        except OSError as exc:
            raise translate(exc) from None
        finally:
            backup._cleanup(staged)
        return self._open_with_key(meta, key)

    # -- changing how the key is kept ----------------------------------------------------------------
    def set_passphrase(self, vault: Vault, passphrase: str, *, forget_keyring: bool = True) -> None:
        """Add or change the passphrase; by default switch to passphrase mode (key leaves the keyring)."""
        if len(passphrase) < 8:
            raise ValueError("A passphrase needs at least 8 characters.")
        meta = vault.meta
        meta.wrapped["passphrase"] = wrapping.wrap(vault.key, passphrase, slot="passphrase", vault_id=meta.vault_id)
        previous_mode = meta.mode
        if forget_keyring and meta.mode == MODE_KEYRING:
            meta.mode = MODE_PASSPHRASE
        write_meta(self.paths.meta, meta)
        if previous_mode == MODE_KEYRING and meta.mode == MODE_PASSPHRASE:
            with contextlib.suppress(VaultError):
                self._keystore_factory().delete(meta.vault_id)

    def use_keyring(self, vault: Vault) -> None:
        """Move from passphrase mode to keeping the key in the OS keyring."""
        store = self._keystore_factory()
        store.put(vault.meta.vault_id, vault.key)
        vault.meta.mode = MODE_KEYRING
        vault.meta.keyring_backend = store.backend_name
        write_meta(self.paths.meta, vault.meta)

    def confirm_access(self, vault: Vault, secret: str | None = None) -> None:
        """Unlocking the screen after auto-lock: the passphrase (or recovery code), or the keyring's key.

        Raises WrongSecretError (or a keyring error) when access is not confirmed.
        """
        import hmac

        meta = vault.meta
        if secret:
            if not hmac.compare_digest(_key_from_secret(meta, secret), vault.key):
                raise WrongSecretError()
            return
        if meta.mode == MODE_PASSPHRASE:
            raise NeedsPassphraseError()
        if meta.mode == MODE_MEMORY:
            return
        stored = self._keystore_factory().get(meta.vault_id)
        if stored is None or not hmac.compare_digest(stored, vault.key):
            raise KeyMissingError()

    def new_recovery_code(self, vault: Vault) -> str:
        code = wrapping.new_recovery_code()
        vault.meta.wrapped["recovery"] = wrapping.wrap(vault.key, code, slot="recovery", vault_id=vault.meta.vault_id)
        write_meta(self.paths.meta, vault.meta)
        return code
