"""The craving protocol and the gentle next step after amends were made.

When a journal entry records a craving at or above the threshold, or thoughts of using (or the user
presses "I'm struggling"), the app offers to pause the linked plans, shows the sponsor's and
counselor's contacts, and suggests a few grounding steps.

After an outcome is recorded, ``debrief_offer`` suggests which reflection to write:

* accepted or partly accepted: a debrief after amends (partly accepted also suggests living amends,
  so that changed behaviour can speak for what words could not settle);
* not ready, angry, doubtful, more grievances, and no response: these all land as a rejection, or
  feel like one, so they lead to a self-forgiveness reflection and to living amends. The value of
  amends lies in taking responsibility, whatever the response. "No response" is included because
  silence often hurts like a no, and the same gentle path fits it;
* could not reach: also a self-forgiveness reflection with living amends suggested; the willingness
  counts, and indirect amends remain open.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from amends_desktop.domain.enums import EntryKind, OutcomeKind, Stage
from amends_desktop.domain.models import Plan

DEFAULT_THRESHOLD = 7


def craving_alert(craving: int | None, thoughts_of_using: bool, threshold: int) -> bool:
    """True when the protocol should be offered: thoughts of using, or a craving at the threshold."""
    return thoughts_of_using or (craving is not None and craving >= threshold)


GROUNDING_STEPS: tuple[str, ...] = (
    "Breathe slowly: in for four, hold for four, out for six. Do it a few times.",
    "Name five things you can see, four you can hear and three you can touch.",
    "Put your feet flat on the floor and notice the ground holding you up.",
    "Have a glass of water or something warm, and eat if you haven't.",
    "Call or text someone on your list. You don't need the right words; hello is enough.",
    "This feeling will pass. You don't have to act on it, and you don't have to decide anything now.",
)


def plans_to_pause(linked_plan_ids: Iterable[int], plans: Iterable[Plan]) -> list[Plan]:
    """The linked plans that are still active: not closed and not already resting in a hold.

    Plans already paused, deferred or marked not possible are left alone, so a pause never
    overwrites another side state. The order of ``plans`` is kept, each plan once.
    """
    wanted = set(linked_plan_ids)
    seen: set[int] = set()
    result: list[Plan] = []
    for plan in plans:
        if plan.id is None or plan.id not in wanted or plan.id in seen:
            continue
        if plan.stage == Stage.CLOSED or plan.hold is not None:
            continue
        seen.add(plan.id)
        result.append(plan)
    return result


@dataclass(frozen=True)
class DebriefOffer:
    entry_kind: EntryKind
    prompt: str
    suggest_living: bool


_OFFERS: dict[OutcomeKind, DebriefOffer] = {
    OutcomeKind.ACCEPTED: DebriefOffer(
        EntryKind.AFTER_AMENDS,
        "You did something brave today. What did you say, what did you hear, and how do you feel now? "
        "Is there anything you promised that you want to remember?",
        False,
    ),
    OutcomeKind.PARTLY_ACCEPTED: DebriefOffer(
        EntryKind.AFTER_AMENDS,
        "Some of it was heard, some of it not yet. What went well, what is still open, and what could "
        "show them over time that you meant it?",
        True,
    ),
    OutcomeKind.NOT_READY: DebriefOffer(
        EntryKind.SELF_FORGIVENESS,
        "They weren't ready, and that is their right. You did your part by offering. What would you "
        "say to a friend who had just done the same?",
        True,
    ),
    OutcomeKind.ANGRY: DebriefOffer(
        EntryKind.SELF_FORGIVENESS,
        "Their anger is part of what happened, and it is theirs to feel. You stayed and owned your "
        "part. What do you need right now to be gentle with yourself?",
        True,
    ),
    OutcomeKind.DOUBTFUL: DebriefOffer(
        EntryKind.SELF_FORGIVENESS,
        "It is hard not to be believed. Trust often comes back through time and changed actions "
        "rather than words. What can you let go of tonight?",
        True,
    ),
    OutcomeKind.MORE_GRIEVANCES: DebriefOffer(
        EntryKind.SELF_FORGIVENESS,
        "They had more to tell you, and you listened. Write down what you heard, then write one "
        "kind thing to yourself. Your sponsor can help you sort out what comes next.",
        True,
    ),
    OutcomeKind.NO_RESPONSE: DebriefOffer(
        EntryKind.SELF_FORGIVENESS,
        "Silence can be hard to sit with. You reached out, and that counts. How are you feeling, and "
        "what would help you let the outcome rest with them?",
        True,
    ),
    OutcomeKind.COULD_NOT_REACH: DebriefOffer(
        EntryKind.SELF_FORGIVENESS,
        "You were willing, even though you couldn't reach them. How could you make this right in "
        "another way, through how you live or by giving something back?",
        True,
    ),
}


def debrief_offer(outcome_kind: OutcomeKind) -> DebriefOffer:
    """Which reflection to offer after an outcome, with its opening prompt."""
    return _OFFERS[outcome_kind]
