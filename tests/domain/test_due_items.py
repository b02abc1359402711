from __future__ import annotations

from datetime import date

from amends_desktop.domain.due import (
    CHECK_IN,
    DEFERRED,
    FOLLOW_UP,
    KIND_LABELS,
    KINDS,
    NOT_BEFORE_PASSED,
    PAYMENT_DUE,
    REVISIT_PERSON,
    DueItem,
    DueSnapshot,
    due_items,
)
from amends_desktop.domain.enums import Cadence, Hold, OutcomeKind, PermissionAnswer, Stage, Willingness
from amends_desktop.domain.models import (
    Commitment,
    Instalment,
    Ledger,
    Outcome,
    PermissionRequest,
    Person,
    Plan,
)

TODAY = date(2024, 3, 13)  # a Wednesday
NAMES = {1: "Mum", 2: "Sam", 3: "Jo", 4: "Mr Lee"}


def kinds_and_dates(items: list[DueItem]) -> list[tuple[str, str, bool]]:
    return [(i.kind, i.due_on.isoformat(), i.overdue) for i in items]


def test_empty_snapshot() -> None:
    assert due_items(DueSnapshot(), TODAY) == []


def test_labels_cover_kinds() -> None:
    assert set(KIND_LABELS) == set(KINDS)


def test_follow_ups_from_plans_and_outcomes() -> None:
    snap = DueSnapshot(
        plans=[
            Plan(person_id=1, id=10, follow_up_on="2024-03-10"),
            Plan(person_id=2, id=11, follow_up_on="2024-03-19"),  # within the week ahead
            Plan(person_id=3, id=12, follow_up_on="2024-04-30"),  # too far ahead
            Plan(person_id=4, id=13, follow_up_on="2024-03-01", stage=Stage.CLOSED),
            Plan(person_id=4, id=14, follow_up_on="2024-03-01", hold=Hold.PAUSED),
            Plan(person_id=4, id=15, follow_up_on="not a date"),
        ],
        person_names=NAMES,
        outcomes=[
            Outcome(plan_id=10, kind=OutcomeKind.NOT_READY, follow_up_on="2024-03-10"),  # same date: once
            Outcome(plan_id=12, kind=OutcomeKind.ANGRY, follow_up_on="2024-03-13"),
            Outcome(plan_id=99, kind=OutcomeKind.ANGRY, follow_up_on="2024-03-13"),  # unknown plan
        ],
    )
    items = due_items(snap, TODAY)
    assert [(i.title, i.due_on.isoformat(), i.overdue, i.plan_id, i.person_id) for i in items] == [
        ("Follow up with Mum", "2024-03-10", True, 10, 1),
        ("Follow up with Jo", "2024-03-13", False, 12, 3),
        ("Follow up with Sam", "2024-03-19", False, 11, 2),
    ]
    assert [i.kind for i in items] == [FOLLOW_UP] * 3


def test_horizon_can_be_narrowed() -> None:
    snap = DueSnapshot(plans=[Plan(person_id=2, id=11, follow_up_on="2024-03-19")])
    assert due_items(snap, TODAY, horizon_days=0) == []
    assert len(due_items(snap, TODAY, horizon_days=6)) == 1


def test_not_before_dates() -> None:
    snap = DueSnapshot(
        plans=[
            Plan(person_id=1, id=10),
            Plan(person_id=2, id=11),
            Plan(person_id=3, id=12),
            Plan(person_id=4, id=13, stage=Stage.MADE),
        ],
        person_names=NAMES,
        permission_requests=[
            # Plan 10: the older request is superseded by the newer one.
            PermissionRequest(
                plan_id=10, asked_on="2024-01-01", answer=PermissionAnswer.NEEDS_TIME, not_before="2024-02-01", id=1
            ),
            PermissionRequest(
                plan_id=10, asked_on="2024-02-15", answer=PermissionAnswer.NEEDS_TIME, not_before="2024-03-13", id=2
            ),
            PermissionRequest(
                plan_id=11, asked_on="2024-02-01", answer=PermissionAnswer.DECLINED, not_before="2024-03-01", id=3
            ),
            PermissionRequest(
                plan_id=12, asked_on="2024-02-01", answer=PermissionAnswer.NEEDS_TIME, not_before="2024-03-14", id=4
            ),  # not yet passed
            PermissionRequest(
                plan_id=13, asked_on="2024-02-01", answer=PermissionAnswer.YES, not_before="2024-03-01", id=5
            ),  # amends already made
        ],
    )
    items = due_items(snap, TODAY)
    assert kinds_and_dates(items) == [(NOT_BEFORE_PASSED, "2024-03-13", False)]
    assert items[0].title == "The wait Mum asked for is over"


def test_payments() -> None:
    snap = DueSnapshot(
        plans=[Plan(person_id=1, id=10), Plan(person_id=4, id=13), Plan(person_id=2, id=11)],
        person_names=NAMES,
        ledgers=[
            Ledger(plan_id=10, currency="EUR", owed_minor=30_000, id=100),
            Ledger(
                plan_id=13,
                currency="GBP",
                owed_minor=10_000,
                id=101,
                creditor_unreachable=True,
                redirected_to="the food bank",
            ),
            Ledger(plan_id=11, currency="EUR", owed_minor=5_000, id=102),  # fully paid
        ],
        instalments=[
            Instalment(ledger_id=100, due_on="2024-02-01", amount_minor=10_000),
            Instalment(ledger_id=100, due_on="2024-03-01", amount_minor=10_000),
            Instalment(ledger_id=100, due_on="2024-04-01", amount_minor=10_000),
            Instalment(ledger_id=101, due_on="2024-03-15", amount_minor=5_000),
            Instalment(ledger_id=101, due_on="2024-04-15", amount_minor=5_000),
            Instalment(ledger_id=102, due_on="2024-03-01", amount_minor=5_000),
        ],
        payments_total={100: 5_000, 102: 5_000},
    )
    items = due_items(snap, TODAY)
    assert [(i.kind, i.title, i.due_on.isoformat(), i.overdue) for i in items] == [
        (PAYMENT_DUE, "Payment of 150.00 EUR to Mum", "2024-02-01", True),
        (PAYMENT_DUE, "Payment of 50.00 GBP to the food bank (amends to Mr Lee)", "2024-03-15", False),
    ]


def test_payments_continue_while_a_plan_is_paused_but_not_when_closed() -> None:
    ledger = Ledger(plan_id=10, owed_minor=1_000, id=100)
    inst = Instalment(ledger_id=100, due_on="2024-03-13", amount_minor=1_000)
    paused = DueSnapshot(plans=[Plan(person_id=1, id=10, hold=Hold.PAUSED)], ledgers=[ledger], instalments=[inst])
    closed = DueSnapshot(plans=[Plan(person_id=1, id=10, stage=Stage.CLOSED)], ledgers=[ledger], instalments=[inst])
    assert [i.kind for i in due_items(paused, TODAY)] == [PAYMENT_DUE]
    assert due_items(closed, TODAY) == []


def test_check_ins() -> None:
    snap = DueSnapshot(
        plans=[Plan(person_id=1, id=10), Plan(person_id=2, id=11, hold=Hold.PAUSED)],
        person_names=NAMES,
        commitments=[
            Commitment(plan_id=10, description="Dinner with Mum", cadence=Cadence.WEEKLY, id=1),
            Commitment(plan_id=10, description="Call Mum", cadence=Cadence.DAILY, id=2),
            Commitment(plan_id=10, description="Send money", cadence=Cadence.MONTHLY, id=3),
            Commitment(plan_id=10, description="Old habit", cadence=Cadence.DAILY, id=4, active=False),
            Commitment(plan_id=10, description="Later", cadence=Cadence.DAILY, id=5, started_on="2024-04-01"),
            Commitment(plan_id=11, description="Paused", cadence=Cadence.DAILY, id=6),
            Commitment(plan_id=10, description="Walk", cadence=Cadence.WEEKLY, id=7, started_on="2024-02-20"),
            Commitment(plan_id=10, description="Letter", cadence=Cadence.MONTHLY, id=8),
        ],
        last_checkins={
            1: date(2024, 3, 10),  # last Sunday: this week's is due, not overdue
            2: date(2024, 3, 11),  # yesterday was missed: due since the 12th, overdue
            3: date(2024, 3, 2),  # done this month
            8: date(2024, 1, 20),  # February passed without one
        },
    )
    items = due_items(snap, TODAY)
    assert [(i.title, i.due_on.isoformat(), i.overdue) for i in items] == [
        ("Check in on \u201cLetter\u201d (Mum)", "2024-02-01", True),
        ("Check in on \u201cWalk\u201d (Mum)", "2024-02-19", True),
        ("Check in on \u201cDinner with Mum\u201d (Mum)", "2024-03-11", False),
        ("Check in on \u201cCall Mum\u201d (Mum)", "2024-03-12", True),
    ]
    assert all(i.kind == CHECK_IN for i in items)


def test_deferred_plans() -> None:
    snap = DueSnapshot(
        plans=[
            Plan(person_id=1, id=10, hold=Hold.DEFERRED, hold_since="2024-02-10"),  # +30 = Mar 11
            Plan(person_id=2, id=11, hold=Hold.DEFERRED, hold_since="2024-03-01", follow_up_on="2024-03-20"),
            Plan(person_id=3, id=12, hold=Hold.DEFERRED, hold_since="2024-03-01"),  # Mar 31: too far
            Plan(person_id=4, id=13, hold=Hold.DEFERRED),  # no date at all: today
        ],
        person_names=NAMES,
    )
    assert kinds_and_dates(due_items(snap, TODAY)) == [
        (DEFERRED, "2024-03-11", True),
        (DEFERRED, "2024-03-13", False),
        (DEFERRED, "2024-03-20", False),
    ]


def test_people_to_revisit() -> None:
    snap = DueSnapshot(
        people=[
            Person(name="Dad", willingness=Willingness.NOT_YET, revisit_on="2024-03-01", id=5),
            Person(name="Kim", willingness=Willingness.NOT_YET, revisit_on="2024-06-01", id=6),
            Person(name="Lou", willingness=Willingness.WILLING, revisit_on="2024-03-01", id=7),
            Person(name="Ray", willingness=Willingness.NOT_YET, revisit_on=None, id=8),
            Person(name="Myself", willingness=Willingness.NOT_YET, revisit_on="2024-03-01", is_self=True, id=9),
        ],
    )
    items = due_items(snap, TODAY)
    assert [(i.kind, i.person_id, i.plan_id, i.overdue) for i in items] == [(REVISIT_PERSON, 5, None, True)]
    assert "Dad" in items[0].title


def test_everything_sorted_by_date_then_kind() -> None:
    snap = DueSnapshot(
        plans=[Plan(person_id=1, id=10, follow_up_on="2024-03-13"), Plan(person_id=2, id=11)],
        person_names=NAMES,
        people=[Person(name="Dad", willingness=Willingness.NOT_YET, revisit_on="2024-03-13", id=5)],
        permission_requests=[PermissionRequest(plan_id=11, not_before="2024-03-13", id=1)],
        ledgers=[Ledger(plan_id=10, id=100, owed_minor=100)],
        instalments=[Instalment(ledger_id=100, due_on="2024-03-13", amount_minor=100)],
        commitments=[Commitment(plan_id=10, cadence=Cadence.DAILY, id=1)],
    )
    items = due_items(snap, TODAY)
    assert [i.kind for i in items] == [FOLLOW_UP, NOT_BEFORE_PASSED, PAYMENT_DUE, CHECK_IN, REVISIT_PERSON]
    assert not any(i.overdue for i in items)
    assert "your commitment" in items[3].title
