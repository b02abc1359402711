"""Numbered schema migrations, each applied in one transaction that bumps ``user_version``.

A vault from a newer version is refused before anything is written. Before the first step on an
existing vault, the caller's ``before_first_step`` takes an encrypted backup.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from amends_desktop.security.errors import NewerVersionError
from amends_desktop.storage.connection import DbConnection

# (version, file) in order. Append only; never edit a migration that has shipped.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, "m001_schema.sql"),
    (2, "m002_seed.sql"),
    (3, "m003_journal_indexes.sql"),
)
LATEST = MIGRATIONS[-1][0]


def _script(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def user_version(conn: DbConnection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def pending(conn: DbConnection, target: int = LATEST) -> list[int]:
    current = user_version(conn)
    if current > LATEST:
        raise NewerVersionError(f"vault version {current}, this app knows up to {LATEST}")
    return [v for v, _ in MIGRATIONS if current < v <= target]


def migrate(
    conn: DbConnection,
    *,
    target: int = LATEST,
    before_first_step: Callable[[int], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Bring the vault to ``target``. Returns the versions applied."""
    steps = pending(conn, target)
    if not steps:
        return []
    current = user_version(conn)
    if before_first_step is not None and current > 0:
        before_first_step(current)
    files = dict(MIGRATIONS)
    for done, version in enumerate(steps):
        if progress is not None:
            progress(done, len(steps))
        # executescript would commit a transaction we opened; so BEGIN/COMMIT live inside the script.
        script = f"BEGIN IMMEDIATE;\n{_script(files[version])}\nPRAGMA user_version = {version};\nCOMMIT;"
        try:
            conn.executescript(script)
        except Exception:
            if getattr(conn, "in_transaction", False):
                conn.execute("ROLLBACK")
            raise
    if progress is not None:
        progress(len(steps), len(steps))
    return steps
