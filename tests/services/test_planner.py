"""The Planner service over a real (encrypted, temporary) vault."""

from __future__ import annotations

from datetime import date

import pytest

from amends_desktop.domain import models as m
from amends_desktop.domain.due import FOLLOW_UP, PAYMENT_DUE
from amends_desktop.domain.enums import (
    Answer,
    Cadence,
    Hold,
    IndirectKind,
    OutcomeKind,
    PermissionAnswer,
    PlanType,
    SafetyVerdict,
    Stage,
    Willingness,
)
from amends_desktop.services.demo import fill_demo
from amends_desktop.services.planner import SAFETY_FIELDS, PlannerError, PlannerService
from amends_desktop.services.session import Session
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import VaultManager

TODAY = date(2024, 6, 12)


@pytest.fixture
def session(manager: VaultManager) -> Session:
    vault = manager.create(manager.prepare())
    s = Session(manager, vault)
    yield s
    vault.close()


@pytest.fixture
def service(session: Session) -> PlannerService:
    return PlannerService(session.repos, today=lambda: TODAY)


def _person(session: Session, name: str = "Ana", willing: Willingness = Willingness.WILLING) -> m.Person:
    repos = session.repos
    with transaction(repos.conn):
        person = repos.people.add(m.Person(name=name, willingness=willing))
        repos.harms.add(m.Harm(person_id=int(person.id or 0), what_happened="Took her car", amount_minor=12000, currency="EUR"))
        from amends_desktop.domain.enums import FormalAmends

        repos.harms.add(m.Harm(person_id=int(person.id or 0), what_happened="Not for amends", formal_amends=FormalAmends.NO))
    return person


def _settle(service: PlannerService, plan_id: int) -> None:
    for field in SAFETY_FIELDS:
        service.set_safety_answer(plan_id, field, Answer.NO)
    service.update_plan_fields(plan_id, inventory_done=True, reviewed_on="2024-06-01", support_person="Ray",
                               halt_checked_on=TODAY.isoformat(), exit_plan="Leave, call Ray")
    settings = service.settings()
    settings.clean_date = "2023-01-01"
    with transaction(service.conn):
        service.repos.settings.save(settings)


def test_open_or_create_plan_for_person_creates_once_with_formal_harms(service: PlannerService, session: Session) -> None:
    person = _person(session)
    plan = service.open_or_create_plan_for_person(int(person.id or 0))
    assert plan.type == PlanType.DIRECT and plan.stage == Stage.WILLING
    assert len(service.plan_harm_ids(int(plan.id or 0))) == 1
    again = service.open_or_create_plan_for_person(int(person.id or 0))
    assert again.id == plan.id
    myself = session.repos.myself()
    assert service.open_or_create_plan_for_person(int(myself.id or 0)).type == PlanType.SELF


def test_board_rows_and_reorder(service: PlannerService, session: Session) -> None:
    ids = [int(service.create_plan(int(_person(session, f"P{i}").id or 0)).id or 0) for i in range(4)]
    assert [r.plan_id for r in service.board()] == ids
    service.reorder([ids[2], ids[0]])  # only these two swap places
    assert [r.plan_id for r in service.board()] == [ids[2], ids[1], ids[0], ids[3]]
    row = service.board()[0]
    assert row.person_name == "P2" and row.harm_count == 1 and row.verdict == SafetyVerdict.UNANSWERED


def test_do_not_contact_rules_out_direct_until_review(service: PlannerService, session: Session) -> None:
    plan_id = int(service.create_plan(int(_person(session).id or 0)).id or 0)
    assert service.set_safety_answer(plan_id, "safety_abuse", Answer.YES) == SafetyVerdict.DO_NOT_CONTACT
    _settle(service, plan_id)
    service.set_safety_answer(plan_id, "safety_abuse", Answer.YES)
    check = service.change_stage(plan_id, Stage.READY)
    assert not check.ok and "safety" in check.reason.lower()
    assert service.plan(plan_id).stage == Stage.WILLING  # type: ignore[union-attr]
    assert service.set_type(plan_id, PlanType.LIVING).ok
    assert not service.set_type(plan_id, PlanType.DIRECT).ok
    service.update_plan_fields(plan_id, safety_review_by="Dr. O", safety_review_decision="A letter via her lawyer is fine")
    assert service.set_type(plan_id, PlanType.DIRECT).ok


def test_ready_needs_readiness_or_override(service: PlannerService, session: Session) -> None:
    plan_id = int(service.create_plan(int(_person(session).id or 0)).id or 0)
    check = service.change_stage(plan_id, Stage.READY)
    assert not check.ok and "aren't in place" in check.reason
    missing = {i.key for i in service.readiness(plan_id).missing}
    assert {"clean_days", "inventory", "safety", "halt"} <= missing
    _settle(service, plan_id)
    assert service.readiness(plan_id).all_ok
    assert service.change_stage(plan_id, Stage.READY).ok
    assert service.plan(plan_id).stage == Stage.READY  # type: ignore[union-attr]


def test_bad_date_is_refused_and_nothing_changes(service: PlannerService, session: Session) -> None:
    plan_id = int(service.create_plan(int(_person(session).id or 0)).id or 0)
    with pytest.raises(PlannerError, match="YYYY-MM-DD"):
        service.update_plan_fields(plan_id, reviewed_on="last tuesday")
    assert service.plan(plan_id).reviewed_on is None  # type: ignore[union-attr]


def test_hold_and_resume(service: PlannerService, session: Session) -> None:
    plan_id = int(service.create_plan(int(_person(session).id or 0)).id or 0)
    assert service.set_hold(plan_id, Hold.PAUSED, "Cravings this week").ok
    refused = service.change_stage(plan_id, Stage.PREPARING)
    assert not refused.ok and "paused" in refused.reason
    service.resume(plan_id)
    plan = service.plan(plan_id)
    assert plan is not None and plan.hold is None and plan.hold_since is None
    assert service.change_stage(plan_id, Stage.PREPARING).ok


def test_ledger_schedule_payments_balance_and_redirect(service: PlannerService, session: Session) -> None:
    plan_id = int(service.create_plan(int(_person(session).id or 0)).id or 0)
    ledger = service.ensure_ledger(plan_id)
    assert ledger.owed_minor == 12000 and ledger.currency == "EUR"
    with pytest.raises(PlannerError):
        service.make_schedule(plan_id)
    service.update_ledger(m.Ledger(**{**ledger.__dict__, "affordable_minor": 5000}))
    schedule = service.make_schedule(plan_id, "2024-07-01")
    assert [(i.due_on, i.amount_minor) for i in schedule] == [("2024-07-01", 5000), ("2024-08-01", 5000), ("2024-09-01", 2000)]
    service.add_payment(plan_id, "2024-06-10", 5000, "cash")
    summary = service.ledger_summary(plan_id)
    assert summary is not None
    assert summary.balance_minor == 7000 and summary.money(summary.balance_minor) == "70.00 EUR"
    assert summary.progress == pytest.approx(5000 / 12000)
    assert summary.next_due == (date(2024, 8, 1), 5000)
    action = service.redirect_to_cause(plan_id, "the food bank")
    assert action.kind == IndirectKind.DONATION and action.amount_minor == 7000
    assert service.ledger(plan_id).creditor_unreachable  # type: ignore[union-attr]


def test_commitments_check_ins_and_streaks(service: PlannerService, session: Session) -> None:
    plan_id = int(service.create_plan(int(_person(session).id or 0)).id or 0)
    c = service.add_commitment(plan_id, "Sunday dinner", Cadence.WEEKLY, "2024-05-01")
    for day, kept in (("2024-05-26", True), ("2024-06-02", True), ("2024-06-09", True), ("2024-05-19", False)):
        service.add_check_in(int(c.id or 0), day, kept)
    view = service.commitment_view(c, periods=6)
    assert view.streaks.current == 3 and view.streaks.best == 3
    assert [k for _, k in view.periods][-5:] == [False, True, True, True, None]


def test_outcome_rejection_offers_self_forgiveness_and_living(service: PlannerService, session: Session) -> None:
    plan_id = int(service.create_plan(int(_person(session).id or 0)).id or 0)
    _settle(service, plan_id)
    assert service.change_stage(plan_id, Stage.READY).ok
    result = service.record_outcome(plan_id, OutcomeKind.ANGRY, "2024-06-11", heard="She was angry",
                                    follow_up_on="2024-07-01")
    assert result.rejection and result.offer.suggest_living
    assert result.stage_moved_to == Stage.MADE
    assert service.plan(plan_id).follow_up_on == "2024-07-01"  # type: ignore[union-attr]
    check, commitment = service.start_living_amends(plan_id)
    assert check.ok and commitment is not None
    assert service.plan(plan_id).type == PlanType.LIVING  # type: ignore[union-attr]


def test_due_list_from_demo_data(session: Session) -> None:
    today = date.today()
    fill_demo(session.repos, today)
    service = PlannerService(session.repos)
    kinds = {i.kind for i in service.due_list()}
    assert {FOLLOW_UP, PAYMENT_DUE} <= kinds
    assert any(r.due_count for r in service.board())


def test_permission_log_and_expected_responses_and_undo(service: PlannerService, session: Session) -> None:
    plan_id = int(service.create_plan(int(_person(session).id or 0)).id or 0)
    req = service.add_permission_request(plan_id, "2024-06-01", PermissionAnswer.NEEDS_TIME, "2024-06-10", "Later")
    assert service.permission_requests(plan_id)[0].not_before == "2024-06-10"
    assert any(i.kind == "not_before_passed" for i in service.due_list())
    service.delete_permission_request(int(req.id or 0))
    assert service.permission_requests(plan_id) == []
    service.restore(req)
    assert len(service.permission_requests(plan_id)) == 1
    service.add_expected_response(plan_id, "You always say that", "That's fair. I'd like to show you over time.")
    assert service.expected_responses(plan_id)[0].position == 1
    service.delete_plan(plan_id)
    assert service.board() == []
    service.undelete_plan(plan_id)
    assert len(service.board()) == 1
