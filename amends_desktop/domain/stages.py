"""Stage transitions, side states (holds) and type switches for an amends plan.

Stage rules (``check_stage_change``):

* A plan on hold (paused, deferred, not possible) keeps its stage until it is resumed.
* Moving back, by any number of steps, is always allowed: plans change, and that is fine.
* Moving forward by one or more steps is allowed, except:
  - reaching READY, MADE or FOLLOWING_UP from a stage before READY needs ``readiness.ready``
    (skipping over READY does not skip its checks);
  - for a direct plan, reaching READY, MADE or FOLLOWING_UP before the amends were made needs the
    safety screen to allow direct contact (``safety.direct_allowed``). The readiness override never
    bypasses this.
* CLOSED can be reached from any stage: closing a plan is not contact, and a plan may end without
  amends being made (for example when the person has died).
* Asking for the current stage again is a harmless no-op and is allowed.

The helpers return new ``Plan`` copies (``dataclasses.replace``); nothing is changed in place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from amends_desktop.domain.enums import Hold, PlanType, Stage
from amends_desktop.domain.models import Plan
from amends_desktop.domain.readiness import Readiness
from amends_desktop.domain.safety import direct_allowed

STAGE_ORDER: tuple[Stage, ...] = (
    Stage.LISTED,
    Stage.WILLING,
    Stage.PREPARING,
    Stage.REVIEWED,
    Stage.READY,
    Stage.MADE,
    Stage.FOLLOWING_UP,
    Stage.CLOSED,
)

_INDEX = {stage: i for i, stage in enumerate(STAGE_ORDER)}
_GATED = frozenset({Stage.READY, Stage.MADE, Stage.FOLLOWING_UP})


@dataclass(frozen=True)
class StageCheck:
    ok: bool
    reason: str = ""


def stage_index(stage: Stage) -> int:
    return _INDEX[stage]


def next_stage(stage: Stage) -> Stage | None:
    """The stage after ``stage``, or None after CLOSED."""
    i = _INDEX[stage] + 1
    return STAGE_ORDER[i] if i < len(STAGE_ORDER) else None


_HOLD_REASONS: dict[Hold, str] = {
    Hold.PAUSED: (
        "This plan is paused. When you feel steady again and have talked with your support, "
        "resume it and then change the stage."
    ),
    Hold.DEFERRED: "This plan is set aside for now. Resume it first, then change the stage.",
    Hold.NOT_POSSIBLE: ("This plan is marked as not possible. Resume it first, or consider living or indirect amends."),
}


def check_stage_change(plan: Plan, new_stage: Stage, readiness: Readiness) -> StageCheck:
    """Whether ``plan`` may move to ``new_stage`` (see the module docstring for the rules)."""
    if plan.hold is not None:
        return StageCheck(False, _HOLD_REASONS[plan.hold])
    current, target = _INDEX[plan.stage], _INDEX[new_stage]
    if target == current:
        return StageCheck(True, "No change.")
    if target < current or new_stage == Stage.CLOSED:
        return StageCheck(True)
    if new_stage in _GATED:
        if current < _INDEX[Stage.READY] and not readiness.ready:
            missing = ", ".join(item.label.lower() for item in readiness.missing)
            return StageCheck(
                False,
                f"A few things aren't in place yet: {missing}. "
                "You can also write down why you and your sponsor feel it's ready anyway.",
            )
        if plan.type == PlanType.DIRECT and current < _INDEX[Stage.MADE] and not direct_allowed(plan):
            return StageCheck(
                False,
                "The safety questions say direct contact could cause harm. Living or indirect amends "
                "are still open to you, or you can note your sponsor's or counselor's review.",
            )
    return StageCheck(True)


def check_hold(plan: Plan, hold: Hold) -> StageCheck:
    """Whether ``plan`` may rest in the side state ``hold``.

    A closed plan has nothing left to hold. Putting a plan in the hold it already has is a no-op;
    moving from one hold to another is allowed (for example from deferred to not possible).
    """
    if plan.stage == Stage.CLOSED:
        return StageCheck(False, "This plan is closed, so there is nothing to put on hold.")
    if plan.hold == hold:
        return StageCheck(True, "No change.")
    return StageCheck(True)


def put_on_hold(plan: Plan, hold: Hold, reason: str, today: date) -> Plan:
    """A copy of ``plan`` resting in ``hold`` since ``today``, with the reason written down."""
    return replace(plan, hold=hold, hold_reason=reason.strip(), hold_since=today.isoformat())


def pause(plan: Plan, reason: str, today: date) -> Plan:
    """A paused copy of ``plan`` (for example when amends work stirs cravings)."""
    return put_on_hold(plan, Hold.PAUSED, reason, today)


def resume(plan: Plan) -> Plan:
    """A copy of ``plan`` out of any hold, at the stage it had."""
    return replace(plan, hold=None, hold_reason="", hold_since=None)


def switch_type(plan: Plan, new_type: PlanType) -> StageCheck:
    """Whether ``plan`` may change to ``new_type``.

    Switching to DIRECT is refused while the safety screen rules direct contact out. Every other
    switch is allowed: a direct plan that proves impossible becomes living or indirect.
    """
    if new_type == plan.type:
        return StageCheck(True, "No change.")
    if new_type == PlanType.DIRECT and not direct_allowed(replace(plan, type=PlanType.DIRECT)):
        return StageCheck(
            False,
            "The safety questions say direct contact could cause harm, so this plan stays as it is. "
            "If your sponsor or counselor reviews it with you, you can note who and what they decided.",
        )
    return StageCheck(True)
