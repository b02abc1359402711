"""The Planner tab, used the way a person would: typing, clicking, and reopening the vault."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton, QRadioButton

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import OutcomeKind, PlanType, Stage, Willingness
from amends_desktop.services.demo import fill_demo
from amends_desktop.services.planner import PlannerService
from amends_desktop.services.session import Session
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import VaultManager
from amends_desktop.ui.navigation import Navigator
from amends_desktop.ui.planner.board import BoardModel, DueModel
from amends_desktop.ui.planner.tab import PlannerTab
from amends_desktop.ui.planner.widgets import Col, RecordTableModel


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Need a rest", True))


def _session(manager: VaultManager) -> Session:
    vault = manager.create(manager.prepare())
    session = Session(manager, vault)
    repos = session.repos
    with transaction(repos.conn):
        settings = repos.settings.load()
        settings.clean_date = (date.today() - timedelta(days=400)).isoformat()
        repos.settings.save(settings)
        for name in ("Ana", "Ben"):
            person = repos.people.add(m.Person(name=name, willingness=Willingness.WILLING))
            repos.harms.add(m.Harm(person_id=int(person.id or 0), what_happened=f"Lied to {name} about money",
                                   amount_minor=12000, currency="EUR"))
    return session


def _person_id(session: Session, name: str) -> int:
    return int(session.repos.people.list("name = ?", (name,))[0].id or 0)


def _tab(qtbot, session: Session) -> tuple[PlannerTab, Navigator]:  # type: ignore[no-untyped-def]
    navigator = Navigator()
    tab = PlannerTab(session, navigator)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    return tab, navigator


def _radio(tab: PlannerTab, name: str) -> QRadioButton:
    for radio in tab.findChildren(QRadioButton):
        if radio.accessibleName() == name:
            return radio
    raise LookupError(name)


def _click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    button.window().activateWindow()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _board_names(tab: PlannerTab, group_label: str) -> list[str]:
    model = tab.board_proxy
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        if str(group.data()).startswith(group_label):
            return [model.index(r, 0, group).data() for r in range(model.rowCount(group))]
    return []


def _wait_board(qtbot, tab: PlannerTab, group: str, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _board_names(tab, group) == names, timeout=2000)


def test_plan_from_person_safety_rules_out_direct_and_offers_living(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    session = _session(manager)
    tab, navigator = _tab(qtbot, session)
    navigator.planForPersonRequested.emit(_person_id(session, "Ana"))
    editor = tab.editor
    assert editor.title.text() == "Amends to Ana"
    assert _board_names(tab, "Willing") == ["Ana"]
    assert editor.harm_list.count() == 1 and editor.harm_list.item(0).checkState() == Qt.CheckState.Checked

    editor.show_section("safety")
    _click(qtbot, _radio(tab, "Is abuse, violence or trauma part of this? Yes"))
    assert "Do not contact directly" in editor.verdict.text()
    assert editor.offer_box.isVisible()
    qtbot.waitUntil(lambda: "do not contact" in tab.board_model.find_plan(editor.plan_id())
                    .data(Qt.ItemDataRole.ToolTipRole).lower(), timeout=2000)

    _click(qtbot, editor.to_living)
    assert editor.type_combo.currentText() == PlanType.LIVING.label
    assert editor.current_section() == "living"
    # Going back to direct is refused, and says why.
    editor.type_combo.setCurrentIndex(list(PlanType).index(PlanType.DIRECT))
    editor.type_combo.activated.emit(list(PlanType).index(PlanType.DIRECT))
    assert editor.error.isVisible() and "safety" in editor.error.text().lower()
    assert editor.type_combo.currentText() == PlanType.LIVING.label
    session.vault.close()


def test_readiness_payment_rejection_and_reopen(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    session = _session(manager)
    tab, navigator = _tab(qtbot, session)
    navigator.planForPersonRequested.emit(_person_id(session, "Ben"))
    editor = tab.editor
    plan_id = editor.plan_id()
    assert plan_id is not None

    # Readiness: trying first is refused with what is missing.
    editor.show_section("readiness")
    _click(qtbot, editor.mark_ready)
    assert editor.error.isVisible() and "safety questions" in editor.error.text()
    assert "Still missing" in editor.checklist.text()

    editor.show_section("safety")
    from amends_desktop.domain.safety import SAFETY_QUESTIONS

    for q in SAFETY_QUESTIONS:
        _click(qtbot, _radio(tab, f"{q.question} No"))
    assert "Clear" in editor.verdict.text()
    editor.show_section("readiness")
    _click(qtbot, editor.inventory_done)
    qtbot.keyClicks(editor.reviewed_on.line, date.today().isoformat())
    qtbot.keyClicks(editor.support_person, "Ray, my sponsor")
    _click(qtbot, editor.halt_done)
    editor.exit_plan.setFocus()
    qtbot.keyClicks(editor.exit_plan, "Leave after an hour and call Ray")
    qtbot.waitUntil(lambda: "Everything is in place" in editor.checklist.text(), timeout=3000)
    _click(qtbot, editor.mark_ready)
    assert not editor.error.isVisible()
    assert editor.stage_combo.currentText() == Stage.READY.label
    qtbot.waitUntil(lambda: _board_names(tab, "Ready") == ["Ben"], timeout=3000)

    # Restitution: owed 120, pay 50, the balance shows 70.
    editor.show_section("restitution")
    _click(qtbot, editor.start_ledger)
    assert editor.owed.text() == "120.00"
    editor.owed.clear()
    qtbot.keyClicks(editor.owed, "120")
    qtbot.keyClicks(editor.pay_amount, "abc")
    _click(qtbot, editor.record_payment)
    assert editor.error.isVisible()  # a bad amount: a clear message, nothing lost
    assert editor.pay_amount.text() == "abc"
    editor.pay_amount.clear()
    qtbot.keyClicks(editor.pay_amount, "50")
    _click(qtbot, editor.record_payment)
    assert "Still to go: 70.00 EUR" in editor.balance.text()
    assert editor.progress.value() == round(50 / 120 * 1000)

    # A rejection: the gentle message, a debrief offered to the Reflection tab, living amends on offer.
    editor.show_section("outcome")
    editor.out_kind.setCurrentIndex(list(OutcomeKind).index(OutcomeKind.ANGRY))
    editor.out_heard.setFocus()
    qtbot.keyClicks(editor.out_heard, "He was angry and left.")
    editor.out_heard.insertPlainText(" ✋ مرحبا")  # emoji and right-to-left text (QTest can't type them)
    with qtbot.waitSignal(navigator.debriefRequested, timeout=1000) as blocker:
        _click(qtbot, editor.record_outcome)
    assert blocker.args == [plan_id, "angry"]
    assert editor.rejection_box.isVisible()
    assert "you did your part" in editor.rejection_text.text()
    assert editor.stage_combo.currentText() == Stage.MADE.label
    _click(qtbot, editor.start_living)
    assert editor.type_combo.currentText() == PlanType.LIVING.label
    assert editor.current_section() == "living"

    # Close and reopen the vault: everything is still there.
    tab.flush()
    session.vault.close()
    vault = manager.open()
    session2 = Session(manager, vault)
    tab2, _nav2 = _tab(qtbot, session2)
    tab2.open_plan(plan_id)
    e2 = tab2.editor
    assert e2.stage_combo.currentText() == Stage.MADE.label
    assert e2.type_combo.currentText() == PlanType.LIVING.label
    assert e2.support_person.text() == "Ray, my sponsor"
    assert e2.exit_plan.toPlainText() == "Leave after an hour and call Ray"
    assert "Still to go: 70.00 EUR" in e2.balance.text()
    outcomes = e2.outcome_model.records()
    assert [o.kind for o in outcomes] == [OutcomeKind.ANGRY] and "مرحبا" in outcomes[0].heard
    assert _board_names(tab2, "Made") == ["Ben"]
    vault.close()


def test_script_check_underlines_and_lists_and_autosaves(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    session = _session(manager)
    tab, navigator = _tab(qtbot, session)
    navigator.planForPersonRequested.emit(_person_id(session, "Ana"))
    editor = tab.editor
    editor.show_section("script")
    editor.script.setFocus()
    qtbot.keyClicks(editor.script, "Ana, I'm sorry, but it was the drugs. If I hurt you, I apologise.")
    qtbot.waitUntil(lambda: editor.findings.count() > 0, timeout=2000)
    assert editor.highlighter.spans()
    first = editor.findings.item(0).text()
    assert first.startswith("\u201csorry, but\u201d")
    editor.findings.itemClicked.emit(editor.findings.item(0))
    assert editor.script.textCursor().selectedText() == "sorry, but"
    qtbot.waitUntil(lambda: (p := PlannerService(session.repos).plan(editor.plan_id())) is not None and "drugs" in p.script,
                    timeout=3000)
    session.vault.close()


def test_hold_reorder_filter_delete_and_undo(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    session = _session(manager)
    tab, navigator = _tab(qtbot, session)
    navigator.planForPersonRequested.emit(_person_id(session, "Ana"))
    navigator.planForPersonRequested.emit(_person_id(session, "Ben"))
    assert _board_names(tab, "Willing") == ["Ana", "Ben"]
    tab.board.setFocus()
    qtbot.keyClick(tab.board, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _board_names(tab, "Willing") == ["Ben", "Ana"]

    tab.person_filter.setFocus()
    qtbot.keyClicks(tab.person_filter, "an")
    assert _board_names(tab, "Willing") == ["Ana"]
    tab.person_filter.clear()

    assert tab.editor.title.text() == "Amends to Ana"  # the filter hid Ben, so the selection moved to Ana
    _click(qtbot, tab.editor.pause_button)
    _wait_board(qtbot, tab, "Paused", ["Ana"])
    assert "Need a rest" in tab.editor.status.text()
    refused = tab.service.change_stage(tab.editor.plan_id(), Stage.PREPARING)
    assert not refused.ok
    _click(qtbot, tab.editor.resume_button)
    _wait_board(qtbot, tab, "Willing", ["Ben", "Ana"])

    tab.editor.show_section("harms")
    _click(qtbot, tab.editor.delete_button)
    _wait_board(qtbot, tab, "Willing", ["Ben"])
    tab.undo()
    assert _board_names(tab, "Willing") == ["Ben", "Ana"]
    session.vault.close()


def test_board_drag_and_drop_reorders(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    session = _session(manager)
    tab, navigator = _tab(qtbot, session)
    for name in ("Ana", "Ben"):
        navigator.planForPersonRequested.emit(_person_id(session, name))
    model = tab.board_model
    ana = model.find_plan(tab.service.board()[0].plan_id)
    data = model.mimeData([ana])
    group = model.parent(ana)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 2, 0, group)
    model.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, group)
    qtbot.waitUntil(lambda: _board_names(tab, "Willing") == ["Ben", "Ana"], timeout=2000)
    session.vault.close()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    session = _session(manager)
    fill_demo(session.repos)
    service = PlannerService(session.repos)
    board = BoardModel()
    board.set_rows(service.board())
    qtmodeltester.check(board)
    due = DueModel()
    due.set_items(service.due_list())
    qtmodeltester.check(due)
    records = RecordTableModel([Col("Name", lambda p: p.name)])
    records.set_records(service.people())
    qtmodeltester.check(records)
    session.vault.close()


def test_due_list_opens_the_plan_section(qtbot, manager: VaultManager) -> None:  # type: ignore[no-untyped-def]
    session = _session(manager)
    fill_demo(session.repos)
    tab, _navigator = _tab(qtbot, session)
    items = tab.due_model.items()
    payment = next(i for i in items if i.kind == "payment_due")
    row = items.index(payment)
    tab.due_view.activated.emit(tab.due_proxy.mapFromSource(tab.due_model.index(row, 1)))
    assert tab.editor.plan_id() == payment.plan_id
    assert tab.editor.current_section() == "restitution"
    session.vault.close()
