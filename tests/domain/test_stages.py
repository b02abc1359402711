from __future__ import annotations

from datetime import date

import pytest

from amends_desktop.domain.enums import Answer, Hold, PlanType, Stage
from amends_desktop.domain.models import Plan
from amends_desktop.domain.readiness import Readiness, ReadinessItem
from amends_desktop.domain.stages import (
    STAGE_ORDER,
    check_hold,
    check_stage_change,
    next_stage,
    pause,
    put_on_hold,
    resume,
    switch_type,
)

READY = Readiness([ReadinessItem("halt", "HALT check today", True, "Checked today.")])
NOT_READY = Readiness([ReadinessItem("halt", "HALT check today", False, "Not yet.")])
OVERRIDDEN = Readiness([ReadinessItem("halt", "HALT check today", False, "Not yet.")], "Sponsor agreed")

S = Stage


def plan(stage: Stage, plan_type: PlanType = PlanType.DIRECT, unsafe: bool = False, **extra: object) -> Plan:
    p = Plan(person_id=1, type=plan_type, stage=stage, **extra)  # type: ignore[arg-type]
    if unsafe:
        p.safety_abuse = Answer.YES
    return p


def test_stage_order() -> None:
    assert [s.value for s in STAGE_ORDER] == [
        "listed",
        "willing",
        "preparing",
        "reviewed",
        "ready",
        "made",
        "following_up",
        "closed",
    ]
    assert set(STAGE_ORDER) == set(Stage)
    assert next_stage(S.LISTED) == S.WILLING
    assert next_stage(S.CLOSED) is None


# (from, to, type, unsafe, readiness, ok)
MOVES = [
    (S.LISTED, S.WILLING, PlanType.DIRECT, False, NOT_READY, True),
    (S.LISTED, S.REVIEWED, PlanType.DIRECT, False, NOT_READY, True),  # several steps forward
    (S.REVIEWED, S.READY, PlanType.DIRECT, False, NOT_READY, False),
    (S.REVIEWED, S.READY, PlanType.DIRECT, False, READY, True),
    (S.REVIEWED, S.READY, PlanType.DIRECT, False, OVERRIDDEN, True),
    (S.PREPARING, S.MADE, PlanType.DIRECT, False, NOT_READY, False),  # skipping READY skips nothing
    (S.PREPARING, S.FOLLOWING_UP, PlanType.LIVING, False, NOT_READY, False),
    (S.PREPARING, S.MADE, PlanType.LIVING, False, READY, True),
    (S.REVIEWED, S.READY, PlanType.DIRECT, True, READY, False),  # unsafe direct
    (S.REVIEWED, S.READY, PlanType.DIRECT, True, OVERRIDDEN, False),  # override can't bypass safety
    (S.READY, S.MADE, PlanType.DIRECT, True, READY, False),
    (S.READY, S.MADE, PlanType.DIRECT, False, NOT_READY, True),  # already past the readiness gate
    (S.REVIEWED, S.READY, PlanType.INDIRECT, True, READY, True),  # safety is about direct contact
    (S.MADE, S.FOLLOWING_UP, PlanType.DIRECT, True, NOT_READY, True),  # amends already made
    (S.MADE, S.LISTED, PlanType.DIRECT, True, NOT_READY, True),  # backward always fine
    (S.READY, S.PREPARING, PlanType.DIRECT, False, NOT_READY, True),
    (S.LISTED, S.CLOSED, PlanType.DIRECT, True, NOT_READY, True),  # closing is always possible
    (S.PREPARING, S.PREPARING, PlanType.DIRECT, False, NOT_READY, True),  # no-op
]


@pytest.mark.parametrize(("start", "target", "plan_type", "unsafe", "readiness", "ok"), MOVES)
def test_stage_moves(
    start: Stage, target: Stage, plan_type: PlanType, unsafe: bool, readiness: Readiness, ok: bool
) -> None:
    check = check_stage_change(plan(start, plan_type, unsafe), target, readiness)
    assert check.ok is ok
    if not ok:
        assert check.reason


def test_reviewed_safety_reopens_direct() -> None:
    p = plan(S.REVIEWED, unsafe=True, safety_review_by="Counselor", safety_review_decision="A letter only")
    assert check_stage_change(p, S.READY, READY).ok


def test_not_ready_reason_lists_what_is_missing() -> None:
    check = check_stage_change(plan(S.REVIEWED), S.READY, NOT_READY)
    assert "halt check today" in check.reason


@pytest.mark.parametrize("hold", list(Hold))
@pytest.mark.parametrize("target", [S.LISTED, S.READY, S.CLOSED])
def test_held_plans_keep_their_stage(hold: Hold, target: Stage) -> None:
    p = plan(S.PREPARING, hold=hold)
    check = check_stage_change(p, target, READY)
    assert not check.ok
    assert "resume" in check.reason.lower()
    assert check_stage_change(resume(p), target, READY).ok


def test_pause_and_resume_return_copies() -> None:
    p = plan(S.PREPARING)
    paused = pause(p, " Cravings after the phone call ", date(2024, 5, 2))
    assert p.hold is None  # untouched
    assert paused.hold == Hold.PAUSED
    assert paused.hold_reason == "Cravings after the phone call"
    assert paused.hold_since == "2024-05-02"
    assert paused.stage == S.PREPARING
    resumed = resume(paused)
    assert (resumed.hold, resumed.hold_reason, resumed.hold_since) == (None, "", None)
    assert paused.hold == Hold.PAUSED


def test_put_on_hold_any_kind() -> None:
    deferred = put_on_hold(plan(S.WILLING), Hold.DEFERRED, "Her father is ill", date(2024, 1, 9))
    assert deferred.hold == Hold.DEFERRED and deferred.hold_since == "2024-01-09"


@pytest.mark.parametrize(
    ("stage", "current", "hold", "ok"),
    [
        (S.PREPARING, None, Hold.PAUSED, True),
        (S.PREPARING, Hold.PAUSED, Hold.PAUSED, True),
        (S.PREPARING, Hold.DEFERRED, Hold.NOT_POSSIBLE, True),
        (S.CLOSED, None, Hold.DEFERRED, False),
        (S.CLOSED, None, Hold.PAUSED, False),
    ],
)
def test_check_hold(stage: Stage, current: Hold | None, hold: Hold, ok: bool) -> None:
    assert check_hold(plan(stage, hold=current), hold).ok is ok


@pytest.mark.parametrize(
    ("plan_type", "new_type", "unsafe", "ok"),
    [
        (PlanType.LIVING, PlanType.DIRECT, False, True),
        (PlanType.LIVING, PlanType.DIRECT, True, False),
        (PlanType.INDIRECT, PlanType.DIRECT, True, False),
        (PlanType.DIRECT, PlanType.LIVING, True, True),
        (PlanType.DIRECT, PlanType.INDIRECT, True, True),
        (PlanType.DIRECT, PlanType.DIRECT, True, True),  # no change
        (PlanType.SELF, PlanType.LIVING, False, True),
    ],
)
def test_switch_type(plan_type: PlanType, new_type: PlanType, unsafe: bool, ok: bool) -> None:
    check = switch_type(plan(S.PREPARING, plan_type, unsafe), new_type)
    assert check.ok is ok
    if not ok:
        assert check.reason
