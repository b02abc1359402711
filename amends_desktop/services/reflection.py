"""Use cases of the Reflection tab: the journal, prompts, the craving protocol, debriefs and charts.

Plain Python over the vault's repositories; every write is one transaction. The journal list can
hold 100,000 entries, so it works like Anki's browser: ``entry_ids`` returns the ids in display
order (cheap), and ``entry_rows`` fetches the few rows that are on screen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from amends_desktop.domain import models as m
from amends_desktop.domain.craving import (
    GROUNDING_STEPS,
    DebriefOffer,
    craving_alert,
    debrief_offer,
    plans_to_pause,
)
from amends_desktop.domain.enums import EntryKind, Hold, OutcomeKind, PlanType, Stage
from amends_desktop.domain.prompts import OwnPrompt, PromptChoice, choices_for, clean_prompt_text
from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.repository import transaction

SELF_CARE_FIELDS: tuple[tuple[str, str], ...] = (
    ("sc_meeting", "Meeting"),
    ("sc_meditation", "Meditation or prayer"),
    ("sc_exercise", "Exercise"),
    ("sc_called_sponsor", "Called sponsor"),
    ("sc_ate", "Ate"),
    ("sc_slept", "Slept"),
)

PAUSE_REASON = "Paused to look after myself while a craving passes"

# Sortable list columns -> SQL (ties broken by id so the order is stable).
SORT_KEYS: dict[str, str] = {
    "date": "e.written_on {d}, e.id {d}",
    "kind": "e.kind {d}, e.written_on DESC, e.id DESC",
    "mood": "e.mood IS NULL, e.mood {d}, e.written_on DESC, e.id DESC",
    "craving": "e.craving IS NULL, e.craving {d}, e.written_on DESC, e.id DESC",
    "link": "e.plan_id IS NULL AND e.person_id IS NULL, coalesce(pp.name, p.name) COLLATE NOCASE {d}, e.written_on DESC, e.id DESC",
}


class EntryError(ValueError):
    """Input a person can fix; the message says how, kindly."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class EntryRow:
    """What the journal list shows for one entry."""

    id: int
    written_on: str
    kind: EntryKind
    mood: int | None
    craving: int | None
    thoughts_of_using: bool
    link: str
    preview: str


@dataclass(frozen=True)
class LinkChoice:
    """Something an entry can be linked to: a plan (preferred) or a person."""

    label: str
    plan_id: int | None = None
    person_id: int | None = None


@dataclass(frozen=True)
class PlanSummary:
    id: int
    person_id: int
    label: str
    stage: Stage
    hold: Hold | None
    hold_reason: str
    hold_since: str | None


@dataclass(frozen=True)
class SupportContact:
    role: str
    contact: m.Contact

    @property
    def is_set(self) -> bool:
        return bool(self.contact.name.strip() or self.contact.phone.strip())


@dataclass(frozen=True)
class SupportCard:
    """Everything the support card shows."""

    contacts: list[SupportContact]
    grounding_steps: tuple[str, ...]
    plans_to_pause: list[PlanSummary]  # active plans, the linked ones first
    linked_plan_ids: list[int]  # those to tick by default
    paused: list[PlanSummary]  # already paused (could be resumed)


@dataclass(frozen=True)
class DebriefDraft:
    entry: m.Entry
    offer: DebriefOffer
    plan_label: str


@dataclass(frozen=True)
class StageCount:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class LedgerProgress:
    label: str
    paid_minor: int
    owed_minor: int
    currency: str


def _today() -> date:
    return date.today()


class ReflectionService:
    def __init__(self, repos: Repositories, today: date | None = None) -> None:
        self.repos = repos
        self.conn = repos.conn
        self._today = today

    def today(self) -> date:
        return self._today or _today()

    # -- journal: the list ----------------------------------------------------------------------
    def entry_count(self) -> int:
        return self.repos.entries.count()

    def entry_ids(self, sort: str = "date", descending: bool = True, kind: EntryKind | None = None) -> list[int]:
        """Ids of live entries in display order (optionally of one kind)."""
        order = SORT_KEYS.get(sort, SORT_KEYS["date"]).format(d="DESC" if descending else "ASC")
        joins = ""
        if sort == "link":
            joins = " LEFT JOIN plans pl ON pl.id = e.plan_id LEFT JOIN people pp ON pp.id = pl.person_id LEFT JOIN people p ON p.id = e.person_id"
        where = "e.deleted_at IS NULL"
        params: tuple[object, ...] = ()
        if kind is not None:
            where += " AND e.kind = ?"
            params = (kind.value,)
        # The covering index of migration 3 saves a visit to every row when sorting by a value.
        hint = " INDEXED BY entries_live_list" if sort in ("mood", "craving", "link") and kind is None else ""
        sql = f"SELECT e.id FROM entries e{hint}{joins} WHERE {where} ORDER BY {order}"
        return [r[0] for r in self.conn.execute(sql, params)]

    def entry_rows(self, ids: Sequence[int]) -> dict[int, EntryRow]:
        """The list rows for these ids (missing or deleted ids are left out)."""
        result: dict[int, EntryRow] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" for _ in chunk)
            rows = self.conn.execute(
                "SELECT e.id, e.written_on, e.kind, e.mood, e.craving, e.thoughts_of_using, "
                "pp.name, pl.type, p.name, substr(e.body, 1, 160) "
                "FROM entries e LEFT JOIN plans pl ON pl.id = e.plan_id AND pl.deleted_at IS NULL "
                "LEFT JOIN people pp ON pp.id = pl.person_id "
                "LEFT JOIN people p ON p.id = e.person_id AND p.deleted_at IS NULL "
                f"WHERE e.deleted_at IS NULL AND e.id IN ({marks})",
                chunk,
            )
            for r in rows:
                if r[6] is not None:
                    link = f"Plan: {r[6]}"
                elif r[8] is not None:
                    link = str(r[8])
                else:
                    link = ""
                preview = " ".join(str(r[9]).split())
                try:
                    kind = EntryKind(r[2])
                except ValueError:
                    kind = EntryKind.FREE
                result[r[0]] = EntryRow(r[0], r[1], kind, r[3], r[4], bool(r[5]), link, preview)
        return result

    # -- journal: one entry ---------------------------------------------------------------------
    def get_entry(self, entry_id: int) -> m.Entry | None:
        return self.repos.entries.get(entry_id)

    def new_entry(self, kind: EntryKind = EntryKind.CHECK_IN, *, plan_id: int | None = None,
                  person_id: int | None = None, prompt: str = "") -> m.Entry:
        """A draft (not saved yet: ``id`` is None until ``save_entry``)."""
        if plan_id is not None and person_id is None:
            plan = self.repos.plans.get(plan_id)
            person_id = plan.person_id if plan else None
        return m.Entry(written_on=self.today().isoformat(), kind=kind, plan_id=plan_id,
                       person_id=person_id, prompt=prompt)

    @staticmethod
    def validate(entry: m.Entry) -> None:
        try:
            date.fromisoformat(entry.written_on)
        except (TypeError, ValueError):
            raise EntryError("written_on", "Pick a date for this entry.") from None
        if entry.mood is not None and not 1 <= entry.mood <= 10:
            raise EntryError("mood", "Mood goes from 1 (very low) to 10 (very good).")
        if entry.craving is not None and not 0 <= entry.craving <= 10:
            raise EntryError("craving", "Craving goes from 0 (none) to 10 (very strong).")

    def save_entry(self, entry: m.Entry) -> m.Entry:
        """Insert a draft or update a saved entry; returns the stored entry."""
        self.validate(entry)
        with transaction(self.conn):
            if entry.id is None:
                return self.repos.entries.add(entry)
            return self.repos.entries.update(entry)

    def delete_entry(self, entry_id: int) -> None:
        with transaction(self.conn):
            self.repos.entries.delete(entry_id)

    def undelete_entry(self, entry_id: int) -> None:
        with transaction(self.conn):
            self.repos.entries.undelete(entry_id)

    # -- links ----------------------------------------------------------------------------------
    def link_choices(self) -> list[LinkChoice]:
        """Plans first (labelled by person and type), then people without a live plan."""
        choices: list[LinkChoice] = []
        with_plan: set[int] = set()
        for pid, person_id, name, ptype in self.conn.execute(
            "SELECT pl.id, pl.person_id, p.name, pl.type FROM plans pl JOIN people p ON p.id = pl.person_id "
            "WHERE pl.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY pl.priority, p.name COLLATE NOCASE, pl.id"
        ):
            choices.append(LinkChoice(f"Plan: {name} ({_type_label(ptype)})", plan_id=pid, person_id=person_id))
            with_plan.add(person_id)
        for person in self.repos.people.list(order="is_self DESC, name COLLATE NOCASE"):
            if person.id is not None and person.id not in with_plan:
                choices.append(LinkChoice(person.name, person_id=person.id))
        return choices

    def plan_label(self, plan_id: int) -> str:
        row = self.conn.execute(
            "SELECT p.name, pl.type FROM plans pl JOIN people p ON p.id = pl.person_id WHERE pl.id = ?", (plan_id,)
        ).fetchone()
        return f"{row[0]} ({_type_label(row[1])})" if row else "a plan"

    # -- prompts --------------------------------------------------------------------------------
    def _own_prompts(self) -> list[OwnPrompt]:
        return [OwnPrompt(int(p.id or 0), p.kind, p.text, p.is_template) for p in self.repos.prompts.list()]

    def prompts_for(self, kind: EntryKind) -> list[PromptChoice]:
        return choices_for(kind, self._own_prompts())

    def templates_for(self, kind: EntryKind) -> list[PromptChoice]:
        return choices_for(kind, self._own_prompts(), templates=True)

    def add_prompt(self, kind: EntryKind, text: str, *, is_template: bool = False) -> PromptChoice:
        cleaned = clean_prompt_text(text)
        with transaction(self.conn):
            p = self.repos.prompts.add(m.Prompt(kind=kind, text=cleaned, is_template=is_template))
        return PromptChoice(kind, p.text, is_template, p.id)

    def delete_prompt(self, prompt_id: int) -> None:
        with transaction(self.conn):
            self.repos.prompts.delete(prompt_id)

    # -- craving protocol -----------------------------------------------------------------------
    def settings(self) -> m.Settings:
        return self.repos.settings.load()

    def threshold(self) -> int:
        return int(self.settings().craving_threshold)

    def needs_support(self, entry: m.Entry) -> bool:
        return craving_alert(entry.craving, entry.thoughts_of_using, self.threshold())

    def contacts(self) -> list[SupportContact]:
        s = self.settings()
        return [SupportContact("Sponsor", s.sponsor), SupportContact("Counselor", s.counselor),
                SupportContact("Crisis line", s.crisis_line)]

    def save_contacts(self, sponsor: m.Contact, counselor: m.Contact, crisis_line: m.Contact) -> None:
        with transaction(self.conn):
            s = self.repos.settings.load()
            s.sponsor, s.counselor, s.crisis_line = sponsor, counselor, crisis_line
            self.repos.settings.save(s)

    def linked_plan_ids(self, entry: m.Entry | None) -> list[int]:
        """The plan linked to the entry, or the live plans of the person it is linked to."""
        if entry is None:
            return []
        if entry.plan_id is not None:
            return [entry.plan_id]
        if entry.person_id is not None:
            return [int(p.id or 0) for p in self.repos.plans.list("person_id = ?", (entry.person_id,))]
        return []

    def _summaries(self, plans: Iterable[m.Plan]) -> list[PlanSummary]:
        names = {int(r[0]): str(r[1]) for r in self.conn.execute("SELECT id, name FROM people")}
        return [
            PlanSummary(int(p.id or 0), p.person_id, f"{names.get(p.person_id, '?')} ({p.type.label.lower()})",
                        p.stage, p.hold, p.hold_reason, p.hold_since)
            for p in plans
        ]

    def support_card(self, entry: m.Entry | None = None) -> SupportCard:
        """Contacts, grounding steps, plans that could be paused (linked ones first) and paused plans.

        With an entry, only its linked plans are ticked; from "I'm struggling" (no entry) every
        active plan towards other people is ticked, so one click pauses the amends work (amends to
        oneself, such as looking after one's health, are left running unless ticked).
        """
        plans = self.repos.plans.list(order="priority, id")
        linked = self.linked_plan_ids(entry)
        all_ids = [int(p.id or 0) for p in plans]
        active = plans_to_pause(all_ids, plans)
        linked_active = [p for p in active if p.id in linked]
        others = [p for p in active if p.id not in linked]
        if entry is not None:
            ticked = [int(p.id or 0) for p in linked_active]
        else:
            ticked = [int(p.id or 0) for p in active if p.type != PlanType.SELF]
        paused = [p for p in plans if p.hold == Hold.PAUSED]
        return SupportCard(self.contacts(), GROUNDING_STEPS, self._summaries(linked_active + others), ticked,
                           self._summaries(paused))

    def pause_plans(self, plan_ids: Iterable[int], reason: str = PAUSE_REASON) -> list[int]:
        """Pause the given plans that are active; returns the ids actually paused."""
        wanted = list(plan_ids)
        if not wanted:
            return []
        marks = ",".join("?" for _ in wanted)
        plans = self.repos.plans.list(f"id IN ({marks})", wanted)
        to_pause = plans_to_pause(wanted, plans)
        since = self.today().isoformat()
        with transaction(self.conn):
            for plan in to_pause:
                self.repos.plans.update_fields(int(plan.id or 0), hold=Hold.PAUSED, hold_reason=reason.strip() or PAUSE_REASON,
                                               hold_since=since)
        return [int(p.id or 0) for p in to_pause]

    def paused_plans(self) -> list[PlanSummary]:
        return self._summaries(self.repos.plans.list("hold = ?", (Hold.PAUSED.value,), order="priority, id"))

    def resume_plans(self, plan_ids: Iterable[int], *, support_reached: bool) -> list[int]:
        """Take plans out of the pause, only once the person confirms they reached support."""
        if not support_reached:
            raise EntryError("support", "Before picking things up again, reach out to someone: your sponsor, "
                                        "your counselor, a friend, or the help line.")
        ids = list(plan_ids)
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        plans = self.repos.plans.list(f"id IN ({marks}) AND hold = ?", [*ids, Hold.PAUSED.value])
        with transaction(self.conn):
            for plan in plans:
                self.repos.plans.update_fields(int(plan.id or 0), hold=None, hold_reason="", hold_since=None)
        return [int(p.id or 0) for p in plans]

    # -- debrief --------------------------------------------------------------------------------
    def debrief_draft(self, plan_id: int, outcome_kind: OutcomeKind | str) -> DebriefDraft:
        """A new entry linked to the plan, of the kind the outcome calls for, with its opening prompt."""
        offer = debrief_offer(OutcomeKind(outcome_kind))
        entry = self.new_entry(offer.entry_kind, plan_id=plan_id, prompt=offer.prompt)
        return DebriefDraft(entry, offer, self.plan_label(plan_id))

    # -- charts ---------------------------------------------------------------------------------
    def _since(self, days: int) -> str:
        return (self.today() - timedelta(days=days)).isoformat()

    def mood_craving_points(self, days: int = 365) -> tuple[list[tuple[date, int]], list[tuple[date, int]]]:
        mood: list[tuple[date, int]] = []
        craving: list[tuple[date, int]] = []
        fromiso = date.fromisoformat
        for written_on, mo, cr in self.conn.execute(
            "SELECT written_on, mood, craving FROM entries WHERE deleted_at IS NULL AND written_on >= ? "
            "AND (mood IS NOT NULL OR craving IS NOT NULL) ORDER BY written_on",
            (self._since(days),),
        ):
            try:
                day = fromiso(written_on)
            except ValueError:
                continue
            if mo is not None:
                mood.append((day, mo))
            if cr is not None:
                craving.append((day, cr))
        return mood, craving

    def self_care_days(self, days: int = 365) -> list[tuple[date, list[str]]]:
        """(day, ticked keys) per entry; keys as in ui.charts.SELF_CARE_ITEMS (without ``sc_``)."""
        cols = ", ".join(f for f, _ in SELF_CARE_FIELDS)
        out: list[tuple[date, list[str]]] = []
        keys = [f[3:] for f, _ in SELF_CARE_FIELDS]
        for row in self.conn.execute(
            f"SELECT written_on, {cols} FROM entries WHERE deleted_at IS NULL AND written_on >= ? "
            f"AND ({' OR '.join(f for f, _ in SELF_CARE_FIELDS)}) ORDER BY written_on",
            (self._since(days),),
        ):
            try:
                day = date.fromisoformat(row[0])
            except ValueError:
                continue
            out.append((day, [k for k, v in zip(keys, row[1:], strict=True) if v]))
        return out

    def stage_counts(self) -> list[StageCount]:
        counts = {str(r[0]): int(r[1]) for r in self.conn.execute(
            "SELECT stage, count(*) FROM plans WHERE deleted_at IS NULL GROUP BY stage")}
        return [StageCount(s.value, s.label, counts.get(s.value, 0)) for s in Stage]

    def ledger_progress(self) -> list[LedgerProgress]:
        rows = self.conn.execute(
            "SELECT p.name, l.owed_minor, l.currency, "
            "(SELECT coalesce(sum(amount_minor), 0) FROM payments WHERE ledger_id = l.id) "
            "FROM ledgers l JOIN plans pl ON pl.id = l.plan_id JOIN people p ON p.id = pl.person_id "
            "WHERE pl.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY pl.priority, l.id"
        )
        return [LedgerProgress(str(r[0]), int(r[3]), int(r[1]), str(r[2])) for r in rows]


def _type_label(value: str) -> str:
    try:
        return PlanType(value).label.lower()
    except ValueError:
        return str(value)


def copy_entry(entry: m.Entry) -> m.Entry:
    return dataclasses.replace(entry)
