"""Typed repositories: one generic mapper between a dataclass in domain/models.py and its table.

The dataclass field names are the column names, so a model and its table can't drift apart
silently: ``Repository.check_columns`` compares them and a storage test calls it for every table.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from amends_desktop.storage.connection import DbConnection, translate

T = TypeVar("T")

_AUDIT = ("created_at", "updated_at")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(value: str) -> str:
    """Text SQLite can take: a lone surrogate (from a broken paste) becomes U+FFFD instead of an error."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", value)
    return value


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")


@contextmanager
def transaction(conn: DbConnection) -> Iterator[DbConnection]:
    """One unit of work: committed whole or not at all; storage errors become VaultErrors."""
    import sqlcipher3

    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlcipher3.Error as exc:
        raise translate(exc) from None
    try:
        yield conn
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlcipher3.Error):
            raise translate(exc) from None
        raise
    else:
        try:
            conn.execute("COMMIT")
        except sqlcipher3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise translate(exc) from None


def _unwrap_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


class Repository(Generic[T]):
    """CRUD for one table whose columns are the fields of ``model``."""

    def __init__(self, conn: DbConnection, table: str, model: type[T], *, soft_delete: bool = False) -> None:
        self.conn = conn
        self.table = table
        self.model = model
        self.soft_delete = soft_delete
        hints = typing.get_type_hints(model)
        self.fields: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(model))  # type: ignore[arg-type]
        self._types = {name: _unwrap_optional(hints[name]) for name in self.fields}
        self._select = f"SELECT {', '.join(self.fields)} FROM {table}"
        self._live = " WHERE deleted_at IS NULL" if soft_delete else " WHERE 1"

    # -- mapping ---------------------------------------------------------------------------
    def to_row(self, obj: T) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for name in self.fields:
            value = getattr(obj, name)
            if isinstance(value, Enum):
                value = value.value
            elif isinstance(value, bool):
                value = int(value)
            elif isinstance(value, str):
                value = storable_text(value)
            row[name] = value
        return row

    def from_row(self, row: Sequence[Any]) -> T:
        values: dict[str, Any] = {}
        for name, value in zip(self.fields, row, strict=True):
            tp = self._types[name]
            if value is not None:
                if isinstance(tp, type) and issubclass(tp, Enum):
                    value = tp(value)
                elif tp is bool:
                    value = bool(value)
            values[name] = value
        return self.model(**values)

    def check_columns(self) -> set[str]:
        """Fields of the model that have no column in the table (empty when they match)."""
        columns = {r[1] for r in self.conn.execute(f"PRAGMA table_info({self.table})")}
        return set(self.fields) - columns

    # -- reads -----------------------------------------------------------------------------
    def get(self, row_id: int) -> T | None:
        row = self.conn.execute(f"{self._select}{self._live} AND id = ?", (row_id,)).fetchone()
        return self.from_row(row) if row else None

    def list(self, where: str = "", params: Sequence[Any] = (), order: str = "id") -> list[T]:
        sql = f"{self._select}{self._live}"
        if where:
            sql += f" AND ({where})"
        sql += f" ORDER BY {order}"
        return [self.from_row(r) for r in self.conn.execute(sql, tuple(params))]

    def count(self, where: str = "", params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM {self.table}{self._live}"
        if where:
            sql += f" AND ({where})"
        return int(self.conn.execute(sql, tuple(params)).fetchone()[0])

    # -- writes (callers own the transaction) ----------------------------------------------------
    def add(self, obj: T) -> T:
        row = self.to_row(obj)
        row.pop("id", None)
        for name in _AUDIT:
            if name in row and row[name] is None:
                row.pop(name)
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cur = self.conn.execute(f"INSERT INTO {self.table} ({cols}) VALUES ({marks})", tuple(row.values()))
        return self.get_any(int(cur.lastrowid))

    def get_any(self, row_id: int) -> T:
        row = self.conn.execute(f"{self._select} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise KeyError(row_id)
        return self.from_row(row)

    def update(self, obj: T) -> T:
        row = self.to_row(obj)
        row_id = row.pop("id")
        row.pop("created_at", None)
        if "updated_at" in row:
            row["updated_at"] = now_text()
        sets = ", ".join(f"{c} = ?" for c in row)
        self.conn.execute(f"UPDATE {self.table} SET {sets} WHERE id = ?", (*row.values(), row_id))
        return self.get_any(int(row_id))

    def update_fields(self, row_id: int, **changes: Any) -> None:
        values = {
            k: (v.value if isinstance(v, Enum) else int(v) if isinstance(v, bool) else storable_text(v) if isinstance(v, str) else v)
            for k, v in changes.items()
        }
        unknown = set(values) - set(self.fields)
        if unknown:
            raise KeyError(f"unknown columns {sorted(unknown)}")
        if "updated_at" in self.fields:
            values["updated_at"] = now_text()
        sets = ", ".join(f"{c} = ?" for c in values)
        self.conn.execute(f"UPDATE {self.table} SET {sets} WHERE id = ?", (*values.values(), row_id))

    def delete(self, row_id: int) -> None:
        """Soft-delete where the table allows undo; otherwise remove the row."""
        if self.soft_delete:
            self.conn.execute(f"UPDATE {self.table} SET deleted_at = ? WHERE id = ?", (now_text(), row_id))
        else:
            self.conn.execute(f"DELETE FROM {self.table} WHERE id = ?", (row_id,))

    def undelete(self, row_id: int) -> None:
        if not self.soft_delete:
            raise ValueError(f"{self.table} rows can't be restored")
        self.conn.execute(f"UPDATE {self.table} SET deleted_at = NULL WHERE id = ?", (row_id,))

    def purge_deleted(self) -> int:
        if not self.soft_delete:
            return 0
        cur = self.conn.execute(f"DELETE FROM {self.table} WHERE deleted_at IS NOT NULL")
        return int(cur.rowcount)
