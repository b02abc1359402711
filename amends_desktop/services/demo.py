"""Sample data for ``--demo``: made-up people and events, so a newcomer sees the app at work.

Everyone and everything here is invented. The demo vault lives in a temporary folder with its key in
memory only, and is removed when the app closes.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import (
    Answer,
    Cadence,
    EntryKind,
    FormalAmends,
    HarmCategory,
    Hold,
    IndirectKind,
    OutcomeKind,
    PermissionAnswer,
    PlanType,
    Reachability,
    Relationship,
    Stage,
    Willingness,
)
from amends_desktop.domain.restitution import add_months
from amends_desktop.storage.repositories import Repositories
from amends_desktop.storage.repository import transaction


def _d(days_ago: int, today: date) -> str:
    return (today - timedelta(days=days_ago)).isoformat()


def fill_demo(repos: Repositories, today: date | None = None, *, seed: int = 7) -> None:
    today = today or date.today()
    rng = random.Random(seed)
    with transaction(repos.conn):
        _fill(repos, today, rng)


def _tag_ids(repos: Repositories, *names: str) -> list[int]:
    ids = []
    for name in names:
        found = repos.defect_tags.list("name = ? COLLATE NOCASE", (name,))
        tag = found[0] if found else repos.defect_tags.add(m.DefectTag(name=name))
        assert tag.id is not None
        ids.append(tag.id)
    return ids


def _fill(repos: Repositories, today: date, rng: random.Random) -> None:
    settings = repos.settings.load()
    settings.clean_date = _d(412, today)
    settings.min_clean_days = 90
    settings.sponsor = m.Contact(name="Ray (sponsor)", phone="555-0142", note="Mornings are best")
    settings.counselor = m.Contact(name="Dr. Okafor", phone="555-0199", note="Tuesdays at the clinic")
    settings.crisis_line = m.Contact(name="Local help line", phone="555-0100", note="Open day and night")
    repos.settings.save(settings)

    def person(name: str, rel: Relationship, reach: Reachability, will: Willingness, notes: str = "") -> m.Person:
        return repos.people.add(m.Person(name=name, relationship=rel, reachability=reach, willingness=will, notes=notes))

    mum = person("Maria (Mum)", Relationship.PARENT, Reachability.REACHABLE, Willingness.WILLING,
                 "We talk most weeks again. She still worries when I don't pick up.")
    tom = person("Tom", Relationship.SIBLING, Reachability.REACHABLE, Willingness.WILLING,
                 "My younger brother. He covered for me more than once.")
    sam = person("Sam", Relationship.PARTNER, Reachability.CONTACT_FORBIDDEN, Willingness.WILLING,
                 "Former partner. There is a no-contact order, and I respect it.")
    cafe = person("Harbour Café", Relationship.EMPLOYER, Reachability.REACHABLE, Willingness.NOT_YET,
                  "Where I worked for two years.")
    dee = person("Dee", Relationship.FRIEND, Reachability.DECEASED, Willingness.WILLING,
                 "Friend from school. Died in 2021.")
    jon = person("Jon", Relationship.FRIEND, Reachability.UNREACHABLE, Willingness.UNSURE,
                 "Moved away; the old number doesn't work.")
    cafe_person = repos.people.get_any(int(cafe.id or 0))
    cafe_person.revisit_on = (today + timedelta(days=20)).isoformat()
    repos.people.update(cafe_person)
    me = repos.myself()

    def harm(p: m.Person, cat: HarmCategory, what: str, when: str, amount: int | None = None,
             tags: tuple[str, ...] = (), formal: FormalAmends = FormalAmends.YES, root: str = "") -> m.Harm:
        h = repos.harms.add(m.Harm(person_id=int(p.id or 0), category=cat, what_happened=what, when_text=when,
                                   amount_minor=amount, currency="EUR" if amount is not None else "",
                                   formal_amends=formal, root_cause=root))
        repos.set_harm_tags(int(h.id or 0), _tag_ids(repos, *tags))
        return h

    h1 = harm(mum, HarmCategory.FINANCIAL, "Took 400 euros from her purse over a few months", "2019", 40000,
              ("dishonesty", "selfishness"), root="I told myself she wouldn't notice.")
    h2 = harm(mum, HarmCategory.TRUST, "Lied about where I was for most of a year", "2019-2020",
              tags=("dishonesty", "fear"))
    h3 = harm(mum, HarmCategory.EMOTIONAL, "Missed her 60th birthday dinner without a word", "summer 2020",
              tags=("selfishness",))
    h4 = harm(tom, HarmCategory.PROPERTY, "Pawned his guitar and said it was stolen", "2020-03", 35000,
              ("dishonesty", "manipulation"))
    h5 = harm(tom, HarmCategory.TRUST, "Asked him to lie to our parents for me", "2019", tags=("manipulation",))
    harm(sam, HarmCategory.EMOTIONAL, "Shouted and frightened Sam during arguments", "2020",
         tags=("resentment", "fear"))
    h7 = harm(cafe, HarmCategory.FINANCIAL, "Took money from the till on late shifts", "winter 2020", 22000,
              ("dishonesty",))
    harm(cafe, HarmCategory.NEGLECT, "Left the café without notice before a busy weekend", "2021-01",
         tags=("selfishness",), formal=FormalAmends.UNDECIDED)
    h9 = harm(dee, HarmCategory.TRUST, "Broke a promise to visit when Dee was ill", "spring 2021",
              tags=("fear", "self-pity"))
    harm(jon, HarmCategory.FINANCIAL, "Borrowed 150 euros and never paid it back", "2018", 15000,
         ("dishonesty",), formal=FormalAmends.YES)
    h11 = harm(me, HarmCategory.PHYSICAL_SAFETY, "Neglected my health and skipped treatment", "2018-2021",
               tags=("self-pity",))

    def plan(p: m.Person, ptype: PlanType, stage: Stage, harms: list[m.Harm], priority: int, **kw: object) -> m.Plan:
        pl = repos.plans.add(m.Plan(person_id=int(p.id or 0), type=ptype, stage=stage, priority=priority, **kw))  # type: ignore[arg-type]
        repos.set_plan_harms(int(pl.id or 0), [int(h.id or 0) for h in harms])
        return pl

    clear = dict(safety_hurt_them=Answer.NO, safety_hurt_others=Answer.NO, safety_abuse=Answer.NO,
                 safety_order_or_legal=Answer.NO, safety_crisis=Answer.NO, safety_own_guilt=Answer.NO)
    p_mum = plan(mum, PlanType.DIRECT, Stage.MADE, [h1, h2, h3], 1, **clear, inventory_done=True,
                 reviewed_on=_d(40, today), support_person="Ray", exit_plan="Leave after an hour, call Ray",
                 when_where="Sunday afternoon at her kitchen table", first_contact="Asked on the phone first",
                 script=("Mum, I took 400 euros from your purse in 2019 and I lied to you for most of that year. "
                         "I was wrong to do it. I want to pay it back, 50 euros a month, starting this month. "
                         "I'd like to hear how it affected you. From now on I will come to Sunday dinner and "
                         "call you when I say I will."),
                 commitments_text="Sunday dinner every week; answer her calls.",
                 follow_up_on=(today + timedelta(days=5)).isoformat())
    p_tom = plan(tom, PlanType.DIRECT, Stage.PREPARING, [h4, h5], 2, inventory_done=True,
                 safety_hurt_them=Answer.NO, safety_hurt_others=Answer.UNSURE,
                 script="Tom, I'm sorry, but things were really hard for me back then. If I hurt you, I apologise.")
    plan(sam, PlanType.LIVING, Stage.WILLING, [], 3,
         safety_hurt_them=Answer.YES, safety_order_or_legal=Answer.YES, safety_abuse=Answer.YES,
         safety_review_by="Dr. Okafor", safety_review_decision="No direct contact. Living amends only.",
         safety_review_on=_d(60, today), commitments_text="Stay away, keep going to anger group.")
    p_cafe = plan(cafe, PlanType.DIRECT, Stage.LISTED, [h7], 4)
    p_dee = plan(dee, PlanType.INDIRECT, Stage.FOLLOWING_UP, [h9], 5)
    plan(me, PlanType.SELF, Stage.PREPARING, [h11], 6, notes="Keep every appointment; cook real food.")
    p_jon = plan(jon, PlanType.INDIRECT, Stage.LISTED, [], 7, hold=Hold.DEFERRED,
                 hold_reason="Trying to find a current address first", hold_since=_d(10, today))

    repos.permission_requests.add(m.PermissionRequest(plan_id=int(p_mum.id or 0), asked_on=_d(30, today),
                                                      answer=PermissionAnswer.YES, note="She said Sunday suits her."))
    repos.permission_requests.add(m.PermissionRequest(plan_id=int(p_tom.id or 0), asked_on=_d(12, today),
                                                      answer=PermissionAnswer.NEEDS_TIME,
                                                      not_before=_d(2, today)))
    repos.outcomes.add(m.Outcome(plan_id=int(p_mum.id or 0), kind=OutcomeKind.ACCEPTED, on_date=_d(21, today),
                                 heard="She cried, then said she had been waiting for this.",
                                 promised="The money back by spring, and Sunday dinners.", door_open=True,
                                 next_step="Check in after the third payment",
                                 follow_up_on=(today + timedelta(days=5)).isoformat()))

    ledger = repos.ledgers.add(m.Ledger(plan_id=int(p_mum.id or 0), currency="EUR", owed_minor=40000,
                                        affordable_minor=5000))
    first_due = add_months(date(today.year, today.month, 1), -2)
    for i in range(8):
        repos.instalments.add(m.Instalment(ledger_id=int(ledger.id or 0), due_on=add_months(first_due, i).isoformat(),
                                           amount_minor=5000))
    for i, days in enumerate((50, 20)):
        repos.payments.add(m.Payment(ledger_id=int(ledger.id or 0), paid_on=_d(days, today), amount_minor=5000,
                                     method="cash", note="Handed over at dinner" if i == 0 else ""))
    cafe_ledger = repos.ledgers.add(m.Ledger(plan_id=int(p_cafe.id or 0), currency="EUR", owed_minor=22000,
                                             owed_is_estimate=True, affordable_minor=2000))
    del cafe_ledger

    sunday = repos.commitments.add(m.Commitment(plan_id=int(p_mum.id or 0), description="Sunday dinner with Mum",
                                                cadence=Cadence.WEEKLY, started_on=_d(84, today)))
    for week in range(12):
        repos.check_ins.add(m.CheckIn(commitment_id=int(sunday.id or 0), on_date=_d(7 * week + 1, today),
                                      kept=week != 5, note="" if week != 5 else "Had the flu; called instead"))

    repos.indirect_actions.add(m.IndirectAction(plan_id=int(p_dee.id or 0), kind=IndirectKind.UNSENT_LETTER,
                                                on_date=_d(15, today),
                                                letter_text=("Dee, I said I'd come and I didn't. I was scared of "
                                                             "seeing you ill and I chose using over you. I'm sorry. "
                                                             "I think of you when I visit the hospice now.")))
    repos.indirect_actions.add(m.IndirectAction(plan_id=int(p_dee.id or 0), kind=IndirectKind.SERVICE,
                                                on_date=_d(8, today), hours=3.0,
                                                notes="Volunteered at the hospice café."))
    repos.indirect_actions.add(m.IndirectAction(plan_id=int(p_jon.id or 0), kind=IndirectKind.DONATION,
                                                on_date=_d(3, today), amount_minor=2500, currency="EUR",
                                                notes="Part of what I owe Jon, to the food bank while I look for him."))

    bodies = {
        EntryKind.CHECK_IN: ["Slept badly, but went to the morning meeting.", "Quiet day. Walked by the river.",
                             "Work was busy and I felt steady.", "Irritable this evening. Called Ray."],
        EntryKind.GRATITUDE: ["Grateful for Mum's laugh on the phone.", "Grateful for a dry, sunny walk."],
        EntryKind.AFTER_AMENDS: ["Talked with Mum. I said it plainly and she listened. Shaky afterwards, relieved."],
        EntryKind.FREE: ["Thinking about Dee a lot this week."],
    }
    kinds = list(bodies)
    for day in range(120, -1, -1):
        if rng.random() < 0.25:
            continue
        kind = kinds[0] if rng.random() < 0.7 else rng.choice(kinds)
        mood = max(1, min(10, int(rng.gauss(6.5 if day < 60 else 5.5, 1.4))))
        craving = max(0, min(10, int(rng.gauss(2.5 if day < 60 else 4, 1.5))))
        repos.entries.add(m.Entry(
            written_on=_d(day, today), kind=kind, body=rng.choice(bodies[kind]), mood=mood, craving=craving,
            thoughts_of_using=craving >= 7, sc_meeting=rng.random() < 0.6, sc_meditation=rng.random() < 0.4,
            sc_exercise=rng.random() < 0.35, sc_called_sponsor=rng.random() < 0.3, sc_ate=rng.random() < 0.85,
            sc_slept=rng.random() < 0.7,
            plan_id=int(p_mum.id or 0) if kind is EntryKind.AFTER_AMENDS else None,
        ))
    repos.sensitive_dates.add(m.SensitiveDate(on_date=f"{today.year}-12-25", label="Christmas"))
