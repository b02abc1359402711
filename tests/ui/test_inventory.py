"""The Inventory tab, used the way a person would: typing, clicking, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from amends_desktop.domain.enums import FormalAmends, HarmCategory, Relationship, Willingness
from amends_desktop.services.demo import fill_demo
from amends_desktop.services.inventory import InventoryService, fill_large
from amends_desktop.services.session import Session
from amends_desktop.storage.vault import VaultManager
from amends_desktop.ui.inventory.editors import SAVE_DELAY_MS
from amends_desktop.ui.inventory.models import HarmsModel, ObjectRole, PeopleModel, approx_sort_text
from amends_desktop.ui.inventory.tab import InventoryTab
from amends_desktop.ui.main_window import MainWindow
from amends_desktop.ui.navigation import Navigator

L = Qt.MouseButton.LeftButton


@pytest.fixture
def session(manager: VaultManager):  # type: ignore[no-untyped-def]
    s = Session(manager, manager.create(manager.prepare()))
    yield s
    if not s.vault.closed:
        s.close()


@pytest.fixture
def demo_session(session: Session) -> Session:
    fill_demo(session.repos)
    return session


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *a, **k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def make_tab(qtbot, session: Session) -> InventoryTab:  # type: ignore[no-untyped-def]
    tab = InventoryTab(session, Navigator())
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def visible_names(tab: InventoryTab) -> list[str]:
    proxy = tab.people_proxy
    return [proxy.index(r, PeopleModel.NAME).data() for r in range(proxy.rowCount())]


def harm_texts(tab: InventoryTab) -> list[str]:
    proxy = tab.harms_proxy
    return [proxy.index(r, 0).data(ObjectRole).harm.what_happened for r in range(proxy.rowCount())]


def shortcut(qtbot, tab: InventoryTab, key, mods=Qt.KeyboardModifier.NoModifier, widget=None) -> None:  # type: ignore[no-untyped-def]
    """Press a shortcut of the tab. Offscreen windows never become active, so Qt won't route
    shortcuts there: find the tab's QShortcut bound to these keys (on ``widget``, or the tab) and
    trigger it as Qt would."""
    from PySide6.QtCore import QKeyCombination
    from PySide6.QtGui import QKeySequence

    wanted = QKeySequence(QKeyCombination(mods, key))
    owner = widget or tab
    matches = [sc for sc in tab.shortcuts if sc.key() == wanted and sc.parent() is owner]
    assert matches, f"no shortcut {wanted.toString()} on {type(owner).__name__}"
    matches[0].activated.emit()


def click_row(qtbot, view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), L, pos=rect.center())


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ASCII key by key; emoji and other scripts arrive as an input method would (one insert)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insert"):
        widget.insert(text)
    else:
        widget.insertPlainText(text)


# -- models ------------------------------------------------------------------------------------
def test_people_and_harm_models_pass_the_model_tester(qtbot, qtmodeltester, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    qtmodeltester.check(tab.people_model)
    qtmodeltester.check(tab.people_proxy)
    tab.select_person(next(r.id for r in tab.people_model.rows() if r.name == "Maria (Mum)"))
    qtmodeltester.check(tab.harms_model)
    qtmodeltester.check(tab.harms_proxy)


def test_models_stay_sound_through_edits(qtbot, qtmodeltester, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    model = PeopleModel()
    svc = InventoryService(demo_session.repos)
    model.set_rows(svc.people_rows())
    qtmodeltester.check(model, force_py=True)
    row = model.rows()[1]
    model.remove(row.id)
    model.upsert(row)
    qtmodeltester.check(model, force_py=True)
    harms = HarmsModel()
    harms.set_rows(svc.harm_rows(row.id))
    qtmodeltester.check(harms, force_py=True)


def test_approximate_dates_sort_in_time_order() -> None:
    texts = ["2020", "summer 2019", "someday", "2019-07", "2019", "", "late 2018", "2019-06-30"]
    ordered = sorted(texts, key=approx_sort_text)
    assert ordered[:6] == ["late 2018", "2019", "summer 2019", "2019-06-30", "2019-07", "2020"]
    assert set(ordered[6:]) == {"", "someday"}


# -- the main story -----------------------------------------------------------------------------
def test_add_person_and_three_harms_then_close_and_reopen(qtbot, manager: VaultManager, session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, session)
    assert visible_names(tab) == ["Myself"]

    qtbot.mouseClick(tab.new_person_button, L)
    qtbot.keyClicks(tab.new_person_row.name, "Maria (Mum)")
    qtbot.mouseClick(tab.new_person_row.add, L)
    assert "Maria (Mum)" in visible_names(tab)
    assert tab.person_editor.name.text() == "Maria (Mum)"
    tab.person_editor.relationship.setCurrentIndex(tab.person_editor.relationship.findData("parent"))
    tab.person_editor.willingness.setCurrentIndex(tab.person_editor.willingness.findData("not_yet"))
    assert tab.person_editor.revisit.isVisible()
    type_into(qtbot, tab.person_editor.notes, "She still worries 💛")

    entries = [
        ("financial", "Took 400 euros from her purse", "2019", "400"),
        ("trust", "Lied about where I was", "summer 2019", ""),
        ("emotional", "Missed her birthday — رسالة", "2020-03", "12.50"),
    ]
    for cat, what, when, money in entries:
        qtbot.mouseClick(tab.new_harm_button, L)
        ed = tab.harm_editor
        ed.category.setCurrentIndex(ed.category.findData(cat))
        type_into(qtbot, ed.what, what)
        type_into(qtbot, ed.when, when)
        if money:
            type_into(qtbot, ed.amount, money)
    # Tick "dishonesty" on the last harm with the keyboard.
    lst = tab.harm_editor.tags.list
    lst.setFocus()
    lst.setCurrentRow(next(i for i in range(lst.count()) if lst.item(i).text() == "dishonesty"))
    qtbot.keyClick(lst, Qt.Key.Key_Space)
    # Wait for the autosave (no Save button, no flush by hand).
    qtbot.wait(SAVE_DELAY_MS + 300)
    row = tab.people_model.person(tab.current_person_id())  # type: ignore[arg-type]
    assert row.harm_count == 3 and row.money_text == "412.50 EUR"

    session.close()  # the vault closes; nothing was saved by hand
    vault = manager.open()
    try:
        svc = InventoryService(vault.repos)
        maria = next(r for r in svc.people_rows() if r.name == "Maria (Mum)")
        person = svc.person(maria.id)
        assert person.relationship == Relationship.PARENT and person.willingness == Willingness.NOT_YET
        assert person.revisit_on and person.notes == "She still worries 💛"
        harms = {h.harm.what_happened: h for h in svc.harm_rows(maria.id)}
        assert set(harms) == {e[1] for e in entries}
        assert harms["Took 400 euros from her purse"].harm.amount_minor == 40000
        assert harms["Lied about where I was"].harm.when_text == "summer 2019"
        assert harms["Lied about where I was"].harm.category == HarmCategory.TRUST
        last = harms["Missed her birthday — رسالة"]
        assert last.harm.amount_minor == 1250 and last.tags_text == "dishonesty"
    finally:
        vault.close()


def test_flush_saves_what_was_just_typed(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, session)
    type_into(qtbot, tab.person_editor.notes, "typed a moment ago")
    assert tab.person_editor.dirty
    tab.flush()  # what the main window does on close and lock
    assert InventoryService(session.repos).myself().notes == "typed a moment ago"


def test_focus_out_saves(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, session)
    type_into(qtbot, tab.person_editor.notes, "left the field")
    assert tab.person_editor.dirty
    # The application reports focus moving from the notes box to the filter (offscreen Qt does not
    # move real focus reliably, so the signal the tab listens to is sent as Qt would send it).
    QApplication.instance().focusChanged.emit(tab.person_editor.notes, tab.filter)
    assert not tab.person_editor.dirty
    assert InventoryService(session.repos).myself().notes == "left the field"


def test_empty_name_and_bad_money_get_inline_messages(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, session)
    shortcut(qtbot, tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.new_person_row.isVisible()
    qtbot.keyClicks(tab.new_person_row.name, "   ")
    qtbot.keyClick(tab.new_person_row.name, Qt.Key.Key_Return)
    assert tab.new_person_row.error.isVisible() and "name" in tab.new_person_row.error.text()
    assert visible_names(tab) == ["Myself"]
    qtbot.keyClicks(tab.new_person_row.name, "Tom")
    qtbot.keyClick(tab.new_person_row.name, Qt.Key.Key_Return)
    # Clearing the name in the editor: refused inline, the old name kept, other fields still saved.
    tab.person_editor.name.selectAll()
    type_into(qtbot, tab.person_editor.name, "\b")
    type_into(qtbot, tab.person_editor.notes, "my brother")
    tab.flush()
    assert tab.person_editor.name_error.isVisible()
    pid = tab.current_person_id()
    assert InventoryService(session.repos).person(pid).name == "Tom"  # type: ignore[union-attr]
    assert InventoryService(session.repos).person(pid).notes == "my brother"  # type: ignore[union-attr]

    shortcut(qtbot, tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    ed = tab.harm_editor
    assert ed.isEnabled()
    type_into(qtbot, ed.amount, "-20")
    tab.flush()
    assert ed.money_error.isVisible() and "negative" in ed.money_error.text()
    ed.amount.clear()
    type_into(qtbot, ed.amount, "abc")
    tab.flush()
    assert "doesn" in ed.money_error.text()
    assert ed.amount.text() == "abc", "what was typed stays in the field"
    ed.amount.clear()
    type_into(qtbot, ed.amount, "1.234,56")
    tab.flush()
    assert not ed.money_error.isVisible()
    assert InventoryService(session.repos).harm_row(ed.harm_id).harm.amount_minor == 123456  # type: ignore[union-attr,arg-type]


def test_long_text_emoji_and_rtl_survive(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, session)
    tab.add_person("نور 🌿 " + "x" * 150)
    tab.new_harm()
    long_text = "אני מצטער. " * 800 + "🙏"
    tab.harm_editor.what.setPlainText(long_text)
    tab.flush()
    row = InventoryService(session.repos).harm_row(tab.current_harm_id())  # type: ignore[arg-type]
    assert row.harm.what_happened == long_text  # type: ignore[union-attr]
    shown = tab.harms_proxy.index(0, HarmsModel.WHAT).data()
    assert shown.endswith("…") and len(shown) <= 90


# -- filter, sort, patterns ---------------------------------------------------------------------
def test_filter_as_you_type_matches_names_and_harm_text(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    shortcut(qtbot, tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(tab.filter, "guit")
    assert visible_names(tab) == ["Tom"], "the harm 'Pawned his guitar' matches"
    assert tab.person_editor.name.text() == "Tom", "the first match is shown"
    tab.filter.clear()
    qtbot.keyClicks(tab.filter, "MARIA")
    assert visible_names(tab) == ["Maria (Mum)"]
    assert "Showing 1 of" in tab.summary.text()
    tab.filter.clear()
    qtbot.keyClicks(tab.filter, "zzz")
    assert visible_names(tab) == [] and not tab.person_editor.isEnabled()
    tab.filter.clear()
    assert len(visible_names(tab)) == 7


def test_sorting_by_clicking_headers(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    assert visible_names(tab)[0] == "Myself"
    header = tab.people_view.horizontalHeader()
    x = header.sectionViewportPosition(PeopleModel.HARMS) + 5
    qtbot.mouseClick(header.viewport(), L, pos=header.rect().center().__class__(x, 5))
    counts = [tab.people_proxy.index(r, PeopleModel.HARMS).data() for r in range(tab.people_proxy.rowCount())]
    assert counts == sorted(counts) or counts == sorted(counts, reverse=True)
    tab.people_view.sortByColumn(PeopleModel.MONEY, Qt.SortOrder.DescendingOrder)
    assert visible_names(tab)[0] == "Maria (Mum)"
    tab.select_person(next(r.id for r in tab.people_model.rows() if r.name == "Maria (Mum)"))
    tab.harms_view.sortByColumn(HarmsModel.WHEN, Qt.SortOrder.AscendingOrder)
    whens = [tab.harms_proxy.index(r, HarmsModel.WHEN).data() for r in range(tab.harms_proxy.rowCount())]
    assert whens == ["2019", "2019-2020", "summer 2020"]


def test_clicking_a_pattern_bar_filters_the_list(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    qtbot.mouseClick(tab.patterns_button, L)
    assert tab.right.currentIndex() == 1
    chart = tab.patterns.category_chart
    i = chart.keys().index("cat:financial")
    qtbot.mouseClick(chart, L, pos=chart.row_rect(i).center())
    assert set(visible_names(tab)) == {"Maria (Mum)", "Harbour Café", "Jon"}
    assert tab.pattern_bar.isVisible() and "Financial" in tab.pattern_label.text()
    tab.select_person(next(r.id for r in tab.people_model.rows() if r.name == "Maria (Mum)"))
    assert harm_texts(tab) == ["Took 400 euros from her purse over a few months"]
    # The table alternative for screen readers holds the same counts.
    table = tab.patterns.category_box.table_view().model()
    counts = {table.index(r, 0).data(): table.index(r, 1).data() for r in range(table.rowCount())}
    assert "Financial" in counts
    # A defect bar, then "Show all".
    tags = tab.patterns.tag_chart
    tags.setFocus()
    tags.set_current_index(next(i for i, (_key, label, _n) in enumerate(tags.bars()) if label == "fear"))
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    assert set(visible_names(tab)) == {"Maria (Mum)", "Sam", "Dee"}
    qtbot.mouseClick(tab.clear_pattern, L)
    assert len(visible_names(tab)) == 7 and not tab.pattern_bar.isVisible()


# -- delete and undo ----------------------------------------------------------------------------
def test_delete_person_asks_once_and_ctrl_z_brings_them_back(qtbot, demo_session: Session, yes: list[str]) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    tab.select_person(next(r.id for r in tab.people_model.rows() if r.name == "Tom"))
    tab.people_view.setFocus()
    shortcut(qtbot, tab, Qt.Key.Key_Delete, widget=tab.people_view)
    assert len(yes) == 1 and "Tom" in yes[0] and "Ctrl+Z" in yes[0]
    assert "Tom" not in visible_names(tab)
    assert tab.undo_bar.isVisible()
    shortcut(qtbot, tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Tom" in visible_names(tab)
    assert tab.person_editor.name.text() == "Tom" and len(harm_texts(tab)) == 2
    assert not tab.undo_bar.isVisible()


def test_delete_harm_then_undo_with_the_button(qtbot, demo_session: Session, yes: list[str]) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    tab.select_person(next(r.id for r in tab.people_model.rows() if r.name == "Maria (Mum)"))
    before = sorted(harm_texts(tab))
    click_row(qtbot, tab.harms_view, 1)
    shortcut(qtbot, tab, Qt.Key.Key_Delete, widget=tab.harms_view)
    assert len(harm_texts(tab)) == 2 and len(yes) == 1
    assert tab.people_model.person(tab.current_person_id()).harm_count == 2  # type: ignore[arg-type,union-attr]
    qtbot.mouseClick(tab.undo_button, L)
    assert sorted(harm_texts(tab)) == before


def test_myself_cannot_be_deleted(qtbot, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    tab = make_tab(qtbot, session)
    assert not tab.person_editor.delete_button.isEnabled()
    tab.people_view.setFocus()
    shortcut(qtbot, tab, Qt.Key.Key_Delete, widget=tab.people_view)
    assert visible_names(tab) == ["Myself"] and told


def test_declining_the_question_deletes_nothing(qtbot, demo_session: Session, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    tab = make_tab(qtbot, demo_session)
    n = len(visible_names(tab))
    tab.select_person(next(r.id for r in tab.people_model.rows() if r.name == "Sam"))
    tab.delete_current_person()
    assert len(visible_names(tab)) == n


# -- tags ---------------------------------------------------------------------------------------
def test_own_tag_rename_and_merge(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    from amends_desktop.ui.inventory.tags_dialog import TagsDialog

    tab = make_tab(qtbot, demo_session)
    tab.select_person(next(r.id for r in tab.people_model.rows() if r.name == "Tom"))
    picker = tab.harm_editor.tags
    type_into(qtbot, picker.new_tag, "people-pleasing")
    qtbot.keyClick(picker.new_tag, Qt.Key.Key_Return)
    tab.flush()
    assert "people-pleasing" in harm_texts_tags(tab)
    dialog = TagsDialog(tab.service, tab)
    qtbot.addWidget(dialog)
    dialog.tagsChanged.connect(tab._tags_changed)
    dialog.show()
    dialog.list.setCurrentRow(next(i for i in range(dialog.list.count())
                                   if dialog.list.item(i).text().startswith("people-pleasing")))
    dialog.new_name.setText("pleasing others")
    qtbot.mouseClick(dialog.rename_button, L)
    assert "pleasing others" in harm_texts_tags(tab)
    dialog.select_names("pleasing others")
    dialog.target.setCurrentIndex(dialog.target.findText("fear"))
    qtbot.mouseClick(dialog.merge_button, L)
    assert "pleasing others" not in harm_texts_tags(tab) and "fear" in harm_texts_tags(tab)
    dialog.new_name.setText("")
    qtbot.mouseClick(dialog.rename_button, L)
    assert dialog.error.isVisible()


def harm_texts_tags(tab: InventoryTab) -> str:
    proxy = tab.harms_proxy
    return " | ".join(proxy.index(r, HarmsModel.DEFECTS).data() for r in range(proxy.rowCount()))


# -- plan amends and navigation -----------------------------------------------------------------
def test_plan_amends_asks_the_planner_and_the_window_switches(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    tab = window.inventory
    tom = next(r.id for r in tab.people_model.rows() if r.name == "Tom")
    tab.select_person(tom)
    with qtbot.waitSignal(window.navigator.planForPersonRequested) as blocker:
        qtbot.mouseClick(tab.person_editor.plan_button, L)
    assert blocker.args == [tom]
    assert window.tabs.currentWidget() is window.planner
    window.close()


def test_person_requested_from_elsewhere_selects_person_and_harm(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    svc = InventoryService(demo_session.repos)
    maria = next(r for r in svc.people_rows() if r.name == "Maria (Mum)")
    target = svc.harm_rows(maria.id)[2]
    tab.filter.setText("Tom")
    tab.navigator.personRequested.emit(maria.id, target.id)
    assert tab.current_person_id() == maria.id and tab.current_harm_id() == target.id
    assert tab.filter.text() == ""


def test_keyboard_f2_and_every_control_has_a_name(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit

    tab = make_tab(qtbot, demo_session)
    shortcut(qtbot, tab, Qt.Key.Key_F2, widget=tab.people_view)
    assert tab.person_editor.name.hasFocus() or QApplication.focusWidget() is None
    from PySide6.QtWidgets import QHeaderView

    unnamed = [
        w for cls in (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit)
        for w in tab.findChildren(cls)
        if w.isVisibleTo(tab) and (w.focusPolicy() & Qt.FocusPolicy.TabFocus) and not isinstance(w, QHeaderView)
        and not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text())
        and not isinstance(w.parentWidget(), QComboBox | QAbstractItemView) and w.objectName() != "qt_spinbox_lineedit"
    ]
    assert not unnamed, [(type(w).__name__, w.objectName(), type(w.parentWidget()).__name__) for w in unnamed]


def test_large_inventory_loads_and_filters(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    fill_large(session.repos, people=300, harms_per_person=5)
    tab = make_tab(qtbot, session)
    assert tab.people_proxy.rowCount() == 301
    tab.filter.setText("guitar")
    assert 0 < tab.people_proxy.rowCount() < 301
    assert isinstance(tab.people_proxy.index(0, 0), QModelIndex)


def test_reload_keeps_the_selected_person(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    dee = next(r.id for r in tab.people_model.rows() if r.name == "Dee")
    tab.select_person(dee)
    tab.reload()
    assert tab.current_person_id() == dee


def test_formal_amends_choice_is_saved(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    tab.select_person(next(r.id for r in tab.people_model.rows() if r.name == "Harbour Café"))
    ed = tab.harm_editor
    ed.formal.setCurrentIndex(ed.formal.findData("no"))
    ed.reviewed.setChecked(True)
    qtbot.waitUntil(lambda: not ed.dirty, timeout=2000)
    saved = InventoryService(demo_session.repos).harm_row(ed.harm_id)  # type: ignore[arg-type]
    assert saved.harm.formal_amends == FormalAmends.NO and saved.harm.reviewed_on  # type: ignore[union-attr]


def test_tab_order_walks_the_screen_in_reading_order(qtbot, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_session)
    tab.select_person(next(r.id for r in tab.people_model.rows() if r.name == "Tom"))
    order = []
    w = tab.filter
    for _ in range(60):
        order.append(w)
        w = w.nextInFocusChain()
        while w is not None and not (w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(tab) and w.isEnabled()):
            w = w.nextInFocusChain()
        if w is tab.filter or w is None:
            break
    pos = {id(x): i for i, x in enumerate(order)}
    ed, he = tab.person_editor, tab.harm_editor
    expected = [tab.filter, tab.people_view, ed.name, ed.relationship, ed.notes, ed.plan_button, tab.new_harm_button,
                tab.harms_view, he.category, he.when, he.amount, he.formal, he.what, he.root, he.notes, he.tags.list]
    missing = [x.accessibleName() or type(x).__name__ for x in expected if id(x) not in pos]
    assert not missing, f"not reachable with Tab: {missing}; chain: {[x.accessibleName() for x in order]}"
    assert [pos[id(x)] for x in expected] == sorted(pos[id(x)] for x in expected)
