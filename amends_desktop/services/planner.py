"""The Planner's use cases: amends plans and everything hanging off them.

Plain typed Python over the vault's repositories. Every write is one transaction. The rules
(safety verdict, readiness, stage changes, schedules, streaks, the due list) come from
``amends_desktop.domain``; this module only loads, calls them and stores the result.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from amends_desktop.domain import models as m
from amends_desktop.domain.craving import DebriefOffer, debrief_offer
from amends_desktop.domain.due import DueItem, DueSnapshot, due_items
from amends_desktop.domain.enums import (
    Answer,
    Cadence,
    Hold,
    IndirectKind,
    OutcomeKind,
    PermissionAnswer,
    PlanType,
    SafetyVerdict,
    Stage,
    Willingness,
)
from amends_desktop.domain.readiness import Readiness, parse_iso, readiness
from amends_desktop.domain.restitution import (
    add_months,
    balance,
    format_money,
    generate_schedule,
    next_due,
    progress,
)
from amends_desktop.domain.safety import SAFETY_QUESTIONS, safety_verdict
from amends_desktop.domain.stages import StageCheck, check_hold, check_stage_change, put_on_hold, resume, switch_type
from amends_desktop.domain.streaks import Streaks, period_index, streaks
from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.repository import Repository, _unwrap_optional, transaction

T = TypeVar("T")

SAFETY_FIELDS: tuple[str, ...] = tuple(q.field for q in SAFETY_QUESTIONS)

# Plan columns the editor may change directly. Stage, type, hold and priority have their own
# use cases, because rules apply to them.
EDITABLE_PLAN_FIELDS: frozenset[str] = frozenset(
    {
        "safety_review_by",
        "safety_review_decision",
        "safety_review_on",
        "inventory_done",
        "reviewed_on",
        "support_person",
        "halt_checked_on",
        "exit_plan",
        "ready_override_reason",
        "when_where",
        "first_contact",
        "circumstances",
        "script",
        "commitments_text",
        "follow_up_on",
        "notes",
    }
)
_DATE_FIELDS = frozenset({"safety_review_on", "reviewed_on", "halt_checked_on", "follow_up_on"})

REJECTION_KINDS: frozenset[OutcomeKind] = frozenset(
    {
        OutcomeKind.NOT_READY,
        OutcomeKind.ANGRY,
        OutcomeKind.DOUBTFUL,
        OutcomeKind.MORE_GRIEVANCES,
        OutcomeKind.NO_RESPONSE,
        OutcomeKind.COULD_NOT_REACH,
    }
)


class PlannerError(ValueError):
    """Input that can't be stored; the message is fit to show to the user."""


@dataclass(frozen=True)
class BoardRow:
    """One plan as the board shows it."""

    plan_id: int
    person_id: int
    person_name: str
    is_self: bool
    type: PlanType
    stage: Stage
    hold: Hold | None
    hold_reason: str
    priority: int
    harm_count: int
    verdict: SafetyVerdict
    due_count: int
    overdue: bool


@dataclass(frozen=True)
class LedgerSummary:
    ledger: m.Ledger
    instalments: list[m.Instalment]
    payments: list[m.Payment]
    paid_minor: int
    balance_minor: int
    progress: float
    next_due: tuple[date, int] | None

    def money(self, minor: int) -> str:
        return format_money(minor, self.ledger.currency)


@dataclass(frozen=True)
class CommitmentView:
    commitment: m.Commitment
    check_ins: list[m.CheckIn]
    streaks: Streaks
    periods: list[tuple[date, bool | None]]
    """The last periods, oldest first: (period start, kept / missed / nothing recorded)."""


@dataclass(frozen=True)
class OutcomeResult:
    outcome: m.Outcome
    offer: DebriefOffer
    rejection: bool
    stage_moved_to: Stage | None


def _iso(value: str | None, label: str = "Date") -> str | None:
    """A date field's text as ISO, None when empty; PlannerError when it can't be read."""
    if value is None or not value.strip():
        return None
    parsed = parse_iso(value)
    if parsed is None:
        raise PlannerError(f"{label}: please write the date as YYYY-MM-DD, for example 2024-05-31.")
    return parsed.isoformat()


def _id(value: int | None) -> int:
    if value is None:
        raise PlannerError("This record has not been saved yet.")
    return int(value)


def _converter(tp: Any) -> Callable[[Any], Any] | None:
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if tp is bool:
        return bool
    return None


def fast_list(repo: Repository[T], where: str = "", params: Sequence[Any] = (), order: str = "id") -> list[T]:
    """``repo.list`` with the row mapping worked out once per call instead of once per cell.

    The board reads every plan (and the due list every ledger, instalment, ...), so with thousands
    of rows the generic mapper's per-cell type checks dominate; the result is the same.
    """
    hints = typing.get_type_hints(repo.model)
    convert = [(i, c) for i, name in enumerate(repo.fields) if (c := _converter(_unwrap_optional(hints[name]))) is not None]
    sql = f"SELECT {', '.join(repo.fields)} FROM {repo.table} WHERE " + ("deleted_at IS NULL" if repo.soft_delete else "1")
    if where:
        sql += f" AND ({where})"
    sql += f" ORDER BY {order}"
    model = repo.model
    out: list[T] = []
    for raw in repo.conn.execute(sql, tuple(params)):
        values = list(raw)
        for i, c in convert:
            if values[i] is not None:
                values[i] = c(values[i])
        out.append(model(*values))
    return out


class PlannerService:
    """What the Planner tab asks of the vault."""

    def __init__(self, repos: Repositories, today: Callable[[], date] = date.today) -> None:
        self.repos = repos
        self.today = today

    @property
    def conn(self) -> Any:
        return self.repos.conn

    # -- board -----------------------------------------------------------------------------------
    def board(self, horizon_days: int = 7) -> list[BoardRow]:
        """Every live plan with what the board needs, in a fixed handful of queries."""
        return self.overview(horizon_days)[0]

    def overview(self, horizon_days: int = 7) -> tuple[list[BoardRow], list[DueItem]]:
        """The board rows and the due list from one read of the vault."""
        snapshot = self.due_snapshot()
        counts: dict[int, tuple[int, bool]] = {}
        items = due_items(snapshot, self.today(), horizon_days)
        for item in items:
            if item.plan_id is None:
                continue
            n, late = counts.get(item.plan_id, (0, False))
            counts[item.plan_id] = (n + 1, late or item.overdue)
        harm_counts = {
            int(r[0]): int(r[1])
            for r in self.conn.execute(
                "SELECT ph.plan_id, count(*) FROM plan_harms ph JOIN harms h ON h.id = ph.harm_id "
                "WHERE h.deleted_at IS NULL GROUP BY ph.plan_id"
            )
        }
        people = {p.id: p for p in snapshot.people}
        rows: list[BoardRow] = []
        for plan in snapshot.plans:
            pid = _id(plan.id)
            person = people.get(plan.person_id)
            if person is None:  # the person was deleted (undo is still possible)
                continue
            n, late = counts.get(pid, (0, False))
            rows.append(
                BoardRow(
                    plan_id=pid,
                    person_id=plan.person_id,
                    person_name=person.name,
                    is_self=person.is_self,
                    type=plan.type,
                    stage=plan.stage,
                    hold=plan.hold,
                    hold_reason=plan.hold_reason,
                    priority=plan.priority,
                    harm_count=harm_counts.get(pid, 0),
                    verdict=safety_verdict(plan),
                    due_count=n,
                    overdue=late,
                )
            )
        rows.sort(key=lambda r: (r.priority, r.plan_id))
        return rows, items

    def people(self) -> list[m.Person]:
        return self.repos.people.list(order="is_self DESC, name COLLATE NOCASE")

    def person(self, person_id: int) -> m.Person | None:
        return self.repos.people.get(person_id)

    # -- plans -----------------------------------------------------------------------------------
    def plan(self, plan_id: int) -> m.Plan | None:
        return self.repos.plans.get(plan_id)

    def _plan(self, plan_id: int) -> m.Plan:
        plan = self.repos.plans.get(plan_id)
        if plan is None:
            raise PlannerError("This plan no longer exists.")
        return plan

    def _next_priority(self) -> int:
        row = self.conn.execute("SELECT coalesce(max(priority), 0) FROM plans").fetchone()
        return int(row[0]) + 1

    def create_plan(self, person_id: int, plan_type: PlanType | None = None) -> m.Plan:
        """A new plan for a person, covering their harms that call for formal amends (or are undecided)."""
        person = self.repos.people.get(person_id)
        if person is None:
            raise PlannerError("This person is no longer in the inventory.")
        if plan_type is None:
            plan_type = PlanType.SELF if person.is_self else PlanType.DIRECT
        stage = Stage.WILLING if person.willingness == Willingness.WILLING else Stage.LISTED
        harms = self.repos.harms.list("person_id = ? AND formal_amends <> 'no'", (person_id,))
        with transaction(self.conn):
            plan = self.repos.plans.add(
                m.Plan(person_id=person_id, type=plan_type, stage=stage, priority=self._next_priority())
            )
            self.repos.set_plan_harms(_id(plan.id), [_id(h.id) for h in harms])
        return plan

    def open_or_create_plan_for_person(self, person_id: int) -> m.Plan:
        """The person's open plan (the first by priority), or a new one when they have none."""
        plans = self.repos.plans.list("person_id = ? AND stage <> 'closed'", (person_id,), order="priority, id")
        if plans:
            return plans[0]
        return self.create_plan(person_id)

    def delete_plan(self, plan_id: int) -> None:
        """Soft delete: ``undelete_plan`` brings it back until the app closes."""
        with transaction(self.conn):
            self.repos.plans.delete(plan_id)

    def undelete_plan(self, plan_id: int) -> None:
        with transaction(self.conn):
            self.repos.plans.undelete(plan_id)

    def update_plan_fields(self, plan_id: int, **changes: Any) -> m.Plan:
        """Save free fields of a plan (texts, dates, the inventory tick). Dates are checked."""
        unknown = set(changes) - EDITABLE_PLAN_FIELDS
        if unknown:
            raise KeyError(f"not editable here: {sorted(unknown)}")
        values = dict(changes)
        for key in _DATE_FIELDS & set(values):
            values[key] = _iso(values[key])
        self._plan(plan_id)
        with transaction(self.conn):
            self.repos.plans.update_fields(plan_id, **values)
        return self._plan(plan_id)

    def reorder(self, ordered_plan_ids: Sequence[int]) -> None:
        """Put these plans in this order, keeping every other plan where it is.

        The plans are taken out of the overall priority order and put back into the same slots in
        the new order; then priorities are renumbered 1..n where they changed.
        """
        wanted = [int(p) for p in ordered_plan_ids]
        rows = self.conn.execute("SELECT id, priority FROM plans ORDER BY priority, id").fetchall()
        order = [int(r[0]) for r in rows]
        old = {int(r[0]): int(r[1]) for r in rows}
        chosen = set(wanted)
        slots = [i for i, pid in enumerate(order) if pid in chosen]
        if len(slots) != len(wanted):
            raise PlannerError("Some of these plans no longer exist.")
        for slot, pid in zip(slots, wanted, strict=True):
            order[slot] = pid
        changes = [(i + 1, pid) for i, pid in enumerate(order) if old[pid] != i + 1]
        if not changes:
            return
        with transaction(self.conn):
            self.conn.executemany("UPDATE plans SET priority = ? WHERE id = ?", changes)

    # -- harms -----------------------------------------------------------------------------------
    def person_harms(self, person_id: int) -> list[m.Harm]:
        return self.repos.harms.list("person_id = ?", (person_id,), order="id")

    def plan_harm_ids(self, plan_id: int) -> list[int]:
        return self.repos.plan_harm_ids(plan_id)

    def set_plan_harms(self, plan_id: int, harm_ids: Iterable[int]) -> None:
        with transaction(self.conn):
            self.repos.set_plan_harms(plan_id, sorted(set(harm_ids)))

    # -- type, safety, readiness, stages ---------------------------------------------------------
    def set_type(self, plan_id: int, new_type: PlanType) -> StageCheck:
        plan = self._plan(plan_id)
        check = switch_type(plan, new_type)
        if check.ok and new_type != plan.type:
            with transaction(self.conn):
                self.repos.plans.update_fields(plan_id, type=new_type)
        return check

    def set_safety_answer(self, plan_id: int, field: str, answer: Answer | None) -> SafetyVerdict:
        if field not in SAFETY_FIELDS:
            raise KeyError(field)
        self._plan(plan_id)
        with transaction(self.conn):
            self.repos.plans.update_fields(plan_id, **{field: answer})
        return safety_verdict(self._plan(plan_id))

    def settings(self) -> m.Settings:
        return self.repos.settings.load()

    def readiness(self, plan_id: int) -> Readiness:
        plan = self._plan(plan_id)
        return readiness(plan, self.settings(), self.today(), len(self.repos.plan_harm_ids(plan_id)))

    def change_stage(self, plan_id: int, new_stage: Stage) -> StageCheck:
        """Move a plan to a stage when the rules allow it; the refusal says why."""
        plan = self._plan(plan_id)
        check = check_stage_change(plan, new_stage, self.readiness(plan_id))
        if check.ok and new_stage != plan.stage:
            with transaction(self.conn):
                self.repos.plans.update_fields(plan_id, stage=new_stage)
        return check

    def set_hold(self, plan_id: int, hold: Hold, reason: str) -> StageCheck:
        plan = self._plan(plan_id)
        check = check_hold(plan, hold)
        if check.ok and plan.hold != hold:
            held = put_on_hold(plan, hold, reason, self.today())
            with transaction(self.conn):
                self.repos.plans.update_fields(
                    plan_id, hold=held.hold, hold_reason=held.hold_reason, hold_since=held.hold_since
                )
        return check

    def resume(self, plan_id: int) -> None:
        plan = resume(self._plan(plan_id))
        with transaction(self.conn):
            self.repos.plans.update_fields(plan_id, hold=None, hold_reason=plan.hold_reason, hold_since=None)

    # -- approach: permission log, expected responses --------------------------------------------
    def permission_requests(self, plan_id: int) -> list[m.PermissionRequest]:
        return self.repos.permission_requests.list("plan_id = ?", (plan_id,), order="coalesce(asked_on, ''), id")

    def add_permission_request(
        self,
        plan_id: int,
        asked_on: str | None,
        answer: PermissionAnswer | None,
        not_before: str | None = None,
        note: str = "",
    ) -> m.PermissionRequest:
        request = m.PermissionRequest(
            plan_id=plan_id,
            asked_on=_iso(asked_on, "Asked on"),
            answer=answer,
            not_before=_iso(not_before, "Not before"),
            note=note.strip(),
        )
        with transaction(self.conn):
            return self.repos.permission_requests.add(request)

    def update_permission_request(self, request: m.PermissionRequest) -> m.PermissionRequest:
        fixed = replace(
            request, asked_on=_iso(request.asked_on, "Asked on"), not_before=_iso(request.not_before, "Not before")
        )
        with transaction(self.conn):
            return self.repos.permission_requests.update(fixed)

    def delete_permission_request(self, request_id: int) -> None:
        with transaction(self.conn):
            self.repos.permission_requests.delete(request_id)

    def expected_responses(self, plan_id: int) -> list[m.ExpectedResponse]:
        return self.repos.expected_responses.list("plan_id = ?", (plan_id,), order="position, id")

    def add_expected_response(self, plan_id: int, response: str = "", my_answer: str = "") -> m.ExpectedResponse:
        row = self.conn.execute(
            "SELECT coalesce(max(position), 0) FROM expected_responses WHERE plan_id = ?", (plan_id,)
        ).fetchone()
        with transaction(self.conn):
            return self.repos.expected_responses.add(
                m.ExpectedResponse(plan_id=plan_id, response=response, my_answer=my_answer, position=int(row[0]) + 1)
            )

    def update_expected_response(self, response: m.ExpectedResponse) -> m.ExpectedResponse:
        with transaction(self.conn):
            return self.repos.expected_responses.update(response)

    def delete_expected_response(self, response_id: int) -> None:
        with transaction(self.conn):
            self.repos.expected_responses.delete(response_id)

    def restore(self, record: Any) -> Any:
        """Put back a deleted child record (undo). It gets a new id."""
        repo = self._repo_for(record)
        with transaction(self.conn):
            return repo.add(record)

    def _repo_for(self, record: Any) -> Any:
        for repo in self.repos.all():
            if isinstance(record, repo.model):
                return repo
        raise TypeError(type(record).__name__)

    # -- restitution -----------------------------------------------------------------------------
    def ledger(self, plan_id: int) -> m.Ledger | None:
        found = self.repos.ledgers.list("plan_id = ?", (plan_id,))
        return found[0] if found else None

    def ensure_ledger(self, plan_id: int) -> m.Ledger:
        existing = self.ledger(plan_id)
        if existing is not None:
            return existing
        plan = self._plan(plan_id)
        harms = [h for h in self.repos.harms.list("person_id = ?", (plan.person_id,)) if h.amount_minor]
        covered = set(self.repos.plan_harm_ids(plan_id))
        owed = sum(h.amount_minor or 0 for h in harms if h.id in covered)
        currency = next((h.currency for h in harms if h.id in covered and h.currency), "") or (
            self.settings().default_currency or "EUR"
        )
        with transaction(self.conn):
            return self.repos.ledgers.add(m.Ledger(plan_id=plan_id, currency=currency, owed_minor=owed))

    def update_ledger(self, ledger: m.Ledger) -> m.Ledger:
        if ledger.owed_minor < 0 or ledger.affordable_minor < 0:
            raise PlannerError("Amounts can't be negative.")
        code = ledger.currency.strip().upper()
        if not (code.isalpha() and 2 <= len(code) <= 4):
            raise PlannerError("Please use a currency code such as EUR, USD or GBP.")
        with transaction(self.conn):
            return self.repos.ledgers.update(replace(ledger, currency=code))

    def ledger_summary(self, plan_id: int) -> LedgerSummary | None:
        ledger = self.ledger(plan_id)
        if ledger is None:
            return None
        lid = _id(ledger.id)
        instalments = self.repos.instalments.list("ledger_id = ?", (lid,), order="due_on, id")
        payments = self.repos.payments.list("ledger_id = ?", (lid,), order="paid_on, id")
        paid = sum(p.amount_minor for p in payments)
        schedule = [(d, i.amount_minor) for i in instalments if (d := parse_iso(i.due_on)) is not None]
        return LedgerSummary(
            ledger=ledger,
            instalments=instalments,
            payments=payments,
            paid_minor=paid,
            balance_minor=balance(ledger.owed_minor, (p.amount_minor for p in payments)),
            progress=progress(ledger.owed_minor, paid),
            next_due=next_due(schedule, paid, self.today()),
        )

    def make_schedule(self, plan_id: int, first_due: str | None = None) -> list[m.Instalment]:
        """Replace the schedule with monthly instalments of the affordable amount.

        The whole amount owed is scheduled from ``first_due`` (default: the first of next month);
        payments already made count against the first instalments.
        """
        ledger = self.ledger(plan_id)
        if ledger is None:
            raise PlannerError("Add what is owed first.")
        if ledger.affordable_minor <= 0:
            raise PlannerError("Write down what you can afford each month first.")
        start = parse_iso(_iso(first_due, "First payment"))
        if start is None:
            today = self.today()
            start = add_months(today.replace(day=1), 1)
        try:
            schedule = generate_schedule(ledger.owed_minor, ledger.affordable_minor, start)
        except ValueError as exc:
            raise PlannerError(str(exc)) from None
        lid = _id(ledger.id)
        with transaction(self.conn):
            self.conn.execute("DELETE FROM instalments WHERE ledger_id = ?", (lid,))
            for due_on, amount in schedule:
                self.repos.instalments.add(m.Instalment(ledger_id=lid, due_on=due_on.isoformat(), amount_minor=amount))
        return self.repos.instalments.list("ledger_id = ?", (lid,), order="due_on, id")

    def update_instalment(self, instalment: m.Instalment) -> m.Instalment:
        due = _iso(instalment.due_on, "Due on")
        if due is None:
            raise PlannerError("An instalment needs a date.")
        if instalment.amount_minor <= 0:
            raise PlannerError("An instalment needs an amount above zero.")
        with transaction(self.conn):
            return self.repos.instalments.update(replace(instalment, due_on=due))

    def delete_instalment(self, instalment_id: int) -> None:
        with transaction(self.conn):
            self.repos.instalments.delete(instalment_id)

    def add_payment(self, plan_id: int, paid_on: str | None, amount_minor: int, method: str = "", note: str = "") -> m.Payment:
        if amount_minor <= 0:
            raise PlannerError("A payment needs an amount above zero.")
        when = _iso(paid_on, "Paid on") or self.today().isoformat()
        ledger = self.ensure_ledger(plan_id)
        with transaction(self.conn):
            return self.repos.payments.add(
                m.Payment(ledger_id=_id(ledger.id), paid_on=when, amount_minor=amount_minor, method=method.strip(), note=note.strip())
            )

    def delete_payment(self, payment_id: int) -> None:
        with transaction(self.conn):
            self.repos.payments.delete(payment_id)

    def redirect_to_cause(self, plan_id: int, cause: str) -> m.IndirectAction:
        """"I can't find them": the balance goes to a cause instead, recorded as an indirect donation."""
        cause = cause.strip()
        if not cause:
            raise PlannerError("Write down the cause the money will go to.")
        summary = self.ledger_summary(plan_id)
        if summary is None:
            raise PlannerError("There is no restitution recorded for this plan yet.")
        amount = max(summary.balance_minor, 0)
        person = self.repos.people.get(self._plan(plan_id).person_id)
        name = person.name if person is not None else "them"
        with transaction(self.conn):
            self.repos.ledgers.update_fields(_id(summary.ledger.id), creditor_unreachable=True, redirected_to=cause)
            return self.repos.indirect_actions.add(
                m.IndirectAction(
                    plan_id=plan_id,
                    kind=IndirectKind.DONATION,
                    on_date=None,
                    amount_minor=amount,
                    currency=summary.ledger.currency,
                    notes=f"To {cause}, in place of repaying {name}, whom I couldn't find.",
                )
            )

    # -- living commitments ----------------------------------------------------------------------
    def commitments(self, plan_id: int) -> list[m.Commitment]:
        return self.repos.commitments.list("plan_id = ?", (plan_id,), order="id")

    def add_commitment(self, plan_id: int, description: str, cadence: Cadence = Cadence.WEEKLY, started_on: str | None = None) -> m.Commitment:
        start = _iso(started_on, "Started on") or self.today().isoformat()
        with transaction(self.conn):
            return self.repos.commitments.add(
                m.Commitment(plan_id=plan_id, description=description.strip(), cadence=cadence, started_on=start)
            )

    def update_commitment(self, commitment: m.Commitment) -> m.Commitment:
        fixed = replace(commitment, started_on=_iso(commitment.started_on, "Started on"))
        with transaction(self.conn):
            return self.repos.commitments.update(fixed)

    def delete_commitment(self, commitment_id: int) -> None:
        with transaction(self.conn):
            self.repos.commitments.delete(commitment_id)

    def add_check_in(self, commitment_id: int, on_date: str | None, kept: bool, note: str = "") -> m.CheckIn:
        when = _iso(on_date, "Date") or self.today().isoformat()
        with transaction(self.conn):
            return self.repos.check_ins.add(m.CheckIn(commitment_id=commitment_id, on_date=when, kept=kept, note=note.strip()))

    def delete_check_in(self, check_in_id: int) -> None:
        with transaction(self.conn):
            self.repos.check_ins.delete(check_in_id)

    def commitment_view(self, commitment: m.Commitment, periods: int = 12) -> CommitmentView:
        cid = _id(commitment.id)
        check_ins = self.repos.check_ins.list("commitment_id = ?", (cid,), order="on_date DESC, id DESC")
        today = self.today()
        dated = [(d, c.kept) for c in check_ins if (d := parse_iso(c.on_date)) is not None]
        by_period: dict[int, bool] = {}
        for d, kept in dated:
            index = period_index(commitment.cadence, d)
            by_period[index] = by_period.get(index, False) or kept
        now = period_index(commitment.cadence, today)
        strip: list[tuple[date, bool | None]] = []
        for back in range(periods - 1, -1, -1):
            start = _period_start_from_index(commitment.cadence, now - back)
            strip.append((start, by_period.get(now - back)))
        return CommitmentView(commitment, check_ins, streaks(commitment.cadence, dated, today), strip)

    # -- indirect actions ------------------------------------------------------------------------
    def indirect_actions(self, plan_id: int) -> list[m.IndirectAction]:
        return self.repos.indirect_actions.list("plan_id = ?", (plan_id,), order="coalesce(on_date, ''), id")

    def add_indirect_action(self, plan_id: int, kind: IndirectKind, on_date: str | None = None, **fields: Any) -> m.IndirectAction:
        action = m.IndirectAction(plan_id=plan_id, kind=kind, on_date=_iso(on_date), **fields)
        with transaction(self.conn):
            return self.repos.indirect_actions.add(action)

    def update_indirect_action(self, action: m.IndirectAction) -> m.IndirectAction:
        if action.hours is not None and action.hours < 0:
            raise PlannerError("Hours can't be negative.")
        fixed = replace(action, on_date=_iso(action.on_date))
        with transaction(self.conn):
            return self.repos.indirect_actions.update(fixed)

    def delete_indirect_action(self, action_id: int) -> None:
        with transaction(self.conn):
            self.repos.indirect_actions.delete(action_id)

    # -- outcomes --------------------------------------------------------------------------------
    def outcomes(self, plan_id: int) -> list[m.Outcome]:
        return self.repos.outcomes.list("plan_id = ?", (plan_id,), order="coalesce(on_date, ''), id")

    def record_outcome(
        self,
        plan_id: int,
        kind: OutcomeKind,
        on_date: str | None = None,
        heard: str = "",
        promised: str = "",
        door_open: bool = True,
        next_step: str = "",
        follow_up_on: str | None = None,
    ) -> OutcomeResult:
        """Store what happened. A plan at "ready" moves on to "made" when the amends were offered."""
        plan = self._plan(plan_id)
        outcome = m.Outcome(
            plan_id=plan_id,
            kind=kind,
            on_date=_iso(on_date) or self.today().isoformat(),
            heard=heard.strip(),
            promised=promised.strip(),
            door_open=door_open,
            next_step=next_step.strip(),
            follow_up_on=_iso(follow_up_on, "Follow-up date"),
        )
        with transaction(self.conn):
            saved = self.repos.outcomes.add(outcome)
            if outcome.follow_up_on:
                self.repos.plans.update_fields(plan_id, follow_up_on=outcome.follow_up_on)
        moved: Stage | None = None
        offered = plan.stage == Stage.READY and plan.hold is None and kind != OutcomeKind.COULD_NOT_REACH
        if offered and self.change_stage(plan_id, Stage.MADE).ok:
            moved = Stage.MADE
        return OutcomeResult(saved, debrief_offer(kind), kind in REJECTION_KINDS, moved)

    def delete_outcome(self, outcome_id: int) -> None:
        with transaction(self.conn):
            self.repos.outcomes.delete(outcome_id)

    def start_living_amends(self, plan_id: int, description: str = "") -> tuple[StageCheck, m.Commitment | None]:
        """Switch the plan to living amends and add a first commitment to fill in."""
        check = self.set_type(plan_id, PlanType.LIVING)
        if not check.ok:
            return check, None
        if self.commitments(plan_id):
            return check, None
        return check, self.add_commitment(plan_id, description)

    # -- due list --------------------------------------------------------------------------------
    def due_snapshot(self) -> DueSnapshot:
        conn = self.conn
        return DueSnapshot(
            plans=fast_list(self.repos.plans, order="priority, id"),
            people=fast_list(self.repos.people),
            permission_requests=fast_list(self.repos.permission_requests),
            ledgers=fast_list(self.repos.ledgers),
            instalments=fast_list(self.repos.instalments, order="ledger_id, due_on"),
            payments_total={
                int(r[0]): int(r[1])
                for r in conn.execute("SELECT ledger_id, sum(amount_minor) FROM payments GROUP BY ledger_id")
            },
            commitments=fast_list(self.repos.commitments),
            last_checkins={
                int(r[0]): d
                for r in conn.execute("SELECT commitment_id, max(on_date) FROM check_ins GROUP BY commitment_id")
                if (d := parse_iso(r[1])) is not None
            },
            outcomes=fast_list(self.repos.outcomes),
        )

    def due_list(self, horizon_days: int = 7) -> list[DueItem]:
        return due_items(self.due_snapshot(), self.today(), horizon_days)


def _period_start_from_index(cadence: Cadence, index: int) -> date:
    if cadence == Cadence.DAILY:
        return date.fromordinal(index)
    if cadence == Cadence.WEEKLY:
        return date.fromordinal(index * 7 + 1)
    return date(index // 12, index % 12 + 1, 1)
