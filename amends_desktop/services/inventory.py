"""The Inventory use cases (Steps 4 and 8 feeding Step 9): people harmed, their harms, defect tags,
deleting with undo, and the patterns across everything.

Plain Python over the vault's repositories; every write is one ``transaction``. The UI calls this
and never writes SQL itself.

The people list is read with ONE aggregate query (``people_rows``): per person the number of harms,
the money involved per currency, the stage of their plan, and the text the list filter matches
(name, relationship, notes, and every harm's what-happened, when and defects), so typing in the
filter never goes back to the vault.

"Money owed" is the sum of the amounts written on the person's harms, one total per currency; the
Planner's restitution ledger tracks what is paid back.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import (
    FormalAmends,
    HarmCategory,
    Hold,
    Reachability,
    Relationship,
    Stage,
    Willingness,
)
from amends_desktop.domain.ids import HarmId, PersonId, PlanId, TagId
from amends_desktop.domain.restitution import MoneyError, format_money, parse_money
from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.repository import transaction

__all__ = [
    "HarmRow",
    "InventoryError",
    "InventoryService",
    "MoneyError",
    "PatternCounts",
    "PersonRow",
    "UndoToken",
    "format_money",
    "parse_money",
]

MAX_NAME = 200
MAX_TAG = 60


class InventoryError(ValueError):
    """Input the inventory can't take; the message is written for the person using the app."""


@dataclass(frozen=True)
class PersonRow:
    """One line of the people list."""

    id: PersonId
    name: str
    relationship: Relationship
    reachability: Reachability
    willingness: Willingness
    revisit_on: str | None
    is_self: bool
    harm_count: int
    money: tuple[tuple[str, int], ...]  # (currency, total minor units), sorted by currency
    plan_id: PlanId | None
    plan_stage: Stage | None
    plan_hold: Hold | None
    categories: frozenset[str]
    tag_ids: frozenset[int]
    search_text: str  # casefolded: what the list filter matches

    @property
    def money_text(self) -> str:
        return ", ".join(format_money(total, cur) for cur, total in self.money)

    @property
    def stage_text(self) -> str:
        if self.plan_stage is None:
            return "No plan yet"
        if self.plan_hold is not None:
            return f"{self.plan_stage.label} ({self.plan_hold.label.lower()})"
        return self.plan_stage.label


@dataclass(frozen=True)
class HarmRow:
    """One line of a person's harms table: the harm and its defect tags."""

    harm: m.Harm
    tags: tuple[m.DefectTag, ...] = ()

    @property
    def id(self) -> HarmId:
        return HarmId(int(self.harm.id or 0))

    @property
    def tag_ids(self) -> frozenset[int]:
        return frozenset(int(t.id or 0) for t in self.tags)

    @property
    def tags_text(self) -> str:
        return ", ".join(t.name for t in self.tags)

    @property
    def money_text(self) -> str:
        if self.harm.amount_minor is None:
            return ""
        return format_money(self.harm.amount_minor, self.harm.currency)


@dataclass(frozen=True)
class TagUse:
    tag: m.DefectTag
    harm_count: int


@dataclass(frozen=True)
class PatternCounts:
    """Harms counted across all people: by category (every category, zeros included) and by defect."""

    by_category: tuple[tuple[HarmCategory, int], ...]
    by_tag: tuple[tuple[m.DefectTag, int], ...]
    total_harms: int


@dataclass(frozen=True)
class UndoToken:
    """What one delete did, so it can be undone until the app closes."""

    kind: str  # "person" or "harm"
    row_id: int
    deleted_at: str
    label: str
    person_id: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


_PEOPLE_SQL = """
WITH live_harms AS (
    SELECT id, person_id, category, what_happened, when_text, amount_minor, currency
    FROM harms WHERE deleted_at IS NULL {harm_scope}
),
harm_tags AS (
    SELECT h.person_id, group_concat(DISTINCT d.tag_id) AS tag_ids,
           group_concat(DISTINCT t.name) AS tag_names
    FROM live_harms h JOIN harm_defects d ON d.harm_id = h.id JOIN defect_tags t ON t.id = d.tag_id
    GROUP BY h.person_id
),
harm_stats AS (
    SELECT person_id, count(*) AS n, group_concat(DISTINCT category) AS cats,
           group_concat(what_happened || ' ' || when_text, char(10)) AS texts
    FROM live_harms GROUP BY person_id
),
money AS (
    SELECT person_id, group_concat(currency || '=' || total, ';') AS totals FROM (
        SELECT person_id, currency, sum(amount_minor) AS total FROM live_harms
        WHERE amount_minor IS NOT NULL GROUP BY person_id, currency ORDER BY currency
    ) GROUP BY person_id
),
first_plan AS (
    SELECT p.person_id, p.id, p.stage, p.hold FROM plans p
    WHERE p.deleted_at IS NULL {plan_scope}
      AND p.id = (SELECT min(q.id) FROM plans q WHERE q.person_id = p.person_id AND q.deleted_at IS NULL)
)
SELECT pe.id, pe.name, pe.relationship, pe.reachability, pe.willingness, pe.revisit_on, pe.is_self,
       pe.notes, coalesce(hs.n, 0), hs.cats, hs.texts, mo.totals, fp.id, fp.stage, fp.hold,
       ht.tag_ids, ht.tag_names
FROM people pe
LEFT JOIN harm_stats hs ON hs.person_id = pe.id
LEFT JOIN money mo ON mo.person_id = pe.id
LEFT JOIN first_plan fp ON fp.person_id = pe.id
LEFT JOIN harm_tags ht ON ht.person_id = pe.id
WHERE pe.deleted_at IS NULL {person_scope}
"""
_ALL_PEOPLE_SQL = _PEOPLE_SQL.format(harm_scope="", plan_scope="", person_scope="")
_ONE_PERSON_SQL = _PEOPLE_SQL.format(
    harm_scope="AND person_id = :pid", plan_scope="AND p.person_id = :pid", person_scope="AND pe.id = :pid"
)
_PLAN_STAGES_SQL = (
    "SELECT p.person_id, p.id, p.stage, p.hold FROM plans p WHERE p.deleted_at IS NULL AND p.id = "
    "(SELECT min(q.id) FROM plans q WHERE q.person_id = p.person_id AND q.deleted_at IS NULL)"
)


def _parse_totals(text: str | None) -> tuple[tuple[str, int], ...]:
    if not text:
        return ()
    out = []
    for part in text.split(";"):
        cur, _, total = part.rpartition("=")
        out.append((cur, int(total)))
    return tuple(sorted(out))


def _person_row(r: tuple[Any, ...]) -> PersonRow:
    (pid, name, rel, reach, will, revisit, is_self, notes, n, cats, texts, totals, plan_id, stage, hold,
     tag_ids, tag_names) = r
    relationship = Relationship(rel)
    search = "\n".join(s for s in (name, relationship.label, notes, texts or "", tag_names or "") if s)
    return PersonRow(
        id=PersonId(int(pid)),
        name=name,
        relationship=relationship,
        reachability=Reachability(reach),
        willingness=Willingness(will),
        revisit_on=revisit,
        is_self=bool(is_self),
        harm_count=int(n),
        money=_parse_totals(totals),
        plan_id=PlanId(int(plan_id)) if plan_id is not None else None,
        plan_stage=Stage(stage) if stage else None,
        plan_hold=Hold(hold) if hold else None,
        categories=frozenset(cats.split(",")) if cats else frozenset(),
        tag_ids=frozenset(int(t) for t in tag_ids.split(",")) if tag_ids else frozenset(),
        search_text=search.casefold(),
    )


_stamps = itertools.count(1)


def _delete_stamp() -> str:
    """A deleted_at value unique to one delete, so undo restores exactly what that delete removed."""
    return f"{datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%S.%f')}#{next(_stamps)}"


def clean_name(name: str, *, what: str = "name", limit: int = MAX_NAME) -> str:
    """A name with its outer spaces removed; refuses an empty one and absurdly long ones."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InventoryError(f"Please give a {what}, even a first name or initials will do.")
    if len(cleaned) > limit:
        raise InventoryError(f"That {what} is very long; please keep it under {limit} characters.")
    return cleaned


def clean_currency(code: str) -> str:
    c = code.strip().upper()
    if c and not (c.isalpha() and c.isascii() and 2 <= len(c) <= 5):
        raise InventoryError("A currency is a short code such as EUR, USD or GBP.")
    return c


class InventoryService:
    """People, harms and defect tags; every method is one unit of work."""

    def __init__(self, repos: Repositories) -> None:
        self.repos = repos
        self.conn = repos.conn

    # -- people ------------------------------------------------------------------------------
    def people_rows(self) -> list[PersonRow]:
        """Every live person with counts, money and plan stage (one aggregate query)."""
        rows = self.conn.execute(_ALL_PEOPLE_SQL + " ORDER BY pe.is_self DESC, pe.name COLLATE NOCASE, pe.id").fetchall()
        return [_person_row(tuple(r)) for r in rows]

    def person_row(self, person_id: int) -> PersonRow | None:
        row = self.conn.execute(_ONE_PERSON_SQL, {"pid": person_id}).fetchone()
        return _person_row(tuple(row)) if row else None

    def plan_stages(self) -> dict[int, tuple[PlanId, Stage, Hold | None]]:
        """Each person's plan (id, stage, hold), cheap enough to re-read whenever the tab is shown."""
        return {
            int(pid): (PlanId(int(plan_id)), Stage(stage), Hold(hold) if hold else None)
            for pid, plan_id, stage, hold in self.conn.execute(_PLAN_STAGES_SQL)
        }

    def person(self, person_id: int) -> m.Person | None:
        return self.repos.people.get(person_id)

    def myself(self) -> m.Person:
        return self.repos.myself()

    def add_person(self, name: str, relationship: Relationship = Relationship.OTHER, **fields: Any) -> m.Person:
        person = m.Person(name=clean_name(name), relationship=relationship, **fields)
        if person.relationship == Relationship.SELF:
            raise InventoryError("There is already an entry for yourself: “Myself”.")
        with transaction(self.conn):
            return self.repos.people.add(person)

    def update_person(self, person_id: int, **changes: Any) -> m.Person:
        """Change some fields of a person. ``name`` is checked; willingness other than "not yet"
        clears the revisit date."""
        current = self.repos.people.get(person_id)
        if current is None:
            raise InventoryError("This person is no longer in the list.")
        if "name" in changes:
            changes["name"] = clean_name(str(changes["name"]))
        if "relationship" in changes:
            rel = Relationship(changes["relationship"])
            if current.is_self and rel != Relationship.SELF:
                raise InventoryError("“Myself” always stays yourself.")
            if not current.is_self and rel == Relationship.SELF:
                raise InventoryError("There is already an entry for yourself: “Myself”.")
        allowed = {"name", "relationship", "reachability", "willingness", "revisit_on", "notes"}
        unknown = set(changes) - allowed
        if unknown:
            raise KeyError(f"unknown person fields {sorted(unknown)}")
        will = Willingness(changes.get("willingness", current.willingness))
        if will != Willingness.NOT_YET:
            changes["revisit_on"] = None
        elif changes.get("revisit_on"):
            changes["revisit_on"] = date.fromisoformat(str(changes["revisit_on"])).isoformat()
        with transaction(self.conn):
            self.repos.people.update_fields(person_id, **changes)
            return self.repos.people.get_any(person_id)

    def delete_person(self, person_id: int) -> UndoToken:
        """Soft-delete a person with their harms and plans; ``undo`` brings all of it back."""
        person = self.repos.people.get(person_id)
        if person is None:
            raise InventoryError("This person is no longer in the list.")
        if person.is_self:
            raise InventoryError("“Myself” stays in the list: amends to yourself count too.")
        stamp = _delete_stamp()
        with transaction(self.conn):
            self.conn.execute("UPDATE harms SET deleted_at = ? WHERE person_id = ? AND deleted_at IS NULL",
                              (stamp, person_id))
            self.conn.execute("UPDATE plans SET deleted_at = ? WHERE person_id = ? AND deleted_at IS NULL",
                              (stamp, person_id))
            self.conn.execute("UPDATE people SET deleted_at = ? WHERE id = ?", (stamp, person_id))
        return UndoToken("person", person_id, stamp, person.name, person_id)

    # -- harms -------------------------------------------------------------------------------
    def harm_rows(self, person_id: int) -> list[HarmRow]:
        harms = self.repos.harms.list("person_id = ?", (person_id,), order="id")
        return self._with_tags(harms)

    def harm_row(self, harm_id: int) -> HarmRow | None:
        harm = self.repos.harms.get(harm_id)
        return self._with_tags([harm])[0] if harm else None

    def _with_tags(self, harms: list[m.Harm]) -> list[HarmRow]:
        if not harms:
            return []
        ids = [int(h.id or 0) for h in harms]
        tags: dict[int, list[m.DefectTag]] = {i: [] for i in ids}
        marks = ",".join("?" for _ in ids)
        for harm_id, name, builtin, tag_id in self.conn.execute(
            f"SELECT d.harm_id, t.name, t.builtin, t.id FROM harm_defects d JOIN defect_tags t ON t.id = d.tag_id "
            f"WHERE d.harm_id IN ({marks}) ORDER BY t.name COLLATE NOCASE",
            ids,
        ):
            tags[int(harm_id)].append(m.DefectTag(name=name, builtin=bool(builtin), id=int(tag_id)))
        return [HarmRow(h, tuple(tags[int(h.id or 0)])) for h in harms]

    def add_harm(self, person_id: int, what_happened: str = "", *, category: HarmCategory = HarmCategory.OTHER,
                 tag_ids: list[int] | None = None, **fields: Any) -> HarmRow:
        if self.repos.people.get(person_id) is None:
            raise InventoryError("This person is no longer in the list.")
        harm = m.Harm(person_id=person_id, category=category, what_happened=what_happened, **fields)
        self._check_money(harm.amount_minor, harm.currency)
        with transaction(self.conn):
            added = self.repos.harms.add(harm)
            if tag_ids:
                self.repos.set_harm_tags(int(added.id or 0), list(tag_ids))
        row = self.harm_row(int(added.id or 0))
        assert row is not None
        return row

    @staticmethod
    def _check_money(amount: int | None, currency: str) -> None:
        if amount is not None and amount < 0:
            raise InventoryError("The amount can't be negative.")
        clean_currency(currency)

    def update_harm(self, harm_id: int, *, tag_ids: list[int] | None = None, **changes: Any) -> HarmRow:
        """Change some fields of a harm (and, when given, its defect tags)."""
        current = self.repos.harms.get(harm_id)
        if current is None:
            raise InventoryError("This harm is no longer in the list.")
        allowed = {"category", "what_happened", "when_text", "amount_minor", "currency", "root_cause",
                   "formal_amends", "reviewed_on", "notes"}
        unknown = set(changes) - allowed
        if unknown:
            raise KeyError(f"unknown harm fields {sorted(unknown)}")
        if "currency" in changes:
            changes["currency"] = clean_currency(str(changes["currency"]))
        merged = replace(current, **changes)
        self._check_money(merged.amount_minor, merged.currency)
        if merged.amount_minor is None:
            changes["currency"] = ""
        if "category" in changes:
            changes["category"] = HarmCategory(changes["category"])
        if "formal_amends" in changes:
            changes["formal_amends"] = FormalAmends(changes["formal_amends"])
        if changes.get("reviewed_on"):
            changes["reviewed_on"] = date.fromisoformat(str(changes["reviewed_on"])).isoformat()
        with transaction(self.conn):
            if changes:
                self.repos.harms.update_fields(harm_id, **changes)
            if tag_ids is not None:
                self.repos.set_harm_tags(harm_id, list(tag_ids))
        row = self.harm_row(harm_id)
        assert row is not None
        return row

    def set_money(self, harm_id: int, amount_text: str, currency: str) -> HarmRow:
        """Amount as typed ("1,234.50"; empty for none) and a currency; raises MoneyError or
        InventoryError with a message to show beside the field."""
        text = amount_text.strip()
        amount = None if not text else parse_money(text)
        return self.update_harm(harm_id, amount_minor=amount, currency=currency if amount is not None else "")

    def delete_harm(self, harm_id: int) -> UndoToken:
        harm = self.repos.harms.get(harm_id)
        if harm is None:
            raise InventoryError("This harm is no longer in the list.")
        stamp = _delete_stamp()
        with transaction(self.conn):
            self.conn.execute("UPDATE harms SET deleted_at = ? WHERE id = ?", (stamp, harm_id))
        label = harm.what_happened.strip().splitlines()[0][:60] if harm.what_happened.strip() else "a harm"
        return UndoToken("harm", harm_id, stamp, label, harm.person_id)

    def undo(self, token: UndoToken) -> None:
        """Bring back what ``token``'s delete removed (rows deleted with the same stamp)."""
        with transaction(self.conn):
            if token.kind == "person":
                self.conn.execute("UPDATE people SET deleted_at = NULL WHERE id = ? AND deleted_at = ?",
                                  (token.row_id, token.deleted_at))
                self.conn.execute("UPDATE harms SET deleted_at = NULL WHERE person_id = ? AND deleted_at = ?",
                                  (token.row_id, token.deleted_at))
                self.conn.execute("UPDATE plans SET deleted_at = NULL WHERE person_id = ? AND deleted_at = ?",
                                  (token.row_id, token.deleted_at))
            elif token.kind == "harm":
                # A harm comes back only with its person; if the person is gone too, bring them back.
                self.conn.execute("UPDATE harms SET deleted_at = NULL WHERE id = ?", (token.row_id,))
                self.conn.execute("UPDATE people SET deleted_at = NULL WHERE id = ?", (token.person_id,))
            else:
                raise ValueError(token.kind)

    # -- defect tags -------------------------------------------------------------------------
    def tags(self) -> list[TagUse]:
        rows = self.conn.execute(
            "SELECT t.name, t.builtin, t.id, count(h.id) FROM defect_tags t "
            "LEFT JOIN harm_defects d ON d.tag_id = t.id "
            "LEFT JOIN harms h ON h.id = d.harm_id AND h.deleted_at IS NULL "
            "GROUP BY t.id ORDER BY t.builtin DESC, t.name COLLATE NOCASE"
        )
        return [TagUse(m.DefectTag(name=r[0], builtin=bool(r[1]), id=int(r[2])), int(r[3])) for r in rows]

    def _tag_named(self, name: str) -> m.DefectTag | None:
        found = self.repos.defect_tags.list("name = ? COLLATE NOCASE", (name,))
        return found[0] if found else None

    def add_tag(self, name: str) -> m.DefectTag:
        """A new tag of the user's own; an existing tag with the same name (any case) is returned as is."""
        cleaned = clean_name(name, what="name for the pattern", limit=MAX_TAG)
        existing = self._tag_named(cleaned)
        if existing is not None:
            return existing
        with transaction(self.conn):
            return self.repos.defect_tags.add(m.DefectTag(name=cleaned))

    def rename_tag(self, tag_id: int, name: str) -> m.DefectTag:
        cleaned = clean_name(name, what="name for the pattern", limit=MAX_TAG)
        existing = self._tag_named(cleaned)
        if existing is not None and existing.id != tag_id:
            raise InventoryError(f"There is already a pattern called “{existing.name}”. "
                                 "To bring the two together, merge them instead.")
        with transaction(self.conn):
            self.conn.execute("UPDATE defect_tags SET name = ? WHERE id = ?", (cleaned, tag_id))
            return self.repos.defect_tags.get_any(tag_id)

    def merge_tags(self, source_ids: list[int], target_id: int) -> m.DefectTag:
        """Move every harm tagged with a source onto the target, then remove the sources."""
        sources = [s for s in dict.fromkeys(source_ids) if s != target_id]
        target = self.repos.defect_tags.get(target_id)
        if target is None:
            raise InventoryError("The pattern to merge into is no longer there.")
        with transaction(self.conn):
            for source in sources:
                self.conn.execute(
                    "INSERT OR IGNORE INTO harm_defects(harm_id, tag_id) SELECT harm_id, ? FROM harm_defects "
                    "WHERE tag_id = ?",
                    (target_id, source),
                )
                self.conn.execute("DELETE FROM defect_tags WHERE id = ?", (source,))
        return target

    # -- patterns ----------------------------------------------------------------------------
    def patterns(self) -> PatternCounts:
        cats = dict.fromkeys(HarmCategory, 0)
        for cat, n in self.conn.execute(
            "SELECT h.category, count(*) FROM harms h JOIN people p ON p.id = h.person_id "
            "WHERE h.deleted_at IS NULL AND p.deleted_at IS NULL GROUP BY h.category"
        ):
            cats[HarmCategory(cat)] = int(n)
        tags = []
        for name, builtin, tag_id, n in self.conn.execute(
            "SELECT t.name, t.builtin, t.id, count(h.id) FROM defect_tags t "
            "JOIN harm_defects d ON d.tag_id = t.id "
            "JOIN harms h ON h.id = d.harm_id AND h.deleted_at IS NULL "
            "JOIN people p ON p.id = h.person_id AND p.deleted_at IS NULL "
            "GROUP BY t.id ORDER BY count(h.id) DESC, t.name COLLATE NOCASE"
        ):
            tags.append((m.DefectTag(name=name, builtin=bool(builtin), id=int(tag_id)), int(n)))
        total = self.conn.execute(
            "SELECT count(*) FROM harms h JOIN people p ON p.id = h.person_id "
            "WHERE h.deleted_at IS NULL AND p.deleted_at IS NULL"
        ).fetchone()[0]
        ordered = sorted(cats.items(), key=lambda kv: -kv[1])
        return PatternCounts(tuple(ordered), tuple(tags), int(total))


def tag_id(tag: m.DefectTag) -> TagId:
    return TagId(int(tag.id or 0))


def fill_large(repos: Repositories, people: int = 1000, harms_per_person: int = 10, seed: int = 3) -> None:
    """Many made-up people and harms, for benchmarks and stress tests."""
    import random

    rng = random.Random(seed)
    first = ["Alex", "Sam", "Jo", "Maria", "Tom", "Dee", "Jon", "Priya", "Omar", "Lena", "Ana", "Kai", "Noor",
             "Ravi", "Zoë", "Yusuf", "Mina", "Ivo", "Ruth", "Chen"]
    verbs = ["Took", "Borrowed", "Broke", "Missed", "Lied about", "Forgot", "Sold", "Hid", "Shouted about", "Left"]
    things = ["money from a wallet", "the car", "a birthday", "rent money", "a promise", "the shift", "a guitar",
              "a family dinner", "the keys", "a loan"]
    whens = ["2019", "summer 2019", "2020-03", "late 2018", "winter 2020", "2021", "spring 2017", "2016-11-02"]
    tag_rows = repos.defect_tags.list()
    cats = list(HarmCategory)
    rels = [r for r in Relationship if r != Relationship.SELF]
    with transaction(repos.conn):
        for i in range(people):
            cur = repos.conn.execute(
                "INSERT INTO people(name, relationship, notes) VALUES (?, ?, ?)",
                (f"{rng.choice(first)} {i}", rng.choice(rels).value, ""),
            )
            pid = int(cur.lastrowid)
            for _ in range(harms_per_person):
                amount = rng.choice([None, None, rng.randrange(1000, 100000)])
                hc = repos.conn.execute(
                    "INSERT INTO harms(person_id, category, what_happened, when_text, amount_minor, currency) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (pid, rng.choice(cats).value, f"{rng.choice(verbs)} {rng.choice(things)}", rng.choice(whens),
                     amount, "EUR" if amount is not None else ""),
                )
                tag = rng.choice(tag_rows)
                repos.conn.execute("INSERT INTO harm_defects(harm_id, tag_id) VALUES (?, ?)",
                                   (int(hc.lastrowid), int(tag.id or 0)))
