"""Opening the encrypted database with the pragmas and checks of DESIGN.md.

Each way an open can fail becomes its own VaultError. Nothing here creates a file unless
``create=True`` is passed, and nothing here ever deletes or rewrites an existing file.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any, TypeAlias

import sqlcipher3

from amends_desktop.security.errors import (
    DamagedVaultError,
    DiskFullError,
    NotWritableError,
    VaultError,
    VaultNotFoundError,
)

DbConnection: TypeAlias = Any  # sqlcipher3 ships no type information
DatabaseError = sqlcipher3.DatabaseError
PLAINTEXT_HEADER = b"SQLite format 3\x00"


class NotADatabaseError(VaultError):
    """SQLCipher could not decrypt the first page: a wrong key or a damaged file (caller decides)."""

    kind = "not_a_database"


def key_pragma(key: bytes) -> str:
    # A raw 256-bit key: SQLCipher skips its own slow key derivation.
    return f"PRAGMA key = \"x'{key.hex()}'\""


def translate(exc: BaseException) -> VaultError:
    """Turn a database or OS error into the VaultError a person can act on."""
    if isinstance(exc, VaultError):
        return exc
    text = str(exc).lower()
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFullError(type(exc).__name__)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return NotWritableError(type(exc).__name__)
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError("SQLITE_FULL")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return NotWritableError("cannot write")
    if "not a database" in text:
        return NotADatabaseError("not a database")
    if "malformed" in text or "corrupt" in text:
        return DamagedVaultError("malformed")
    return DamagedVaultError(type(exc).__name__)


def check_header(path: Path) -> None:
    """An encrypted file never starts with SQLite's plaintext magic."""
    with path.open("rb") as fh:
        head = fh.read(16)
    if head == PLAINTEXT_HEADER:
        raise DamagedVaultError("plaintext header")


def check_writable(folder: Path) -> None:
    """Refuse early when the folder can't take writes (SQLite needs the WAL and lock files)."""
    if not folder.is_dir():
        raise NotWritableError("missing folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NotWritableError("no write access")


def open_database(path: Path, key: bytes, *, create: bool = False, readonly: bool = False) -> DbConnection:
    """Open (or with ``create`` make) the vault database with the raw key and verify it."""
    if not create and not path.exists():
        raise VaultNotFoundError()
    if create and path.exists():
        from amends_desktop.security.errors import AlreadyExistsError

        raise AlreadyExistsError()
    if not readonly:
        check_writable(path.parent)
    if not create:
        check_header(path)
    try:
        if readonly:
            conn = sqlcipher3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise translate(exc) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key))
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise DamagedVaultError("SQLCipher is not active")
        # The first read decrypts page 1: this is where a wrong key shows.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise NotWritableError("journal mode")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlcipher3.Error | OSError | VaultError):
            raise translate(exc) from None
        raise
    return conn


def cipher_version() -> str:
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return str(row[0]) if row and row[0] else ""
    finally:
        conn.close()


def integrity(conn: DbConnection) -> str:
    row = conn.execute("PRAGMA quick_check").fetchone()
    return str(row[0]) if row else "unknown"
