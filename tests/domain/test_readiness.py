from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from amends_desktop.domain.enums import Answer, PlanType
from amends_desktop.domain.models import Plan, Settings
from amends_desktop.domain.readiness import LABELS, Readiness, ReadinessItem, readiness

TODAY = date(2024, 3, 1)
N = Answer.NO


def ready_plan(**changes: object) -> Plan:
    plan = Plan(
        person_id=1,
        type=PlanType.DIRECT,
        safety_hurt_them=N,
        safety_hurt_others=N,
        safety_abuse=N,
        safety_order_or_legal=N,
        safety_crisis=N,
        safety_own_guilt=N,
        inventory_done=True,
        reviewed_on="2024-02-20",
        support_person="Ann (sponsor)",
        halt_checked_on="2024-03-01",
        exit_plan="Leave after 30 minutes; call Ann from the car.",
    )
    return replace(plan, **changes)  # type: ignore[arg-type]


SETTINGS = Settings(clean_date="2023-06-01", min_clean_days=90)


def missing_keys(r: Readiness) -> set[str]:
    return {item.key for item in r.missing}


def test_everything_in_place() -> None:
    r = readiness(ready_plan(), SETTINGS, TODAY, harms_covered=2)
    assert [item.key for item in r.items] == list(LABELS)
    assert r.missing == []
    assert r.ready and not r.overridden
    assert all(item.required for item in r.items)


CASES: list[tuple[dict[str, object], Settings, int, set[str]]] = [
    ({}, Settings(clean_date=None), 1, {"clean_days"}),
    ({}, Settings(clean_date="not a date"), 1, {"clean_days"}),
    ({}, Settings(clean_date="2024-03-02"), 1, {"clean_days"}),  # in the future
    ({}, Settings(clean_date="2024-01-01", min_clean_days=90), 1, {"clean_days"}),  # 60 days
    ({}, Settings(clean_date="2023-12-02", min_clean_days=90), 1, set()),  # exactly 90 days
    ({}, Settings(clean_date="2023-12-03", min_clean_days=90), 1, {"clean_days"}),  # 89 days
    ({"inventory_done": False}, SETTINGS, 1, {"inventory"}),
    ({}, SETTINGS, 0, {"inventory"}),
    ({"safety_crisis": None}, SETTINGS, 1, {"safety"}),
    ({"safety_crisis": Answer.YES}, SETTINGS, 1, set()),  # caution is answered
    ({"safety_abuse": Answer.YES}, SETTINGS, 1, {"safety"}),
    (
        {"safety_abuse": Answer.YES, "safety_review_by": "Counselor", "safety_review_decision": "Letter only"},
        SETTINGS,
        1,
        set(),
    ),
    ({"reviewed_on": None}, SETTINGS, 1, {"sponsor_review"}),
    ({"support_person": "  "}, SETTINGS, 1, {"support"}),
    ({"halt_checked_on": None}, SETTINGS, 1, {"halt"}),
    ({"halt_checked_on": "2024-02-29"}, SETTINGS, 1, {"halt"}),
    ({"exit_plan": ""}, SETTINGS, 1, {"exit_plan"}),
    (
        {"inventory_done": False, "reviewed_on": None, "exit_plan": "", "halt_checked_on": None},
        Settings(),
        1,
        {"clean_days", "inventory", "sponsor_review", "exit_plan", "halt"},
    ),
]


@pytest.mark.parametrize(("changes", "settings", "harms", "expected"), CASES)
def test_missing_items(changes: dict[str, object], settings: Settings, harms: int, expected: set[str]) -> None:
    r = readiness(ready_plan(**changes), settings, TODAY, harms)
    assert missing_keys(r) == expected
    assert r.ready is (not expected)
    assert all(item.detail for item in r.items)


@pytest.mark.parametrize("plan_type", [PlanType.LIVING, PlanType.INDIRECT, PlanType.SELF])
def test_direct_only_items_not_required_for_other_types(plan_type: PlanType) -> None:
    plan = ready_plan(
        type=plan_type,
        safety_abuse=Answer.YES,
        safety_crisis=None,
        halt_checked_on=None,
        exit_plan="",
    )
    r = readiness(plan, Settings(clean_date=None), TODAY, 1)
    assert r.missing == []
    not_required = {item.key for item in r.items if not item.required}
    assert not_required == {"clean_days", "safety", "halt", "exit_plan"}
    assert all(item.ok for item in r.items if not item.required)


def test_other_types_still_need_inventory_review_and_support() -> None:
    plan = ready_plan(type=PlanType.LIVING, inventory_done=False, reviewed_on=None, support_person="")
    r = readiness(plan, SETTINGS, TODAY, 1)
    assert missing_keys(r) == {"inventory", "sponsor_review", "support"}


def test_override_with_a_reason() -> None:
    plan = ready_plan(exit_plan="", ready_override_reason="  ")
    assert not readiness(plan, SETTINGS, TODAY, 1).ready
    plan = ready_plan(exit_plan="", ready_override_reason="Sponsor and I agreed a phone call is fine.")
    r = readiness(plan, SETTINGS, TODAY, 1)
    assert r.ready and r.overridden
    assert missing_keys(r) == {"exit_plan"}


def test_override_without_anything_missing_is_not_an_override() -> None:
    r = readiness(ready_plan(ready_override_reason="just in case"), SETTINGS, TODAY, 1)
    assert r.ready and not r.overridden


def test_item_lookup() -> None:
    r = readiness(ready_plan(), SETTINGS, TODAY, 1)
    assert isinstance(r.item("halt"), ReadinessItem)
    with pytest.raises(KeyError):
        r.item("nope")
