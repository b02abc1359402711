"""The Inventory tab: the people harmed and each harm, with the patterns behind them.

Left: the people list (filter as you type, sortable, "Myself" always there). Right: either the
selected person with their harms (table and editor), or the patterns view. Every edit saves itself;
deleting asks once and Ctrl+Z brings it back until the app closes.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.domain.enums import HarmCategory
from amends_desktop.security.errors import VaultError
from amends_desktop.services.inventory import InventoryError, InventoryService, PersonRow, UndoToken
from amends_desktop.services.session import Session
from amends_desktop.ui.dialogs.messages import show_vault_error
from amends_desktop.ui.inventory.editors import HarmEditor, NewPersonRow, PersonEditor, PersonRowSummary, show_error
from amends_desktop.ui.inventory.models import HarmsModel, HarmsProxy, ObjectRole, PeopleModel, PeopleProxy
from amends_desktop.ui.inventory.patterns import CATEGORY_PREFIX, TAG_PREFIX, PatternsView
from amends_desktop.ui.navigation import Navigator


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setHighlightSections(False)
    view.setTabKeyNavigation(False)
    return view


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


class InventoryTab(QWidget):
    def __init__(self, session: Session, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.navigator = navigator
        self.service = InventoryService(session.repos)
        self.undo_stack: list[UndoToken] = []
        self._pattern_key: str | None = None
        self.setAccessibleName("Inventory")
        currency = str(session.repos.settings.get_raw("default_currency", "EUR") or "EUR")

        # -- left: people ------------------------------------------------------------------------
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter people and harms (Ctrl+F)")
        self.filter.setAccessibleName("Filter people and harms")
        self.filter.setClearButtonEnabled(True)
        self.pattern_label = QLabel()
        self.pattern_label.setWordWrap(True)
        self.pattern_label.setAccessibleName("Active pattern filter")
        self.clear_pattern = QPushButton("Show all")
        self.clear_pattern.setAccessibleName("Stop filtering by pattern")
        self.pattern_bar = QFrame()
        self.pattern_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QHBoxLayout(self.pattern_bar)
        bar.setContentsMargins(8, 4, 4, 4)
        bar.addWidget(self.pattern_label, 1)
        bar.addWidget(self.clear_pattern)
        self.pattern_bar.setVisible(False)
        self.new_person_row = NewPersonRow()
        self.new_person_row.setVisible(False)

        self.people_model = PeopleModel(self)
        self.people_proxy = PeopleProxy(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.people_view = _table("People I harmed")
        self.people_view.setModel(self.people_proxy)
        header = self.people_view.horizontalHeader()
        header.setResizeContentsPrecision(40)  # measure a sample of rows, not thousands
        header.setSectionResizeMode(PeopleModel.NAME, QHeaderView.ResizeMode.Stretch)
        for col in (PeopleModel.HARMS, PeopleModel.MONEY, PeopleModel.STAGE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.people_view.sortByColumn(PeopleModel.NAME, Qt.SortOrder.AscendingOrder)

        self.new_person_button = QPushButton("&New person")
        self.new_person_button.setAccessibleName("New person")
        self.new_person_button.setToolTip("Add someone you harmed (Ctrl+N)")
        self.patterns_button = QPushButton("Pa&tterns")
        self.patterns_button.setCheckable(True)
        self.patterns_button.setAccessibleName("Show patterns across all harms")
        self.summary = PersonRowSummary()
        self.summary.setAccessibleName("People shown")
        self.undo_bar = QFrame()
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_label = QLabel()
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setAccessibleName("Undo the delete")
        self.undo_button.setToolTip("Bring it back (Ctrl+Z)")
        ub = QHBoxLayout(self.undo_bar)
        ub.setContentsMargins(8, 4, 4, 4)
        ub.addWidget(self.undo_label, 1)
        ub.addWidget(self.undo_button)
        self.undo_bar.setVisible(False)

        left = QWidget()
        left.setMinimumWidth(300)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 6, 0)
        lv.addWidget(_heading("People I harmed"))
        lv.addWidget(self.filter)
        lv.addWidget(self.pattern_bar)
        lv.addWidget(self.new_person_row)
        lv.addWidget(self.people_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_person_button)
        buttons.addStretch(1)
        buttons.addWidget(self.patterns_button)
        lv.addLayout(buttons)
        lv.addWidget(self.summary)
        lv.addWidget(self.undo_bar)

        # -- right: person and harms, or patterns -----------------------------------------------
        self.person_editor = PersonEditor(self.service)
        person_box = QGroupBox("Person")
        pb = QVBoxLayout(person_box)
        pb.addWidget(self.person_editor)

        self.harms_model = HarmsModel(self)
        self.harms_proxy = HarmsProxy(self)
        self.harms_proxy.setSourceModel(self.harms_model)
        self.harms_view = _table("Harms")
        self.harms_view.setModel(self.harms_proxy)
        hh = self.harms_view.horizontalHeader()
        hh.setResizeContentsPrecision(40)
        for col in range(HarmsModel.WHAT):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(HarmsModel.WHAT, QHeaderView.ResizeMode.Stretch)
        for col in range(HarmsModel.WHEN, len(HarmsModel.HEADERS)):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.harms_view.sortByColumn(HarmsModel.WHEN, Qt.SortOrder.AscendingOrder)
        self.harms_title = _heading("Harms")
        self.new_harm_button = QPushButton("New &harm")
        self.new_harm_button.setAccessibleName("New harm")
        self.new_harm_button.setToolTip("Write down another specific harm to this person (Ctrl+Shift+N)")
        self.delete_harm_button = QPushButton("Delete harm")
        self.delete_harm_button.setAccessibleName("Delete the selected harm")
        self.harms_empty = QLabel()
        self.harms_empty.setWordWrap(True)
        harms_box = QWidget()
        hv = QVBoxLayout(harms_box)
        hv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.harms_title, 1)
        top.addWidget(self.delete_harm_button)
        top.addWidget(self.new_harm_button)
        hv.addLayout(top)
        hv.addWidget(self.harms_empty)
        hv.addWidget(self.harms_view, 1)

        self.harm_editor = HarmEditor(self.service, currency)
        harm_group = QGroupBox("Selected harm")
        hg = QVBoxLayout(harm_group)
        hg.addWidget(self.harm_editor)

        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.setChildrenCollapsible(False)
        self.right_split.addWidget(person_box)
        self.right_split.addWidget(harms_box)
        self.right_split.addWidget(harm_group)
        self.right_split.setStretchFactor(0, 0)
        self.right_split.setStretchFactor(1, 2)
        self.right_split.setStretchFactor(2, 3)
        self._sized = False

        self.patterns = PatternsView()
        patterns_page = QWidget()
        pp = QVBoxLayout(patterns_page)
        pp.setContentsMargins(0, 0, 0, 0)
        back = QHBoxLayout()
        back.addWidget(_heading("Patterns across all harms"), 1)
        self.back_button = QPushButton("Back to the &person")
        self.back_button.setAccessibleName("Back to the selected person")
        back.addWidget(self.back_button)
        pp.addLayout(back)
        pp.addWidget(self.patterns, 1)

        self.right = QStackedWidget()
        self.right.addWidget(self.right_split)
        self.right.addWidget(patterns_page)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([400, 880])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.split)

        # -- wiring ------------------------------------------------------------------------------
        self.filter.textChanged.connect(self._filter_changed)
        self.clear_pattern.clicked.connect(lambda: self.set_pattern(None))
        self.new_person_button.clicked.connect(self.start_new_person)
        self.new_person_row.submitted.connect(self.add_person)
        self.new_person_row.cancelled.connect(self._cancel_new_person)
        self.people_view.selectionModel().currentRowChanged.connect(self._person_current_changed)
        self.harms_view.selectionModel().currentRowChanged.connect(self._harm_current_changed)
        self.person_editor.saved.connect(self._person_saved)
        self.person_editor.planRequested.connect(self.plan_amends)
        self.person_editor.deleteRequested.connect(self.delete_person)
        self.harm_editor.saved.connect(self._harm_saved)
        self.harm_editor.tags.manageRequested.connect(self.manage_tags)
        self.new_harm_button.clicked.connect(self.new_harm)
        self.delete_harm_button.clicked.connect(self.delete_current_harm)
        self.undo_button.clicked.connect(self.undo)
        self.patterns_button.toggled.connect(self.show_patterns)
        self.back_button.clicked.connect(lambda: self.patterns_button.setChecked(False))
        self.patterns.patternChosen.connect(self.set_pattern)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        navigator.personRequested.connect(self.show_person)
        navigator.sourceRequested.connect(self._source_requested)
        navigator.dataChanged.connect(self._data_changed)

        # Tab order follows the screen: the list on the left, then the person, harms and the harm.
        chain = [self.filter, self.clear_pattern, self.new_person_row.name, self.new_person_row.add,
                 self.new_person_row.cancel, self.people_view, self.new_person_button, self.patterns_button,
                 self.undo_button, self.person_editor.name]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        for first, second in ((self.person_editor.plan_button, self.delete_harm_button),
                              (self.delete_harm_button, self.new_harm_button),
                              (self.new_harm_button, self.harms_view),
                              (self.harms_view, self.harm_editor.category)):
            QWidget.setTabOrder(first, second)

        def shortcut(keys: str | QKeySequence, slot, widget: QWidget | None = None,  # type: ignore[no-untyped-def]
                     context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut) -> QShortcut:
            sc = QShortcut(QKeySequence(keys), widget or self)
            sc.setContext(context)
            sc.activated.connect(slot)
            return sc

        self.shortcuts = [
            shortcut("Ctrl+N", self.start_new_person),
            shortcut("Ctrl+Shift+N", self.new_harm),
            shortcut("Ctrl+F", self.focus_filter),
            shortcut(QKeySequence.StandardKey.Undo, self.undo),
            shortcut("Delete", self.delete_current_person, self.people_view, Qt.ShortcutContext.WidgetShortcut),
            shortcut("F2", lambda: self.person_editor.name.setFocus(), self.people_view, Qt.ShortcutContext.WidgetShortcut),
            shortcut("Delete", self.delete_current_harm, self.harms_view, Qt.ShortcutContext.WidgetShortcut),
            shortcut("F2", lambda: self.harm_editor.what.setFocus(), self.harms_view, Qt.ShortcutContext.WidgetShortcut),
        ]
        self._stale_patterns = True
        self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything again from the vault (after a restore), keeping the selection if possible."""
        keep_person = self.current_person_id()
        keep_harm = self.current_harm_id()
        self.person_editor.flush()
        self.harm_editor.flush()
        self.undo_stack.clear()  # after a restore, earlier deletes are not ours to undo
        self.undo_bar.setVisible(False)
        self.people_model.set_rows(self.service.people_rows())
        self.harm_editor.tags.reload(set())
        self._stale_patterns = True
        if self.right.currentIndex() == 1:
            self.refresh_patterns()
        if keep_person is None or not self.select_person(keep_person, keep_harm):
            self._select_first()
        self._update_summary()

    def refresh_people(self) -> None:
        """Re-read the list (plan stages may have changed in the Planner), keeping the selection."""
        keep = self.current_person_id()
        self.people_model.set_rows(self.service.people_rows())
        if keep is None or not self._select_in_view(keep):
            self._select_first()
        self._update_summary()

    def refresh_patterns(self) -> None:
        self.patterns.set_counts(self.service.patterns())
        self.patterns.set_selected(self._pattern_key)
        self._stale_patterns = False

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if not self._sized and self.height() > 300:
            # The person at the top takes what it needs; harms table and editor share the rest.
            total = self.right_split.height()
            person = self.right_split.widget(0).sizeHint().height()
            rest = max(total - person, 400)
            self.right_split.setSizes([person, int(rest * 0.38), rest - int(rest * 0.38)])
            self._sized = self.isVisible()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.people_model.rowCount():
            # Coming back from the Planner: stages may have moved on.
            QTimer.singleShot(0, self._refresh_stages)

    def _refresh_stages(self) -> None:
        if self.session.vault.closed:
            return
        try:
            stages = self.service.plan_stages()
        except VaultError:
            return  # only a refresh; the next showing tries again
        for row in self.people_model.rows():
            plan_id, stage, hold = stages.get(row.id, (None, None, None))
            if (row.plan_id, row.plan_stage, row.plan_hold) != (plan_id, stage, hold):
                self.people_model.upsert(replace(row, plan_id=plan_id, plan_stage=stage, plan_hold=hold))

    # -- selection -----------------------------------------------------------------------------
    def current_person_id(self) -> int | None:
        return self.person_editor.person_id

    def current_harm_id(self) -> int | None:
        return self.harm_editor.harm_id

    def _select_first(self) -> None:
        if self.people_proxy.rowCount() > 0:
            self.people_view.setCurrentIndex(self.people_proxy.index(0, 0))
        else:
            self._show_person(None)

    def _select_in_view(self, person_id: int) -> bool:
        src = self.people_model.row_of(person_id)
        if src < 0:
            return False
        proxy_index = self.people_proxy.mapFromSource(self.people_model.index(src, 0))
        if not proxy_index.isValid():
            return False
        self.people_view.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.people_view.scrollTo(proxy_index)
        return True

    def select_person(self, person_id: int, harm_id: int | None = None) -> bool:
        """Select a person (clearing filters that hide them) and optionally one of their harms."""
        if self.people_model.row_of(person_id) < 0:
            return False
        if not self._select_in_view(person_id):
            self.filter.clear()
            self.set_pattern(None)
            if not self._select_in_view(person_id):
                return False
        if self.current_person_id() != person_id:
            self._show_person(person_id)
        if harm_id:
            self.select_harm(harm_id)
        return True

    def select_harm(self, harm_id: int) -> bool:
        src = self.harms_model.row_of(harm_id)
        if src < 0:
            return False
        index = self.harms_proxy.mapFromSource(self.harms_model.index(src, 0))
        if not index.isValid():
            self.harms_proxy.set_pattern(None, None)
            index = self.harms_proxy.mapFromSource(self.harms_model.index(src, 0))
        self.harms_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.harms_view.scrollTo(index)
        return True

    def _person_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ObjectRole) if current.isValid() else None
        self._show_person(row.id if row is not None else None)

    def _show_person(self, person_id: int | None) -> None:
        if person_id is not None and person_id == self.person_editor.person_id:
            return
        self.harm_editor.flush()
        self.person_editor.set_person(person_id)
        row = self.people_model.person(person_id) if person_id is not None else None
        self.harms_model.set_rows(self.service.harm_rows(person_id) if person_id is not None else [])
        self._apply_harm_pattern()
        self._update_harms_header(row)
        if self.harms_proxy.rowCount() > 0:
            self.harms_view.setCurrentIndex(self.harms_proxy.index(0, 0))
        else:
            self.harm_editor.set_harm(None)

    def _update_harms_header(self, row: PersonRow | None) -> None:
        self.new_harm_button.setEnabled(row is not None)
        if row is None:
            self.harms_title.setText("Harms")
            self.harms_empty.setText("Choose a person on the left, or add one with New person (Ctrl+N).")
        else:
            self.harms_title.setText("Harms to myself" if row.is_self else f"Harms to {row.name}")
            self.harms_empty.setText(
                "Nothing written down yet. New harm (Ctrl+Shift+N) starts one; a few specific words are enough."
            )
        empty = self.harms_model.rowCount() == 0
        self.harms_empty.setVisible(empty)
        self.delete_harm_button.setEnabled(not empty)

    def _harm_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ObjectRole) if current.isValid() else None
        harm_id = row.id if row is not None else None
        if harm_id != self.harm_editor.harm_id:
            self.harm_editor.set_harm(harm_id)

    # -- saving --------------------------------------------------------------------------------
    def flush(self) -> None:
        """Save anything typed but not yet saved (called before close, lock and restore)."""
        self.person_editor.flush()
        self.harm_editor.flush()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving any field saves what it holds (a no-op when nothing changed).
        for editor in (self.person_editor, self.harm_editor):
            if old is not None and editor.isAncestorOf(old):
                editor.flush()

    def _person_saved(self, row: PersonRow) -> None:
        self.people_model.upsert(row)
        self._update_harms_header(row)

    def _harm_saved(self, harm_row) -> None:  # type: ignore[no-untyped-def]
        self.harms_model.upsert(harm_row)
        person = self.service.person_row(harm_row.harm.person_id)
        if person is not None:
            self.people_model.upsert(person)
        self._stale_patterns = True
        if self.right.currentIndex() == 1:
            self.refresh_patterns()
        self._update_summary()

    # -- people --------------------------------------------------------------------------------
    def focus_filter(self) -> None:
        if self.patterns_button.isChecked():
            self.patterns_button.setChecked(False)
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _filter_changed(self, text: str) -> None:
        self.people_proxy.set_text_filter(text)
        self._after_filter()

    def _after_filter(self) -> None:
        current = self.current_person_id()
        if current is None or not self._select_in_view(current):
            self._select_first()
        self._update_summary()

    def _update_summary(self) -> None:
        self.summary.show_counts(self.people_model.rows(), self.people_proxy.rowCount())

    def start_new_person(self) -> None:
        if self.patterns_button.isChecked():
            self.patterns_button.setChecked(False)
        self.new_person_row.open()

    def _cancel_new_person(self) -> None:
        self.new_person_row.setVisible(False)
        self.people_view.setFocus()

    def add_person(self, name: str) -> None:
        try:
            person = self.service.add_person(name)
        except InventoryError as exc:
            show_error(self.new_person_row.error, str(exc))
            self.new_person_row.name.setFocus()
            return
        except VaultError as exc:
            show_vault_error(self, exc)
            return
        self.new_person_row.setVisible(False)
        row = self.service.person_row(int(person.id or 0))
        if row is not None:
            self.people_model.upsert(row)
        self.filter.clear()
        self.set_pattern(None)
        self.select_person(int(person.id or 0))
        self._update_summary()
        self.navigator.dataChanged.emit("inventory")
        self.person_editor.relationship.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_current_person(self) -> None:
        pid = self.current_person_id()
        if pid is not None:
            self.delete_person(pid)

    def delete_person(self, person_id: int) -> None:
        row = self.people_model.person(person_id)
        if row is None:
            return
        if row.is_self:
            QMessageBox.information(self, "Myself", "“Myself” stays in the list: amends to yourself count too.")
            return
        self.flush()
        harms = f" and the {row.harm_count} {'harm' if row.harm_count == 1 else 'harms'} written for them" if row.harm_count else ""
        answer = QMessageBox.question(
            self, "Delete person",
            f"Delete “{row.name}”{harms}? Their plan goes too.\n\nYou can bring it all back with Ctrl+Z "
            "until you close the app.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            token = self.service.delete_person(person_id)
        except (InventoryError, VaultError) as exc:
            QMessageBox.information(self, "Delete person", str(exc))
            return
        self._remember(token, f"Deleted “{row.name}”.")
        src = self.people_model.row_of(person_id)
        proxy_row = self.people_proxy.mapFromSource(self.people_model.index(src, 0)).row()
        self.person_editor.set_person(None)
        self.people_model.remove(person_id)
        self._after_delete(proxy_row)

    def _after_delete(self, proxy_row: int) -> None:
        n = self.people_proxy.rowCount()
        if n:
            self.people_view.setCurrentIndex(self.people_proxy.index(min(max(proxy_row, 0), n - 1), 0))
        else:
            self._show_person(None)
        self.people_view.setFocus()
        self._stale_patterns = True
        if self.right.currentIndex() == 1:
            self.refresh_patterns()
        self._update_summary()
        self.navigator.dataChanged.emit("inventory")

    def plan_amends(self, person_id: int) -> None:
        self.flush()
        self.navigator.planForPersonRequested.emit(person_id)

    # -- harms ---------------------------------------------------------------------------------
    def new_harm(self) -> None:
        pid = self.current_person_id()
        if pid is None:
            return
        if self.patterns_button.isChecked():
            self.patterns_button.setChecked(False)
        self.flush()
        category = HarmCategory.OTHER
        tag_ids: list[int] = []
        if self._pattern_key and self._pattern_key.startswith(CATEGORY_PREFIX):
            category = HarmCategory(self._pattern_key[len(CATEGORY_PREFIX):])
        elif self._pattern_key and self._pattern_key.startswith(TAG_PREFIX):
            tag_ids = [int(self._pattern_key[len(TAG_PREFIX):])]
        try:
            row = self.service.add_harm(pid, "", category=category, tag_ids=tag_ids)
        except (InventoryError, VaultError) as exc:
            QMessageBox.information(self, "New harm", str(exc))
            return
        self.harms_model.upsert(row)
        self._update_harms_header(self.people_model.person(pid))
        self.select_harm(row.id)
        person = self.service.person_row(pid)
        if person is not None:
            self.people_model.upsert(person)
        self._update_summary()
        self.navigator.dataChanged.emit("inventory")
        self.harm_editor.category.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_current_harm(self) -> None:
        harm_id = self.current_harm_id()
        if harm_id is None:
            return
        self.harm_editor.flush()
        row = self.service.harm_row(harm_id)
        if row is None:
            return
        what = HarmsModel.short(row.harm.what_happened, 60) or "this harm"
        answer = QMessageBox.question(
            self, "Delete harm",
            f"Delete “{what}”?\n\nYou can bring it back with Ctrl+Z until you close the app.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            token = self.service.delete_harm(harm_id)
        except (InventoryError, VaultError) as exc:
            QMessageBox.information(self, "Delete harm", str(exc))
            return
        self._remember(token, f"Deleted the harm “{HarmsModel.short(row.harm.what_happened, 40) or 'not described'}”.")
        src = self.harms_model.row_of(harm_id)
        proxy_row = self.harms_proxy.mapFromSource(self.harms_model.index(src, 0)).row()
        self.harm_editor.set_harm(None)
        self.harms_model.remove(harm_id)
        n = self.harms_proxy.rowCount()
        if n:
            self.harms_view.setCurrentIndex(self.harms_proxy.index(min(max(proxy_row, 0), n - 1), 0))
        self.harms_view.setFocus()
        person = self.service.person_row(row.harm.person_id)
        if person is not None:
            self.people_model.upsert(person)
            self._update_harms_header(person)
        self._stale_patterns = True
        if self.right.currentIndex() == 1:
            self.refresh_patterns()
        self._update_summary()
        self.navigator.dataChanged.emit("inventory")

    # -- undo ----------------------------------------------------------------------------------
    def _remember(self, token: UndoToken, text: str) -> None:
        self.undo_stack.append(token)
        self.undo_label.setText(text)
        self.undo_bar.setVisible(True)

    def undo(self) -> None:
        if not self.undo_stack:
            return
        token = self.undo_stack.pop()
        try:
            self.service.undo(token)
        except VaultError as exc:
            self.undo_stack.append(token)
            show_vault_error(self, exc)
            return
        self.people_model.set_rows(self.service.people_rows())
        self.harm_editor.set_harm(None)
        self.person_editor.set_person(None)
        self.select_person(token.person_id, token.row_id if token.kind == "harm" else None)
        if self.undo_stack:
            self.undo_label.setText(f"Brought back. {len(self.undo_stack)} more can be undone.")
        else:
            self.undo_bar.setVisible(False)
        self._stale_patterns = True
        if self.right.currentIndex() == 1:
            self.refresh_patterns()
        self._update_summary()
        self.navigator.dataChanged.emit("inventory")

    # -- patterns ------------------------------------------------------------------------------
    def show_patterns(self, on: bool) -> None:
        self.flush()
        if on and self._stale_patterns:
            self.refresh_patterns()
        self.right.setCurrentIndex(1 if on else 0)
        if on:
            self.patterns.category_chart.setFocus()
        else:
            self.people_view.setFocus()

    def set_pattern(self, key: str | None) -> None:
        """Show only people and harms of one category (``cat:…``) or defect (``tag:…``)."""
        if key is not None and key == self._pattern_key:
            key = None  # choosing the active bar again clears it
        self._pattern_key = key
        category = key[len(CATEGORY_PREFIX):] if key and key.startswith(CATEGORY_PREFIX) else None
        tag_id = int(key[len(TAG_PREFIX):]) if key and key.startswith(TAG_PREFIX) else None
        self.people_proxy.set_pattern(category, tag_id)
        self._apply_harm_pattern()
        self.patterns.set_selected(key)
        if key is None:
            self.pattern_bar.setVisible(False)
        else:
            if category is not None:
                what = f"harms of the kind “{HarmCategory(category).label}”"
            else:
                name = next((t.tag.name for t in self.service.tags() if t.tag.id == tag_id), "this pattern")
                what = f"harms where “{name}” played a part"
            self.pattern_label.setText(f"Showing only {what}.")
            self.pattern_bar.setVisible(True)
        self._after_filter()

    def _apply_harm_pattern(self) -> None:
        category, tag_id = self.people_proxy.pattern()
        self.harms_proxy.set_pattern(category, tag_id)
        if self.harm_editor.harm_id is not None and self.harms_model.row_of(self.harm_editor.harm_id) >= 0:
            src = self.harms_model.index(self.harms_model.row_of(self.harm_editor.harm_id), 0)
            if not self.harms_proxy.mapFromSource(src).isValid():
                n = self.harms_proxy.rowCount()
                if n:
                    self.harms_view.setCurrentIndex(self.harms_proxy.index(0, 0))
                else:
                    self.harm_editor.set_harm(None)

    def manage_tags(self) -> None:
        from amends_desktop.ui.inventory.tags_dialog import TagsDialog

        self.harm_editor.flush()
        dialog = TagsDialog(self.service, self)
        dialog.tagsChanged.connect(self._tags_changed)
        dialog.exec()

    def _tags_changed(self) -> None:
        self.harm_editor.set_tags_reloaded()
        pid = self.current_person_id()
        if pid is not None:
            self.harms_model.set_rows(self.service.harm_rows(pid))
            if self.harm_editor.harm_id is not None:
                self.select_harm(self.harm_editor.harm_id)
        self.refresh_people()
        self._stale_patterns = True
        if self.right.currentIndex() == 1:
            self.refresh_patterns()

    # -- navigation from elsewhere -------------------------------------------------------------
    def show_person(self, person_id: int, harm_id: int = 0) -> None:
        if self.patterns_button.isChecked():
            self.patterns_button.setChecked(False)
        if self.people_model.row_of(person_id) < 0:
            self.refresh_people()
        self.select_person(person_id, harm_id or None)

    def _source_requested(self, table: str, row_id: int) -> None:
        if table == "people":
            self.show_person(row_id)
            self.navigator.tabRequested.emit("inventory")
        elif table == "harms":
            harm = self.service.harm_row(row_id)
            if harm is not None:
                self.show_person(harm.harm.person_id, row_id)
                self.navigator.tabRequested.emit("inventory")

    def _data_changed(self, what: str) -> None:
        if what != "inventory":
            self.refresh_people()
