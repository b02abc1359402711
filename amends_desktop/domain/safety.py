"""The safety screen: "except when to do so would injure them or others".

Six questions are answered before a direct plan can become ready. Their answers give one verdict:

* ``DO_NOT_CONTACT`` when any of the four harm questions is answered *yes*: contact could hurt them,
  could hurt others, abuse/violence/trauma is involved, or there is a no-contact order or legal
  exposure. A *yes* here decides the verdict even while other questions are still open, because no
  later answer could make direct contact safe again (and showing it early spares the user work).
* ``UNANSWERED`` while any question has no answer (and no harm question is *yes*).
* ``CAUTION`` when any answer is *unsure*, when they are in a crisis now (the answer is to wait, not
  to give up), or when the amends is mostly to relieve one's own guilt (worth talking through with
  the sponsor first).
* ``CLEAR`` otherwise.

"Do not contact directly" rules out the direct type unless the user records who reviewed it (the
sponsor or counselor) and what they decided. ``UNANSWERED`` and ``CAUTION`` do not rule it out: the
readiness check separately requires the screen to be answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from amends_desktop.domain.enums import Answer, PlanType, SafetyVerdict
from amends_desktop.domain.models import Plan


@dataclass(frozen=True)
class SafetyQuestion:
    """One question of the screen. ``field`` is the matching attribute of ``models.Plan``."""

    field: str
    question: str
    help: str


SAFETY_QUESTIONS: tuple[SafetyQuestion, ...] = (
    SafetyQuestion(
        "safety_hurt_them",
        "Could contacting them hurt them?",
        "For example by reopening an old wound, frightening them, or putting them at risk.",
    ),
    SafetyQuestion(
        "safety_hurt_others",
        "Could it hurt someone else?",
        "For example by revealing things about other people, or drawing someone else into it.",
    ),
    SafetyQuestion(
        "safety_abuse",
        "Is abuse, violence or trauma part of this?",
        "If so, meeting or writing to them may do more harm than good, however well meant.",
    ),
    SafetyQuestion(
        "safety_order_or_legal",
        "Is there a no-contact or protective order, or a legal risk?",
        "An order must be respected. If the law is involved, it can help to talk to a lawyer first.",
    ),
    SafetyQuestion(
        "safety_crisis",
        "Are they going through a crisis right now?",
        "Illness, grief, a breakup, money trouble: a hard time for them usually means waiting.",
    ),
    SafetyQuestion(
        "safety_own_guilt",
        "Is this mostly to ease my own guilt?",
        "An honest yes is fine. It is worth talking over with your sponsor before going ahead.",
    ),
)

HARM_FIELDS: tuple[str, ...] = (
    "safety_hurt_them",
    "safety_hurt_others",
    "safety_abuse",
    "safety_order_or_legal",
)
"""A *yes* to any of these means: do not contact directly."""

_QUESTION_BY_FIELD = {q.field: q for q in SAFETY_QUESTIONS}


def answers(plan: Plan) -> dict[str, Answer | None]:
    """The plan's answers, keyed by question field, in question order."""
    return {q.field: getattr(plan, q.field) for q in SAFETY_QUESTIONS}


def unanswered(plan: Plan) -> list[SafetyQuestion]:
    """The questions still without an answer, in order."""
    return [q for q in SAFETY_QUESTIONS if getattr(plan, q.field) is None]


def safety_verdict(plan: Plan) -> SafetyVerdict:
    """The screen's verdict for a plan (see the module docstring for the rules)."""
    given = answers(plan)
    if any(given[f] == Answer.YES for f in HARM_FIELDS):
        return SafetyVerdict.DO_NOT_CONTACT
    if any(a is None for a in given.values()):
        return SafetyVerdict.UNANSWERED
    if (
        any(a == Answer.UNSURE for a in given.values())
        or given["safety_crisis"] == Answer.YES
        or given["safety_own_guilt"] == Answer.YES
    ):
        return SafetyVerdict.CAUTION
    return SafetyVerdict.CLEAR


def verdict_reasons(plan: Plan) -> list[SafetyQuestion]:
    """The questions whose answers led to a ``DO_NOT_CONTACT`` or ``CAUTION`` verdict."""
    verdict = safety_verdict(plan)
    given = answers(plan)
    if verdict == SafetyVerdict.DO_NOT_CONTACT:
        return [_QUESTION_BY_FIELD[f] for f in HARM_FIELDS if given[f] == Answer.YES]
    if verdict == SafetyVerdict.CAUTION:
        return [
            q
            for q in SAFETY_QUESTIONS
            if given[q.field] == Answer.UNSURE
            or (q.field in ("safety_crisis", "safety_own_guilt") and given[q.field] == Answer.YES)
        ]
    return []


def review_recorded(plan: Plan) -> bool:
    """Whether the user recorded who reviewed the screen with them and what they decided."""
    return bool(plan.safety_review_by.strip() and plan.safety_review_decision.strip())


def direct_allowed(plan: Plan) -> bool:
    """Whether the direct type is open to this plan.

    False only for ``DO_NOT_CONTACT`` without a recorded review (who reviewed it and what they
    decided, both written down). An unanswered or cautious screen does not close the door here;
    readiness asks for the screen to be answered.
    """
    return safety_verdict(plan) != SafetyVerdict.DO_NOT_CONTACT or review_recorded(plan)


def alternatives(plan: Plan) -> list[PlanType]:
    """The plan types to offer instead when direct amends are ruled out (else an empty list).

    Living and indirect amends, leaving out the type the plan already has.
    """
    if direct_allowed(plan):
        return []
    return [t for t in (PlanType.LIVING, PlanType.INDIRECT) if t != plan.type]


_EXPLANATIONS: dict[SafetyVerdict, str] = {
    SafetyVerdict.UNANSWERED: (
        "Some questions are still open. Take your time with them; they are here to protect the other person, and you."
    ),
    SafetyVerdict.CLEAR: (
        "Nothing here suggests that direct contact would cause harm. You can keep preparing, "
        "with your sponsor alongside you."
    ),
    SafetyVerdict.CAUTION: (
        "Some answers call for care. It may be a question of timing, or of talking it through "
        "with your sponsor or counselor before you go ahead."
    ),
    SafetyVerdict.DO_NOT_CONTACT: (
        "Contacting them directly could cause harm, so it is better not to. Amends can still be "
        "made through a changed way of living or indirectly, and that counts. If your sponsor or "
        "counselor has reviewed this with you and sees it differently, you can note who and what "
        "they decided."
    ),
}


def verdict_explanation(verdict: SafetyVerdict) -> str:
    """A few plain words about what a verdict means and what can come next."""
    return _EXPLANATIONS[verdict]
