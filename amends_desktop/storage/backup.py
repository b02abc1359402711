"""Encrypted backups: rotating daily snapshots, and a passphrase export that restores anywhere.

Every copy is made with ``ATTACH ... KEY`` and ``sqlcipher_export()`` into a temporary file beside
its destination, verified by reopening it, synced, and only then renamed into place, so a crash or
a full disk never leaves a half-written backup under a real name. Nothing is ever decrypted to disk.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import sqlcipher3

from amends_desktop.security.errors import DamagedVaultError, NewerVersionError, WrongSecretError
from amends_desktop.storage import migrations
from amends_desktop.storage.atomic import fsync_dir
from amends_desktop.storage.connection import DbConnection, key_pragma, open_database, translate

KEEP_SNAPSHOTS = 7
SNAPSHOT_RE = re.compile(r"^snapshot-(\d{8})-(\d{6})(?:-[\w-]+)?\.db$")
Progress = Callable[[int, int], None]


def _raw_key_sql(key: bytes) -> str:
    # A *string* holding x'..' is SQLCipher's raw-key form; a bare blob literal would be hashed
    # as a passphrase.
    return "'x''" + key.hex() + "'''"


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _cleanup(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


# Rows the person deleted (kept only so Ctrl+Z works until the app closes) never go into an export.
SOFT_DELETE_TABLES = ("entries", "harms", "plans", "people")


def _export(source: DbConnection, dest_tmp: Path, key_sql: str, version: int, *, drop_deleted: bool = False) -> None:
    """Copy ``source`` into a new encrypted file at ``dest_tmp``."""
    source.execute(f"ATTACH DATABASE ? AS backup_copy KEY {key_sql}", (str(dest_tmp),))
    try:
        source.execute("SELECT sqlcipher_export('backup_copy')")
        if drop_deleted:
            for table in SOFT_DELETE_TABLES:
                source.execute(f"DELETE FROM backup_copy.{table} WHERE deleted_at IS NOT NULL")
        # sqlcipher_export copies the schema and rows but not user_version.
        source.execute(f"PRAGMA backup_copy.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE backup_copy")


def _verify(path: Path, key_pragma_sql: str, expected_version: int) -> None:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma_sql)
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise DamagedVaultError("backup failed its check")
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) != expected_version:
            raise DamagedVaultError("backup version mismatch")
    except sqlcipher3.Error as exc:
        raise translate(exc) from None
    finally:
        conn.close()


def copy_encrypted(source: DbConnection, dest: Path, *, key: bytes | None = None, passphrase: str | None = None) -> Path:
    """Write a verified encrypted copy of ``source`` to ``dest`` (raw key or passphrase)."""
    if (key is None) == (passphrase is None):
        raise ValueError("give exactly one of key or passphrase")
    version = migrations.user_version(source)
    tmp = dest.with_name(f".{dest.name}.part")
    _cleanup(tmp)
    if key is not None:
        key_sql, check_sql = _raw_key_sql(key), key_pragma(key)
    else:
        assert passphrase is not None
        quoted = passphrase.replace("'", "''")
        key_sql, check_sql = f"'{quoted}'", f"PRAGMA key = '{quoted}'"
    try:
        _export(source, tmp, key_sql, version, drop_deleted=passphrase is not None)
        _verify(tmp, check_sql, version)
        _fsync_file(tmp)
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except BaseException as exc:
        _cleanup(tmp)
        if isinstance(exc, sqlcipher3.Error | OSError):
            raise translate(exc) from None
        raise
    return dest


def list_snapshots(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if SNAPSHOT_RE.match(p.name))


def snapshot(db_path: Path, key: bytes, folder: Path, *, reason: str = "", now: datetime | None = None) -> Path:
    """Take an encrypted snapshot now and keep the newest KEEP_SNAPSHOTS."""
    now = now or datetime.now()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    suffix = f"-{reason}" if reason else ""
    dest = folder / f"snapshot-{now:%Y%m%d-%H%M%S}{suffix}.db"
    source = open_database(db_path, key)
    try:
        copy_encrypted(source, dest, key=key)
    finally:
        source.close()
    rotate(folder)
    return dest


def rotate(folder: Path, keep: int = KEEP_SNAPSHOTS) -> list[Path]:
    snaps = list_snapshots(folder)
    removed = snaps[:-keep] if len(snaps) > keep else []
    for old in removed:
        _cleanup(old)
    return removed


def snapshot_if_due(db_path: Path, key: bytes, folder: Path, *, now: datetime | None = None) -> Path | None:
    """At most one automatic snapshot a day."""
    now = now or datetime.now()
    today = f"{now:%Y%m%d}"
    for snap in list_snapshots(folder):
        match = SNAPSHOT_RE.match(snap.name)
        if match and match.group(1) == today:
            return None
    return snapshot(db_path, key, folder, now=now)


def export_with_passphrase(db_path: Path, key: bytes, dest: Path, passphrase: str) -> Path:
    """A portable copy readable with the passphrase alone (SQLCipher's own key derivation)."""
    if len(passphrase) < 8:
        raise ValueError("The export passphrase needs at least 8 characters.")
    source = open_database(db_path, key)
    try:
        return copy_encrypted(source, dest, passphrase=passphrase)
    finally:
        source.close()


def open_export(path: Path, passphrase: str) -> DbConnection:
    """Open an export read-only, telling a wrong passphrase from a file that is not an export."""
    if not path.is_file():
        raise DamagedVaultError("export missing")
    # Not opened with mode=ro: a read-only connection would also make the ATTACHed copy read-only.
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    quoted = passphrase.replace("'", "''")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = '{quoted}'")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlcipher3.DatabaseError:
        conn.close()
        raise WrongSecretError("export passphrase") from None
    if "people" not in tables or "entries" not in tables:
        conn.close()
        raise DamagedVaultError("not an amends-desktop export")
    if migrations.user_version(conn) > migrations.LATEST:
        conn.close()
        raise NewerVersionError("export from a newer version")
    return conn


def build_restored_file(export_path: Path, passphrase: str, dest: Path, key: bytes) -> Path:
    """Re-encrypt an export under the vault key into ``dest`` (a new file; the caller swaps it in)."""
    source = open_export(export_path, passphrase)
    try:
        return copy_encrypted(source, dest, key=key)
    finally:
        source.close()
