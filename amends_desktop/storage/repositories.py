"""The repositories of the vault, one per table, plus the settings store."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from amends_desktop.domain import models as m
from amends_desktop.storage.connection import DbConnection
from amends_desktop.storage.repository import Repository

SOFT_DELETE_TABLES = ("people", "harms", "plans", "entries")


class SettingsStore:
    """Settings as JSON values under keys; the Settings dataclass is the typed view."""

    def __init__(self, conn: DbConnection) -> None:
        self.conn = conn

    def get_raw(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_raw(self, key: str, value: Any) -> None:
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

    def load(self) -> m.Settings:
        settings = m.Settings()
        for f in dataclasses.fields(m.Settings):
            raw = self.get_raw(f.name)
            if raw is None:
                continue
            current = getattr(settings, f.name)
            if isinstance(current, m.Contact) and isinstance(raw, dict):
                setattr(settings, f.name, m.Contact(**{k: str(v) for k, v in raw.items() if k in ("name", "phone", "note")}))
            else:
                setattr(settings, f.name, raw)
        return settings

    def save(self, settings: m.Settings) -> None:
        for f in dataclasses.fields(m.Settings):
            value = getattr(settings, f.name)
            if isinstance(value, m.Contact):
                value = dataclasses.asdict(value)
            self.set_raw(f.name, value)


class Repositories:
    """Every repository over one connection."""

    def __init__(self, conn: DbConnection) -> None:
        self.conn = conn
        self.people = Repository(conn, "people", m.Person, soft_delete=True)
        self.defect_tags = Repository(conn, "defect_tags", m.DefectTag)
        self.harms = Repository(conn, "harms", m.Harm, soft_delete=True)
        self.plans = Repository(conn, "plans", m.Plan, soft_delete=True)
        self.expected_responses = Repository(conn, "expected_responses", m.ExpectedResponse)
        self.permission_requests = Repository(conn, "permission_requests", m.PermissionRequest)
        self.contact_attempts = Repository(conn, "contact_attempts", m.ContactAttempt)
        self.ledgers = Repository(conn, "ledgers", m.Ledger)
        self.instalments = Repository(conn, "instalments", m.Instalment)
        self.payments = Repository(conn, "payments", m.Payment)
        self.commitments = Repository(conn, "commitments", m.Commitment)
        self.check_ins = Repository(conn, "check_ins", m.CheckIn)
        self.indirect_actions = Repository(conn, "indirect_actions", m.IndirectAction)
        self.outcomes = Repository(conn, "outcomes", m.Outcome)
        self.entries = Repository(conn, "entries", m.Entry, soft_delete=True)
        self.prompts = Repository(conn, "prompts", m.Prompt)
        self.sensitive_dates = Repository(conn, "sensitive_dates", m.SensitiveDate)
        self.settings = SettingsStore(conn)

    def all(self) -> list[Repository[Any]]:
        return [v for v in vars(self).values() if isinstance(v, Repository)]

    # Harm <-> defect tags (a link table, not a record).
    def harm_tags(self, harm_id: int) -> list[m.DefectTag]:
        rows = self.conn.execute(
            "SELECT t.name, t.builtin, t.id FROM defect_tags t JOIN harm_defects d ON d.tag_id = t.id "
            "WHERE d.harm_id = ? ORDER BY t.name COLLATE NOCASE",
            (harm_id,),
        )
        return [m.DefectTag(name=r[0], builtin=bool(r[1]), id=r[2]) for r in rows]

    def set_harm_tags(self, harm_id: int, tag_ids: list[int]) -> None:
        self.conn.execute("DELETE FROM harm_defects WHERE harm_id = ?", (harm_id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO harm_defects(harm_id, tag_id) VALUES (?, ?)", [(harm_id, t) for t in tag_ids]
        )

    def plan_harm_ids(self, plan_id: int) -> list[int]:
        rows = self.conn.execute(
            "SELECT ph.harm_id FROM plan_harms ph JOIN harms h ON h.id = ph.harm_id "
            "WHERE ph.plan_id = ? AND h.deleted_at IS NULL ORDER BY ph.harm_id",
            (plan_id,),
        )
        return [int(r[0]) for r in rows]

    def set_plan_harms(self, plan_id: int, harm_ids: list[int]) -> None:
        self.conn.execute("DELETE FROM plan_harms WHERE plan_id = ?", (plan_id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO plan_harms(plan_id, harm_id) VALUES (?, ?)", [(plan_id, h) for h in harm_ids]
        )

    def purge_deleted(self) -> int:
        """Rows deleted in an earlier session (undo lasts until the app closes)."""
        return sum(
            repo.purge_deleted() for repo in (self.entries, self.harms, self.plans, self.people)
        )

    def myself(self) -> m.Person:
        people = self.people.list("is_self = 1")
        if not people:
            raise LookupError("Myself is missing")
        return people[0]
