"""The Reflection tab, used the way a person would: writing, the craving protocol, search, debriefs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import EntryKind, Hold
from amends_desktop.services.demo import fill_demo
from amends_desktop.services.session import Session
from amends_desktop.storage.repository import transaction
from amends_desktop.storage.vault import VaultManager
from amends_desktop.ui.main_window import MainWindow
from amends_desktop.ui.reflection.models import JournalModel, SearchResultsModel
from amends_desktop.ui.reflection.tab import ReflectionTab

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def session(manager: VaultManager) -> Iterator[Session]:
    vault = manager.create(manager.prepare())
    s = Session(manager, vault)
    with transaction(vault.conn):
        settings = vault.repos.settings.load()
        settings.sponsor = m.Contact("Ray", "555-0142", "Mornings are best")
        settings.crisis_line = m.Contact("Help line", "555-0100")
        vault.repos.settings.save(settings)
    yield s
    s.close()


@pytest.fixture
def window(qtbot, session: Session) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentWidget(w.reflection)
    yield w
    w.close()


def add_plan(session: Session, name: str = "Tom") -> m.Plan:
    repos = session.repos
    with transaction(repos.conn):
        person = repos.people.add(m.Person(name=name))
        plan = repos.plans.add(m.Plan(person_id=int(person.id or 0)))
    return plan


def tick(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its box (its row may be wider than its text)."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box, LEFT, pos=QPoint(6, box.height() // 2))


def type_into_spin(qtbot, spin, text: str) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_check_in_with_a_strong_craving_pauses_the_plan_and_resumes_after_support(
        qtbot, window: MainWindow, session: Session) -> None:  # type: ignore[no-untyped-def]
    plan = add_plan(session, "Tom")
    window.navigator.dataChanged.emit("plans")
    tab = window.reflection
    qtbot.mouseClick(tab.new_button, LEFT)
    editor = tab.editor
    qtbot.keyClicks(editor.body, "Rough evening. Saw the old street.")
    qtbot.keyClicks(editor.link, "Plan: Tom")
    assert editor.link.currentText().startswith("Plan: Tom")
    assert not tab.support_visible()
    type_into_spin(qtbot, editor.craving, "8")
    assert editor.craving.value() == 8

    # The support card: contacts large and clear, grounding steps, the linked plan ticked.
    assert tab.support_visible()
    card = tab.support
    texts = " ".join(lbl.text() for lbl in card.findChildren(type(card.title)))
    assert "555-0142" in texts and "Ray" in texts and "555-0100" in texts
    assert "Breathe slowly" in texts
    assert card.plan_boxes[int(plan.id or 0)].isChecked()
    stored = session.repos.entries.list()
    assert len(stored) == 1 and stored[0].craving == 8 and stored[0].plan_id == plan.id  # saved already

    with qtbot.waitSignal(window.navigator.dataChanged) as changed:
        qtbot.mouseClick(card.pause_button, LEFT)
    assert changed.args == ["plans"]
    paused = session.repos.plans.get(int(plan.id or 0))
    assert paused is not None and paused.hold == Hold.PAUSED and paused.hold_since
    assert "Tom" in card.paused_label.text()

    # Resuming is one action, once support was reached.
    assert not card.resume_button.isEnabled()
    tick(qtbot, card.reached)
    assert card.resume_button.isEnabled()
    qtbot.mouseClick(card.resume_button, LEFT)
    resumed = session.repos.plans.get(int(plan.id or 0))
    assert resumed is not None and resumed.hold is None
    assert "Resumed 1 plan" in card.message.text()
    qtbot.mouseClick(card.close_button, LEFT)
    assert not tab.support_visible()


def test_im_struggling_from_another_tab_opens_the_card(qtbot, window: MainWindow, session: Session) -> None:  # type: ignore[no-untyped-def]
    plan = add_plan(session)
    window.tabs.setCurrentWidget(window.inventory)
    window.struggling_action.trigger()
    assert window.tabs.currentWidget() is window.reflection
    assert window.reflection.support_visible()
    assert window.reflection.support.plan_boxes[int(plan.id or 0)].isChecked()
    qtbot.keyClick(window.reflection.support.close_button, Qt.Key.Key_Escape)
    assert not window.reflection.support_visible()


def test_writing_saves_itself_within_a_second_and_shows_in_the_list(qtbot, window: MainWindow,
                                                                    session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = window.reflection
    qtbot.mouseClick(tab.new_button, LEFT)
    qtbot.keyClicks(tab.editor.body, "Grateful for a long walk. ")
    tab.editor.body.insertPlainText("🙏 שלום " * 200)  # pasted: emoji, right-to-left text, long
    text = "Grateful for a long walk. " + "🙏 שלום " * 200
    type_into_spin(qtbot, tab.editor.mood, "7")
    tick(qtbot, tab.editor.self_care["sc_meeting"])
    qtbot.waitUntil(lambda: session.repos.entries.count() == 1 and not tab.editor.has_pending(), timeout=1500)
    entry = session.repos.entries.list()[0]
    assert entry.body == text and entry.mood == 7 and entry.sc_meeting
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, JournalModel.MOOD).data() == "7"
    assert tab.editor.status.text() == "Saved"
    # A change right before closing is flushed, not lost.
    qtbot.keyClicks(tab.editor.body, " Last words.")
    window.close()
    assert session.repos.entries.get(int(entry.id or 0)).body.endswith("Last words.")  # type: ignore[union-attr]


def test_delete_asks_once_and_ctrl_z_brings_it_back(qtbot, window: MainWindow, session: Session,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with transaction(session.repos.conn):
        e = session.repos.entries.add(m.Entry(written_on="2024-05-01", body="to delete"))
    tab = window.reflection
    tab.reload()
    tab.table.selectRow(0)
    assert tab.editor.entry_id == e.id
    asked: list[str] = []

    def question(*args: object, **kw: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    qtbot.mouseClick(tab.editor.delete_button, LEFT)
    assert len(asked) == 1 and "undo" in asked[0].lower()
    assert tab.model.rowCount() == 0 and session.repos.entries.count() == 0
    assert tab.undo_button.isVisible()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == 1 and tab.editor.entry_id == e.id


def test_search_a_word_typed_in_a_harm_and_open_it(qtbot, window: MainWindow, session: Session) -> None:  # type: ignore[no-untyped-def]
    repos = session.repos
    with transaction(repos.conn):
        person = repos.people.add(m.Person(name="Tom"))
        harm = repos.harms.add(m.Harm(person_id=int(person.id or 0), what_happened="Pawned his <b>guitar</b> & lied"))
        repos.entries.add(m.Entry(written_on="2024-05-01", body="Nothing to do with it"))
    tab = window.reflection
    window.tabs.setCurrentWidget(window.planner)
    window.find_action.trigger()  # Ctrl+Shift+F from any tab
    assert window.tabs.currentWidget() is window.reflection
    qtbot.waitUntil(lambda: tab.search_box.hasFocus(), timeout=1000)
    qtbot.keyClicks(tab.search_box, "guit")
    qtbot.waitUntil(lambda: tab.results_model.rowCount() == 1, timeout=1000)
    index = tab.results_model.index(0, 0)
    html = index.data(SearchResultsModel.HtmlRole)
    assert "<b>guitar</b>" in html.replace("&lt;b&gt;", "")
    assert "&lt;b&gt;" in html and "&amp;" in html  # what was typed is shown as text, never as markup
    assert tab.left.currentIndex() == 1
    qtbot.keyClick(tab.search_box, Qt.Key.Key_Return)
    assert tab.results.hasFocus()
    people: list[tuple[int, int]] = []
    sources: list[tuple[str, int]] = []
    window.navigator.personRequested.connect(lambda pid, hid: people.append((pid, hid)))
    window.navigator.sourceRequested.connect(lambda table, rid: sources.append((table, rid)))
    qtbot.keyClick(tab.results, Qt.Key.Key_Return)
    assert people == [(person.id, harm.id)] and sources == [("harms", harm.id)]
    assert window.tabs.currentWidget() is window.inventory
    # Clearing the search brings the journal back.
    tab.search_box.clear()
    assert tab.left.currentIndex() == 0


def test_search_result_for_an_entry_opens_it_here(qtbot, window: MainWindow, session: Session) -> None:  # type: ignore[no-untyped-def]
    with transaction(session.repos.conn):
        e = session.repos.entries.add(m.Entry(written_on="2024-05-01", body="Café with Zoë ☕"))
    tab = window.reflection
    tab.reload()
    tab.search_box.setFocus()
    qtbot.keyClicks(tab.search_box, "cafe")
    qtbot.waitUntil(lambda: tab.results_model.rowCount() == 1, timeout=1000)
    tab.results.setFocus()
    qtbot.keyClick(tab.results, Qt.Key.Key_Return)
    assert tab.editor.entry_id == e.id and tab.editor.body.toPlainText() == "Café with Zoë ☕"
    tab.search_box.clear()
    tab.search_box.insert("☕")  # QTest can't type characters outside the BMP
    qtbot.waitUntil(lambda: tab.results_model.rowCount() == 1, timeout=1000)
    tab.search_box.clear()
    qtbot.keyClicks(tab.search_box, 'NEAR( "AND* OR')  # never an error
    qtbot.waitUntil(lambda: "Nothing found" in tab.results_label.text(), timeout=1000)


@pytest.mark.parametrize(("kind", "entry_kind", "living"), [("angry", EntryKind.SELF_FORGIVENESS, True),
                                                           ("accepted", EntryKind.AFTER_AMENDS, False)])
def test_an_outcome_offers_a_debrief_linked_to_the_plan(qtbot, window: MainWindow, session: Session, kind: str,
                                                        entry_kind: EntryKind, living: bool) -> None:  # type: ignore[no-untyped-def]
    plan = add_plan(session, "Maria")
    window.navigator.dataChanged.emit("plans")
    window.tabs.setCurrentWidget(window.planner)
    window.navigator.debriefRequested.emit(int(plan.id or 0), kind)
    tab = window.reflection
    window.tabs.setCurrentWidget(tab)
    assert tab.banner.isVisible() and "Maria" in tab.banner_text.text()
    assert ("Living amends" in tab.banner_text.text()) == living
    editor = tab.editor
    assert editor.kind.currentData() == entry_kind.value
    assert editor.link.currentData()[0] == plan.id
    assert editor.prompt_label.text()
    assert session.repos.entries.count() == 0  # nothing saved until something is written
    qtbot.keyClicks(editor.body, "I stayed and listened.")
    editor.flush()
    saved = session.repos.entries.list()[0]
    assert (saved.kind, saved.plan_id, saved.person_id) == (entry_kind, plan.id, plan.person_id)


def test_prompts_and_own_prompts(qtbot, window: MainWindow, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    tab = window.reflection
    editor = tab.editor
    qtbot.mouseClick(tab.new_button, LEFT)
    assert editor.prompts.count() >= 6  # the placeholder and at least five prompts
    editor.prompts.setFocus()
    editor.prompts.setCurrentIndex(2)
    editor.prompts.activated.emit(2)
    assert editor.prompt_label.isVisible() and editor.prompt_label.text()
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("What did I eat today?", True)))
    editor.add_own(template=False)
    assert editor.prompts.itemText(editor.prompts.count() - 1) == "What did I eat today?"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("   ", True)))
    editor.add_own(template=False)
    assert editor.error.isVisible() and "few words" in editor.error.text()
    editor.template_menu.actions()[0].trigger()
    assert editor.body.toPlainText().startswith("How I feel:")
    editor.flush()
    assert session.repos.entries.list()[0].prompt == editor.prompt_label.text()


def test_journal_model_passes_the_model_tester(qtmodeltester, session: Session) -> None:  # type: ignore[no-untyped-def]
    fill_demo(session.repos)
    from amends_desktop.services.reflection import ReflectionService

    model = JournalModel(ReflectionService(session.repos))
    model.reload()
    assert model.rowCount() > 50
    qtmodeltester.check(model)
    model.sort(JournalModel.MOOD, Qt.SortOrder.DescendingOrder)
    moods = [model.index(r, JournalModel.MOOD).data() for r in range(model.rowCount())]
    values = [int(v) for v in moods if v]
    assert values == sorted(values, reverse=True)
    model.set_kind(EntryKind.GRATITUDE)
    assert all(model.index(r, JournalModel.KIND).data() == "Gratitude" for r in range(model.rowCount()))
    qtmodeltester.check(model)


def test_search_results_model_passes_the_model_tester(qtmodeltester, session: Session) -> None:  # type: ignore[no-untyped-def]
    fill_demo(session.repos)
    from amends_desktop.services.search import SearchService

    model = SearchResultsModel()
    model.set_results(SearchService(session.repos).search("mum"))
    assert model.rowCount() > 3
    qtmodeltester.check(model)


def test_sorting_by_header_click_is_done_by_the_vault(qtbot, window: MainWindow, session: Session) -> None:  # type: ignore[no-untyped-def]
    with transaction(session.repos.conn):
        for day, craving in (("2024-01-01", 3), ("2024-01-02", 9), ("2024-01-03", 1)):
            session.repos.entries.add(m.Entry(written_on=day, craving=craving))
    tab = window.reflection
    tab.reload()
    assert [tab.proxy.index(r, JournalModel.DATE).data() for r in range(3)] == ["3 Jan 2024", "2 Jan 2024", "1 Jan 2024"]
    tab.table.sortByColumn(JournalModel.CRAVING, Qt.SortOrder.DescendingOrder)
    assert [tab.proxy.index(r, JournalModel.CRAVING).data() for r in range(3)] == ["9", "3", "1"]


def test_tab_contract(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    from amends_desktop.ui.navigation import Navigator

    nav = Navigator()
    tab = ReflectionTab(session, nav)
    qtbot.addWidget(tab)
    tab.editor.body.setPlainText("typed just now")
    tab.flush()
    assert session.repos.entries.count() == 1
    tab.reload()
    assert tab.model.rowCount() == 1 and tab.editor.body.toPlainText() == "typed just now"
    for widget in (tab.search_box, tab.kind_filter, tab.new_button, tab.table, tab.results, tab.editor.body,
                   tab.editor.mood, tab.editor.craving, tab.editor.link, tab.editor.kind, tab.editor.date):
        assert widget.accessibleName(), widget
