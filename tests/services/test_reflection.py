"""The Reflection use cases: journal CRUD and lazy listing, prompts, the craving protocol, debriefs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from amends_desktop.domain import models as m
from amends_desktop.domain.craving import GROUNDING_STEPS
from amends_desktop.domain.enums import EntryKind, Hold, OutcomeKind, PlanType, Stage
from amends_desktop.services.demo import fill_demo
from amends_desktop.services.reflection import PAUSE_REASON, EntryError, ReflectionService
from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import VaultManager

TODAY = date(2024, 6, 15)


@pytest.fixture
def repos(manager: VaultManager) -> Iterator[Repositories]:
    vault = manager.create(manager.prepare())
    yield vault.repos
    vault.close()


@pytest.fixture
def svc(repos: Repositories) -> ReflectionService:
    return ReflectionService(repos, today=TODAY)


def make_plan(repos: Repositories, name: str = "Tom", **kw: object) -> m.Plan:
    with transaction(repos.conn):
        p = repos.people.add(m.Person(name=name))
        return repos.plans.add(m.Plan(person_id=int(p.id or 0), **kw))  # type: ignore[arg-type]


def test_draft_is_saved_then_updated_and_listed(svc: ReflectionService) -> None:
    draft = svc.new_entry(EntryKind.GRATITUDE)
    assert draft.id is None and draft.written_on == "2024-06-15"
    draft.body = "Grateful for tea 🍵 and for שלום"
    draft.mood = 7
    saved = svc.save_entry(draft)
    assert saved.id is not None
    saved.craving = 2
    svc.save_entry(saved)
    again = svc.get_entry(saved.id)
    assert again is not None and again.craving == 2 and again.body == draft.body
    rows = svc.entry_rows(svc.entry_ids())
    row = rows[saved.id]
    assert (row.kind, row.mood, row.craving, row.preview) == (EntryKind.GRATITUDE, 7, 2, draft.body)


@pytest.mark.parametrize(("field", "value"), [("mood", 0), ("mood", 11), ("craving", -1), ("craving", 11),
                                              ("written_on", "yesterday")])
def test_bad_values_are_refused_with_a_kind_message(svc: ReflectionService, field: str, value: object) -> None:
    entry = svc.new_entry()
    setattr(entry, field, value)
    with pytest.raises(EntryError) as info:
        svc.save_entry(entry)
    assert info.value.field == field
    assert svc.entry_count() == 0


def test_soft_delete_and_undo(svc: ReflectionService) -> None:
    e = svc.save_entry(svc.new_entry())
    svc.delete_entry(int(e.id or 0))
    assert svc.entry_ids() == [] and svc.get_entry(int(e.id or 0)) is None
    svc.undelete_entry(int(e.id or 0))
    assert svc.entry_ids() == [e.id]


def test_ids_in_order_sorted_and_filtered(svc: ReflectionService, repos: Repositories) -> None:
    plan = make_plan(repos, "Zed")
    a = svc.save_entry(m.Entry(written_on="2024-01-01", mood=3, craving=9, kind=EntryKind.FREE))
    b = svc.save_entry(m.Entry(written_on="2024-03-01", mood=8, craving=None, plan_id=plan.id))
    c = svc.save_entry(m.Entry(written_on="2024-02-01", mood=None, craving=1))
    assert svc.entry_ids() == [b.id, c.id, a.id]
    assert svc.entry_ids(descending=False) == [a.id, c.id, b.id]
    assert svc.entry_ids("mood") == [b.id, a.id, c.id]  # unset last
    assert svc.entry_ids("craving", descending=False) == [c.id, a.id, b.id]
    assert svc.entry_ids("link")[0] == b.id
    assert svc.entry_ids(kind=EntryKind.FREE) == [a.id]
    rows = svc.entry_rows([b.id or 0, 999])
    assert list(rows) == [b.id] and rows[b.id or 0].link == "Plan: Zed"


def test_entry_rows_in_batches(svc: ReflectionService, repos: Repositories) -> None:
    with transaction(repos.conn):
        for i in range(1200):
            repos.entries.add(m.Entry(written_on="2024-01-01", body=f"n{i}"))
    ids = svc.entry_ids()
    assert len(svc.entry_rows(ids)) == 1200


def test_prompts_builtin_and_own(svc: ReflectionService) -> None:
    builtin = svc.prompts_for(EntryKind.CHECK_IN)
    assert len(builtin) >= 5
    own = svc.add_prompt(EntryKind.CHECK_IN, "  Did I drink water today?  ")
    assert svc.prompts_for(EntryKind.CHECK_IN)[-1] == own and own.text == "Did I drink water today?"
    tpl = svc.add_prompt(EntryKind.CHECK_IN, "Water:\nSleep:", is_template=True)
    assert svc.templates_for(EntryKind.CHECK_IN)[-1] == tpl
    assert own not in svc.prompts_for(EntryKind.GRATITUDE)
    with pytest.raises(ValueError, match="Write a few words"):
        svc.add_prompt(EntryKind.CHECK_IN, "  ")
    svc.delete_prompt(int(own.prompt_id or 0))
    assert len(svc.prompts_for(EntryKind.CHECK_IN)) == len(builtin)


def test_needs_support_follows_the_threshold_setting(svc: ReflectionService, repos: Repositories) -> None:
    entry = svc.new_entry()
    entry.craving = 7
    assert svc.needs_support(entry)
    with transaction(repos.conn):
        s = repos.settings.load()
        s.craving_threshold = 9
        repos.settings.save(s)
    assert not svc.needs_support(entry)
    entry.thoughts_of_using = True
    assert svc.needs_support(entry)


def test_support_card_for_an_entry_ticks_its_linked_plans(svc: ReflectionService, repos: Repositories) -> None:
    linked = make_plan(repos, "Maria", type=PlanType.DIRECT, priority=2)
    other = make_plan(repos, "Tom", priority=1)
    make_plan(repos, "Closed", stage=Stage.CLOSED)
    deferred = make_plan(repos, "Jon", hold=Hold.DEFERRED)
    svc.save_contacts(m.Contact("Ray", "555-0142", "mornings"), m.Contact(), m.Contact("Help line", "555-0100"))
    entry = svc.save_entry(m.Entry(written_on="2024-06-15", craving=8, plan_id=linked.id))
    card = svc.support_card(entry)
    assert [p.id for p in card.plans_to_pause] == [linked.id, other.id]  # linked first; closed and held left out
    assert card.linked_plan_ids == [linked.id]
    assert [c.role for c in card.contacts] == ["Sponsor", "Counselor", "Crisis line"]
    assert card.contacts[0].contact.phone == "555-0142" and not card.contacts[1].is_set
    assert card.grounding_steps == GROUNDING_STEPS
    assert card.plans_to_pause[0].label == "Maria (direct)"
    assert deferred.id not in [p.id for p in card.paused]


def test_support_card_from_im_struggling_ticks_every_active_plan(svc: ReflectionService, repos: Repositories) -> None:
    a = make_plan(repos, "A")
    b = make_plan(repos, "B")
    own = make_plan(repos, "Me", type=PlanType.SELF)
    card = svc.support_card(None)
    assert card.linked_plan_ids == [a.id, b.id]  # amends to myself keep running unless ticked
    assert own.id in [p.id for p in card.plans_to_pause]


def test_entry_linked_to_a_person_links_their_plans(svc: ReflectionService, repos: Repositories) -> None:
    plan = make_plan(repos, "Maria")
    entry = m.Entry(written_on="2024-06-15", person_id=plan.person_id)
    assert svc.linked_plan_ids(entry) == [plan.id]


def test_pause_and_resume_after_support(svc: ReflectionService, repos: Repositories) -> None:
    plan = make_plan(repos)
    held = make_plan(repos, "Jon", hold=Hold.DEFERRED, hold_reason="address", hold_since="2024-01-01")
    assert svc.pause_plans([plan.id or 0, held.id or 0]) == [plan.id]
    stored = repos.plans.get(plan.id or 0)
    assert stored is not None and (stored.hold, stored.hold_reason, stored.hold_since) == (Hold.PAUSED, PAUSE_REASON, "2024-06-15")
    assert repos.plans.get(held.id or 0).hold == Hold.DEFERRED  # type: ignore[union-attr]
    assert [p.id for p in svc.paused_plans()] == [plan.id]
    with pytest.raises(EntryError, match="reach out"):
        svc.resume_plans([plan.id or 0], support_reached=False)
    assert repos.plans.get(plan.id or 0).hold == Hold.PAUSED  # type: ignore[union-attr]
    assert svc.resume_plans([plan.id or 0, held.id or 0], support_reached=True) == [plan.id]
    stored = repos.plans.get(plan.id or 0)
    assert stored is not None and (stored.hold, stored.hold_reason, stored.hold_since) == (None, "", None)
    assert repos.plans.get(held.id or 0).hold == Hold.DEFERRED  # type: ignore[union-attr]


@pytest.mark.parametrize(("kind", "entry_kind"), [(OutcomeKind.ACCEPTED, EntryKind.AFTER_AMENDS),
                                                  (OutcomeKind.ANGRY, EntryKind.SELF_FORGIVENESS),
                                                  (OutcomeKind.NOT_READY, EntryKind.SELF_FORGIVENESS)])
def test_debrief_draft_is_linked_to_the_plan(svc: ReflectionService, repos: Repositories, kind: OutcomeKind,
                                             entry_kind: EntryKind) -> None:
    plan = make_plan(repos, "Maria")
    draft = svc.debrief_draft(int(plan.id or 0), kind.value)
    assert draft.entry.kind == entry_kind
    assert (draft.entry.plan_id, draft.entry.person_id) == (plan.id, plan.person_id)
    assert draft.entry.prompt == draft.offer.prompt and draft.entry.id is None
    assert draft.plan_label == "Maria (direct)"


def test_chart_data_from_demo(repos: Repositories) -> None:
    fill_demo(repos, today=TODAY)
    svc = ReflectionService(repos, today=TODAY)
    mood, craving = svc.mood_craving_points(30)
    assert mood and craving and all(d >= date(2024, 5, 16) for d, _ in mood)
    care = svc.self_care_days(90)
    assert care and all(set(keys) <= {"meeting", "meditation", "exercise", "called_sponsor", "ate", "slept"} for _, keys in care)
    stages = {s.key: s.count for s in svc.stage_counts()}
    assert sum(stages.values()) == repos.plans.count() and stages["made"] == 1
    ledgers = svc.ledger_progress()
    assert ledgers[0].owed_minor == 40000 and ledgers[0].paid_minor == 10000


def test_link_choices_lists_plans_then_people_without_plans(svc: ReflectionService, repos: Repositories) -> None:
    plan = make_plan(repos, "Maria")
    with transaction(repos.conn):
        repos.people.add(m.Person(name="Ana"))
    labels = [c.label for c in svc.link_choices()]
    assert labels[0] == "Plan: Maria (direct)" and "Ana" in labels and "Myself" in labels and "Maria" not in labels
    assert svc.link_choices()[0].plan_id == plan.id
