from __future__ import annotations

import dataclasses

import pytest

from amends_desktop.domain.enums import Answer, PlanType, SafetyVerdict
from amends_desktop.domain.models import Plan
from amends_desktop.domain.safety import (
    HARM_FIELDS,
    SAFETY_QUESTIONS,
    alternatives,
    direct_allowed,
    safety_verdict,
    unanswered,
    verdict_explanation,
    verdict_reasons,
)

Y, N, U = Answer.YES, Answer.NO, Answer.UNSURE
FIELDS = [q.field for q in SAFETY_QUESTIONS]


def plan_with(*values: Answer | None, **extra: object) -> Plan:
    """Answers in question order: hurt_them, hurt_others, abuse, order_or_legal, crisis, own_guilt."""
    assert len(values) == 6
    return Plan(person_id=1, **dict(zip(FIELDS, values, strict=True)), **extra)  # type: ignore[arg-type]


def test_questions_match_plan_fields() -> None:
    plan_fields = {f.name for f in dataclasses.fields(Plan)}
    assert len(SAFETY_QUESTIONS) == 6
    assert all(q.field in plan_fields for q in SAFETY_QUESTIONS)
    assert all(q.question.endswith("?") and q.help for q in SAFETY_QUESTIONS)
    assert set(HARM_FIELDS) <= set(FIELDS)


VERDICTS = [
    ((None, None, None, None, None, None), SafetyVerdict.UNANSWERED),
    ((N, N, N, N, N, None), SafetyVerdict.UNANSWERED),
    ((N, N, N, N, N, N), SafetyVerdict.CLEAR),
    ((Y, N, N, N, N, N), SafetyVerdict.DO_NOT_CONTACT),
    ((N, Y, N, N, N, N), SafetyVerdict.DO_NOT_CONTACT),
    ((N, N, Y, N, N, N), SafetyVerdict.DO_NOT_CONTACT),
    ((N, N, N, Y, N, N), SafetyVerdict.DO_NOT_CONTACT),
    ((N, N, Y, None, None, None), SafetyVerdict.DO_NOT_CONTACT),  # a yes decides even when open
    ((Y, U, N, N, Y, Y), SafetyVerdict.DO_NOT_CONTACT),
    ((U, N, N, N, N, N), SafetyVerdict.CAUTION),
    ((N, N, N, U, N, N), SafetyVerdict.CAUTION),
    ((N, N, N, N, Y, N), SafetyVerdict.CAUTION),
    ((N, N, N, N, N, Y), SafetyVerdict.CAUTION),
    ((N, N, N, N, U, U), SafetyVerdict.CAUTION),
    ((U, None, N, N, N, N), SafetyVerdict.UNANSWERED),
]


@pytest.mark.parametrize(("values", "expected"), VERDICTS)
def test_verdict(values: tuple[Answer | None, ...], expected: SafetyVerdict) -> None:
    assert safety_verdict(plan_with(*values)) == expected


def test_direct_allowed_unless_do_not_contact() -> None:
    assert direct_allowed(plan_with(None, None, None, None, None, None))
    assert direct_allowed(plan_with(N, N, N, N, N, N))
    assert direct_allowed(plan_with(U, N, N, N, Y, Y))
    assert not direct_allowed(plan_with(N, N, Y, N, N, N))


@pytest.mark.parametrize(
    ("by", "decision", "allowed"),
    [
        ("", "", False),
        ("My sponsor, Ann", "", False),
        ("", "Go ahead with a letter", False),
        ("   ", "  ", False),
        ("My sponsor, Ann", "A short letter only, no visit", True),
    ],
)
def test_recorded_review_reopens_direct(by: str, decision: str, allowed: bool) -> None:
    plan = plan_with(Y, N, N, N, N, N, safety_review_by=by, safety_review_decision=decision)
    assert safety_verdict(plan) == SafetyVerdict.DO_NOT_CONTACT
    assert direct_allowed(plan) is allowed


@pytest.mark.parametrize(
    ("plan_type", "expected"),
    [
        (PlanType.DIRECT, [PlanType.LIVING, PlanType.INDIRECT]),
        (PlanType.LIVING, [PlanType.INDIRECT]),
        (PlanType.INDIRECT, [PlanType.LIVING]),
        (PlanType.SELF, [PlanType.LIVING, PlanType.INDIRECT]),
    ],
)
def test_alternatives_when_direct_is_ruled_out(plan_type: PlanType, expected: list[PlanType]) -> None:
    assert alternatives(plan_with(N, N, N, Y, N, N, type=plan_type)) == expected


def test_no_alternatives_when_direct_is_open() -> None:
    assert alternatives(plan_with(N, N, N, N, N, N)) == []
    reviewed = plan_with(Y, N, N, N, N, N, safety_review_by="Counselor", safety_review_decision="Letter")
    assert alternatives(reviewed) == []


def test_reasons_and_unanswered() -> None:
    plan = plan_with(Y, N, Y, N, U, None)
    assert [q.field for q in verdict_reasons(plan)] == ["safety_hurt_them", "safety_abuse"]
    assert [q.field for q in unanswered(plan)] == ["safety_own_guilt"]
    caution = plan_with(N, U, N, N, Y, N)
    assert [q.field for q in verdict_reasons(caution)] == ["safety_hurt_others", "safety_crisis"]
    assert verdict_reasons(plan_with(N, N, N, N, N, N)) == []


@pytest.mark.parametrize("verdict", list(SafetyVerdict))
def test_every_verdict_has_an_explanation(verdict: SafetyVerdict) -> None:
    assert len(verdict_explanation(verdict)) > 20
