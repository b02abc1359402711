"""The due list: what needs attention now or soon, worked out from a plain snapshot of the vault.

Kinds of item:

* ``follow_up``: a follow-up date on a plan or an outcome.
* ``not_before_passed``: the "not before" date of the latest permission request for a plan has come
  (not for a declined request, and only while the amends are not yet made). Never overdue.
* ``payment_due``: the next uncovered instalment of a ledger (see ``restitution.next_due``).
* ``check_in``: an active commitment with nothing recorded in the current period. It is overdue when
  a whole earlier period went by without a check-in.
* ``deferred``: a plan set aside (hold DEFERRED) comes back on its follow-up date if it has one, else
  ``DEFERRED_REVISIT_DAYS`` after it was set aside.
* ``revisit_person``: a person marked "not yet willing" with a date to look again.

Items are listed when due on or before ``today + horizon_days`` and are overdue when due before
``today``. Closed plans give no items. Plans on hold give no follow-up, "not before" or check-in
items (resting means resting), but their payments stay on the list: money owed does not pause.
Only plans present in the snapshot produce items. Unreadable dates are skipped, never fatal.
The result is sorted by due date, then by kind, then by title.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from amends_desktop.domain.enums import Cadence, Hold, PermissionAnswer, Stage, Willingness
from amends_desktop.domain.models import (
    Commitment,
    Instalment,
    Ledger,
    Outcome,
    PermissionRequest,
    Person,
    Plan,
)
from amends_desktop.domain.readiness import parse_iso
from amends_desktop.domain.restitution import add_months, format_money, next_due
from amends_desktop.domain.streaks import is_checkin_due, period_start

FOLLOW_UP = "follow_up"
NOT_BEFORE_PASSED = "not_before_passed"
PAYMENT_DUE = "payment_due"
CHECK_IN = "check_in"
DEFERRED = "deferred"
REVISIT_PERSON = "revisit_person"

KINDS: tuple[str, ...] = (FOLLOW_UP, NOT_BEFORE_PASSED, PAYMENT_DUE, CHECK_IN, DEFERRED, REVISIT_PERSON)
KIND_LABELS: dict[str, str] = {
    FOLLOW_UP: "Follow-up",
    NOT_BEFORE_PASSED: "Wait is over",
    PAYMENT_DUE: "Payment",
    CHECK_IN: "Check-in",
    DEFERRED: "Set aside",
    REVISIT_PERSON: "Look again",
}

DEFERRED_REVISIT_DAYS = 30
DEFAULT_HORIZON_DAYS = 7


@dataclass(frozen=True)
class DueItem:
    kind: str
    title: str
    due_on: date
    plan_id: int | None
    person_id: int | None
    overdue: bool


@dataclass
class DueSnapshot:
    """Plain lists loaded from the vault; ``due_items`` reads nothing else."""

    plans: list[Plan] = field(default_factory=list)
    person_names: Mapping[int, str] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    permission_requests: list[PermissionRequest] = field(default_factory=list)
    ledgers: list[Ledger] = field(default_factory=list)
    instalments: list[Instalment] = field(default_factory=list)
    payments_total: Mapping[int, int] = field(default_factory=dict)
    """Ledger id to the total paid so far, in minor units."""
    commitments: list[Commitment] = field(default_factory=list)
    last_checkins: Mapping[int, date] = field(default_factory=dict)
    """Commitment id to the date of its latest check-in (kept or missed)."""
    outcomes: list[Outcome] = field(default_factory=list)


def _next_period_start(cadence: Cadence, day: date) -> date:
    start = period_start(cadence, day)
    if cadence == Cadence.DAILY:
        return start + timedelta(days=1)
    if cadence == Cadence.WEEKLY:
        return start + timedelta(days=7)
    return add_months(start, 1)


class _Builder:
    def __init__(self, snapshot: DueSnapshot, today: date, horizon_days: int) -> None:
        self.snapshot = snapshot
        self.today = today
        self.until = today + timedelta(days=max(horizon_days, 0))
        self.items: list[DueItem] = []
        self.plans = {p.id: p for p in snapshot.plans if p.id is not None and p.stage != Stage.CLOSED}
        self.names: dict[int, str] = {p.id: p.name for p in snapshot.people if p.id is not None}
        self.names.update(snapshot.person_names)

    def name(self, person_id: int | None) -> str:
        if person_id is None:
            return "someone"
        return self.names.get(person_id, "").strip() or "someone"

    def add(
        self,
        kind: str,
        title: str,
        due_on: date,
        plan_id: int | None,
        person_id: int | None,
        overdue: bool | None = None,
    ) -> None:
        if due_on > self.until:
            return
        late = due_on < self.today if overdue is None else overdue
        self.items.append(DueItem(kind, title, due_on, plan_id, person_id, late))

    def follow_ups(self) -> None:
        seen: set[tuple[int, date]] = set()
        dated: list[tuple[int, str | None]] = [(pid, p.follow_up_on) for pid, p in self.plans.items()]
        dated += [(o.plan_id, o.follow_up_on) for o in self.snapshot.outcomes]
        for plan_id, text in dated:
            plan = self.plans.get(plan_id)
            on = parse_iso(text)
            if plan is None or plan.hold is not None or on is None or (plan_id, on) in seen:
                continue
            seen.add((plan_id, on))
            self.add(FOLLOW_UP, f"Follow up with {self.name(plan.person_id)}", on, plan_id, plan.person_id)

    def not_before(self) -> None:
        latest: dict[int, PermissionRequest] = {}
        for request in self.snapshot.permission_requests:
            key = (request.asked_on or "", request.id or 0)
            held = latest.get(request.plan_id)
            if held is None or key >= (held.asked_on or "", held.id or 0):
                latest[request.plan_id] = request
        for plan_id, request in latest.items():
            plan = self.plans.get(plan_id)
            on = parse_iso(request.not_before)
            if (
                plan is None
                or plan.hold is not None
                or on is None
                or on > self.today
                or request.answer == PermissionAnswer.DECLINED
                or plan.stage in (Stage.MADE, Stage.FOLLOWING_UP)
            ):
                continue
            title = f"The wait {self.name(plan.person_id)} asked for is over"
            self.add(NOT_BEFORE_PASSED, title, on, plan_id, plan.person_id, overdue=False)

    def payments(self) -> None:
        by_ledger: dict[int, list[tuple[date, int]]] = {}
        for instalment in self.snapshot.instalments:
            on = parse_iso(instalment.due_on)
            if on is not None:
                by_ledger.setdefault(instalment.ledger_id, []).append((on, instalment.amount_minor))
        for ledger in self.snapshot.ledgers:
            plan = self.plans.get(ledger.plan_id)
            if plan is None or ledger.id is None:
                continue
            schedule = sorted(by_ledger.get(ledger.id, []))
            due = next_due(schedule, self.snapshot.payments_total.get(ledger.id, 0), self.today)
            if due is None:
                continue
            on, amount = due
            money = format_money(amount, ledger.currency)
            name = self.name(plan.person_id)
            redirected = ledger.redirected_to.strip()
            title = (
                f"Payment of {money} to {redirected} (amends to {name})"
                if ledger.creditor_unreachable and redirected
                else f"Payment of {money} to {name}"
            )
            self.add(PAYMENT_DUE, title, on, plan.id, plan.person_id)

    def check_ins(self) -> None:
        for commitment in self.snapshot.commitments:
            plan = self.plans.get(commitment.plan_id)
            if not commitment.active or plan is None or plan.hold is not None:
                continue
            started = parse_iso(commitment.started_on)
            if started is not None and started > self.today:
                continue
            last = self.snapshot.last_checkins.get(commitment.id) if commitment.id is not None else None
            if not is_checkin_due(commitment.cadence, last, self.today):
                continue
            current = period_start(commitment.cadence, self.today)
            if last is not None:
                on = _next_period_start(commitment.cadence, last)
            elif started is not None:
                on = period_start(commitment.cadence, started)
            else:
                on = current
            what = commitment.description.strip() or "your commitment"
            title = f"Check in on \u201c{what}\u201d ({self.name(plan.person_id)})"
            self.add(CHECK_IN, title, on, plan.id, plan.person_id, overdue=on < current)

    def deferred(self) -> None:
        for plan in self.plans.values():
            if plan.hold != Hold.DEFERRED:
                continue
            since = parse_iso(plan.hold_since)
            on = parse_iso(plan.follow_up_on)
            if on is None:
                on = since + timedelta(days=DEFERRED_REVISIT_DAYS) if since is not None else self.today
            title = f"Look again at the plan for {self.name(plan.person_id)}, set aside for now"
            self.add(DEFERRED, title, on, plan.id, plan.person_id)

    def revisit_people(self) -> None:
        for person in self.snapshot.people:
            on = parse_iso(person.revisit_on)
            if person.is_self or person.willingness != Willingness.NOT_YET or on is None:
                continue
            title = f"Look again at how you feel about amends to {self.name(person.id)}"
            self.add(REVISIT_PERSON, title, on, None, person.id)


def due_items(snapshot: DueSnapshot, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS) -> list[DueItem]:
    """Everything due on or before ``today + horizon_days`` (see the module docstring)."""
    builder = _Builder(snapshot, today, horizon_days)
    builder.follow_ups()
    builder.not_before()
    builder.payments()
    builder.check_ins()
    builder.deferred()
    builder.revisit_people()
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(builder.items, key=lambda item: (item.due_on, order[item.kind], item.title))
