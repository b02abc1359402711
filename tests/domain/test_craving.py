from __future__ import annotations

import pytest

from amends_desktop.domain.craving import (
    DEFAULT_THRESHOLD,
    GROUNDING_STEPS,
    craving_alert,
    debrief_offer,
    plans_to_pause,
)
from amends_desktop.domain.enums import EntryKind, Hold, OutcomeKind, Stage
from amends_desktop.domain.models import Plan


@pytest.mark.parametrize(
    ("craving", "thoughts", "threshold", "alert"),
    [
        (None, False, 7, False),
        (None, True, 7, True),
        (0, False, 7, False),
        (6, False, 7, False),
        (7, False, 7, True),
        (10, False, 7, True),
        (3, True, 7, True),
        (3, False, 3, True),
        (0, False, 0, True),
    ],
)
def test_craving_alert(craving: int | None, thoughts: bool, threshold: int, alert: bool) -> None:
    assert craving_alert(craving, thoughts, threshold) is alert


def test_default_threshold() -> None:
    assert DEFAULT_THRESHOLD == 7


def test_grounding_steps() -> None:
    assert 4 <= len(GROUNDING_STEPS) <= 6
    assert all(step.strip() and len(step) < 140 for step in GROUNDING_STEPS)
    assert len(set(GROUNDING_STEPS)) == len(GROUNDING_STEPS)


def test_plans_to_pause() -> None:
    plans = [
        Plan(person_id=1, id=1),
        Plan(person_id=2, id=2, hold=Hold.PAUSED),
        Plan(person_id=3, id=3, stage=Stage.CLOSED),
        Plan(person_id=4, id=4, hold=Hold.DEFERRED),
        Plan(person_id=5, id=5, stage=Stage.READY),
        Plan(person_id=6, id=6),  # not linked
        Plan(person_id=7),  # never saved
        Plan(person_id=1, id=1),  # a duplicate
    ]
    assert [p.id for p in plans_to_pause([5, 1, 2, 3, 4, 99], plans)] == [1, 5]
    assert plans_to_pause([], plans) == []


@pytest.mark.parametrize(
    ("kind", "entry_kind", "living"),
    [
        (OutcomeKind.ACCEPTED, EntryKind.AFTER_AMENDS, False),
        (OutcomeKind.PARTLY_ACCEPTED, EntryKind.AFTER_AMENDS, True),
        (OutcomeKind.NOT_READY, EntryKind.SELF_FORGIVENESS, True),
        (OutcomeKind.ANGRY, EntryKind.SELF_FORGIVENESS, True),
        (OutcomeKind.DOUBTFUL, EntryKind.SELF_FORGIVENESS, True),
        (OutcomeKind.MORE_GRIEVANCES, EntryKind.SELF_FORGIVENESS, True),
        (OutcomeKind.NO_RESPONSE, EntryKind.SELF_FORGIVENESS, True),
        (OutcomeKind.COULD_NOT_REACH, EntryKind.SELF_FORGIVENESS, True),
    ],
)
def test_debrief_offer(kind: OutcomeKind, entry_kind: EntryKind, living: bool) -> None:
    offer = debrief_offer(kind)
    assert offer.entry_kind == entry_kind
    assert offer.suggest_living is living
    assert offer.prompt.strip().endswith("?") or offer.prompt.strip().endswith(".")


def test_every_outcome_has_its_own_prompt() -> None:
    prompts = [debrief_offer(kind).prompt for kind in OutcomeKind]
    assert len(set(prompts)) == len(OutcomeKind)
