"""The Reflection tab: the journal, the support card of the craving protocol, charts, and search
across everything.

Layout: a search box and "New entry" on top; the support card (when asked for) under them; then
the journal list (or search results while searching) on the left and the entry editor / charts
on the right.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import EntryKind
from amends_desktop.security.errors import VaultError
from amends_desktop.services.reflection import ReflectionService
from amends_desktop.services.search import SearchResult, SearchService
from amends_desktop.services.session import Session
from amends_desktop.ui.navigation import Navigator
from amends_desktop.ui.reflection.charts_panel import ChartsPanel
from amends_desktop.ui.reflection.editor import EntryEditor
from amends_desktop.ui.reflection.models import HtmlDelegate, JournalModel, SearchResultsModel, ServerSortProxy
from amends_desktop.ui.reflection.support import SupportCardPanel

SEARCH_DELAY_MS = 150


class ReflectionTab(QWidget):
    def __init__(self, session: Session, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.navigator = navigator
        self.service = ReflectionService(session.repos)
        self.search_service = SearchService(session.repos)
        self._deleted: list[int] = []
        self._build()
        self._wire()
        self.model.reload()
        self._update_count()

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)

        top = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchEverything")
        self.search_box.setPlaceholderText("Search everything: journal, harms, scripts, letters, notes  (Ctrl+Shift+F)")
        self.search_box.setAccessibleName("Search everything")
        self.search_box.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Show entries of one kind")
        self.kind_filter.addItem("All entries", None)
        for kind in EntryKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.new_button = QToolButton()
        self.new_button.setText("New entry")
        self.new_button.setAccessibleName("New entry")
        self.new_button.setToolTip("Start a new daily check-in (Ctrl+N); the arrow offers other kinds")
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.new_button)
        for kind in EntryKind:
            menu.addAction(kind.label, lambda k=kind: self.new_entry(k))
        self.new_button.setMenu(menu)
        self.new_button.clicked.connect(lambda: self.new_entry(EntryKind.CHECK_IN))
        top.addWidget(self.search_box, 1)
        top.addWidget(self.kind_filter)
        top.addWidget(self.new_button)
        outer.addLayout(top)

        # The support card takes the whole area under the search box while it is open (nothing
        # typed is lost: the entry saved itself first), in a scroll area so it is never squeezed.
        self.support = SupportCardPanel(self.service)
        self.support_scroll = QScrollArea()
        self.support_scroll.setWidgetResizable(True)
        self.support_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.support_scroll.setWidget(self.support)
        self.support.closed.connect(self._card_closed)
        self.main_stack = QStackedWidget()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)

        # Left: the journal list, or search results while searching.
        self.left = QStackedWidget()
        journal_page = QWidget()
        jl = QVBoxLayout(journal_page)
        jl.setContentsMargins(0, 0, 0, 0)
        self.model = JournalModel(self.service, self)
        self.proxy = ServerSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(JournalModel.SortRole)
        self.table = QTableView()
        self.table.setObjectName("journalTable")
        self.table.setAccessibleName("Journal entries")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(JournalModel.DATE, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fm = self.fontMetrics()
        for col, sample in ((JournalModel.DATE, "28 Sep 2024"), (JournalModel.KIND, "Self-forgiveness"),
                            (JournalModel.MOOD, "Mood"), (JournalModel.CRAVING, "Craving"),
                            (JournalModel.LINK, "Plan: Maria")):
            header.resizeSection(col, fm.horizontalAdvance(sample) + 22)
        jl.addWidget(self.table, 1)
        foot = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of entries")
        self.undo_button = QPushButton("Undo delete")
        self.undo_button.setAccessibleName("Undo the last delete")
        self.undo_button.setToolTip("Bring back the entry you just deleted (Ctrl+Z)")
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_delete)
        foot.addWidget(self.count_label, 1)
        foot.addWidget(self.undo_button)
        jl.addLayout(foot)
        self.left.addWidget(journal_page)

        results_page = QWidget()
        rl = QVBoxLayout(results_page)
        rl.setContentsMargins(0, 0, 0, 0)
        self.results_label = QLabel()
        self.results_label.setAccessibleName("Search results count")
        self.results_label.setWordWrap(True)
        self.results_model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(HtmlDelegate(SearchResultsModel.HtmlRole, self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setAlternatingRowColors(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rl.addWidget(self.results_label)
        rl.addWidget(self.results, 1)
        self.left.addWidget(results_page)
        self.splitter.addWidget(self.left)

        # Right: write and charts.
        self.right = QTabWidget()
        self.right.setAccessibleName("Write or see charts")
        write_page = QWidget()
        wl = QVBoxLayout(write_page)
        wl.setContentsMargins(0, 0, 0, 0)
        self.banner = QFrame()
        self.banner.setObjectName("debriefBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        bl = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_close = QToolButton()
        self.banner_close.setText("Dismiss")
        self.banner_close.setAccessibleName("Dismiss this note")
        self.banner_close.clicked.connect(self.banner.hide)
        bl.addWidget(self.banner_text, 1)
        bl.addWidget(self.banner_close, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        wl.addWidget(self.banner)
        self.editor = EntryEditor(self.service)
        wl.addWidget(self.editor, 1)
        self.right.addTab(write_page, "&Write")
        self.charts = ChartsPanel(self.service)
        self.right.addTab(self.charts, "C&harts")
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([560, 680])
        self.main_stack.addWidget(self.splitter)
        self.main_stack.addWidget(self.support_scroll)
        outer.addWidget(self.main_stack, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)

        for key, slot in (("Ctrl+N", lambda: self.new_entry(EntryKind.CHECK_IN)), ("Ctrl+Z", self.undo_delete),
                          ("Ctrl+F", self.focus_search)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.editor._ask_delete)
        QWidget.setTabOrder(self.search_box, self.kind_filter)
        QWidget.setTabOrder(self.kind_filter, self.new_button)
        QWidget.setTabOrder(self.new_button, self.table)

    def _wire(self) -> None:
        nav = self.navigator
        nav.strugglingRequested.connect(self.show_support)
        nav.findRequested.connect(self.focus_search)
        nav.debriefRequested.connect(self.offer_debrief)
        nav.entryRequested.connect(self.open_entry)
        nav.dataChanged.connect(self._data_changed)
        self.search_box.textChanged.connect(self._search_text_changed)
        self.search_box.returnPressed.connect(self._search_enter)
        self.results.activated.connect(self._result_activated)
        self.kind_filter.currentIndexChanged.connect(self._kind_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.editor.saved.connect(self._entry_saved)
        self.editor.supportNeeded.connect(self._support_needed)
        self.editor.deleteRequested.connect(self.delete_entry)
        self.support.plansChanged.connect(lambda: self.navigator.dataChanged.emit("plans"))
        self.support.editContactsRequested.connect(self.edit_contacts)

    # -- tab contract -----------------------------------------------------------------------------
    def flush(self) -> None:
        """Save anything typed but not yet saved (called before close, lock and restore)."""
        self.editor.flush()

    def reload(self) -> None:
        """Read everything again from the vault (after a restore)."""
        current = self.editor.entry_id
        self.model.reload()
        self._update_count()
        self.editor.reload_links()
        entry = self.service.get_entry(current) if current is not None else None
        self.editor.load(entry or self.service.new_entry())
        self.charts.mark_stale()
        if self.support_visible():
            self.support.refresh()
        if self.search_box.text().strip():
            self.run_search()

    # -- journal ----------------------------------------------------------------------------------
    def _update_count(self) -> None:
        n = self.model.rowCount()
        kind = self.kind_filter.currentData()
        what = "entry" if n == 1 else "entries"
        self.count_label.setText(f"{n:,} {what}" + ("" if kind is None else f" ({EntryKind(kind).label})"))

    def _kind_filter_changed(self, _index: int) -> None:
        kind = self.kind_filter.currentData()
        self.model.set_kind(None if kind is None else EntryKind(kind))
        self._update_count()
        self._select_entry(self.editor.entry_id)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry_id = current.data(JournalModel.IdRole)
        if entry_id is None or entry_id == self.editor.entry_id:
            return
        self.open_entry(int(entry_id), select=False)

    def _select_entry(self, entry_id: int | None) -> None:
        if entry_id is None:
            self.table.clearSelection()
            return
        row = self.model.row_of(entry_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        selection = self.table.selectionModel()
        blocked = selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(blocked)
        self.table.viewport().update()
        self.table.scrollTo(index)

    def open_entry(self, entry_id: int, select: bool = True) -> None:
        entry = self.service.get_entry(entry_id)
        if entry is None:
            return
        self.banner.hide()
        self.editor.load(entry)
        self.right.setCurrentIndex(0)
        if select:
            self._select_entry(entry_id)

    def new_entry(self, kind: EntryKind = EntryKind.CHECK_IN, entry: m.Entry | None = None) -> None:
        self.banner.hide()
        self.editor.load(entry or self.service.new_entry(kind))
        self.table.clearSelection()
        self.right.setCurrentIndex(0)
        self.editor.body.setFocus()

    def _entry_saved(self, entry_id: int, created: bool) -> None:
        if created:
            self.model.reload()
            self._update_count()
            self._select_entry(entry_id)
        else:
            self.model.refresh_entry(entry_id)
        self.charts.mark_stale()

    def delete_entry(self, entry_id: int) -> None:
        try:
            self.service.delete_entry(entry_id)
        except VaultError as exc:
            self.editor._show_error(f"Couldn't delete it: {exc}")
            return
        self._deleted.append(entry_id)
        self.model.reload()
        self._update_count()
        self.editor.load(self.service.new_entry())
        self.undo_button.show()
        self.count_label.setText(self.count_label.text() + " · entry deleted")
        self.charts.mark_stale()

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        entry_id = self._deleted.pop()
        try:
            self.service.undelete_entry(entry_id)
        except VaultError as exc:
            self.editor._show_error(f"Couldn't bring it back: {exc}")
            return
        self.model.reload()
        self._update_count()
        self.open_entry(entry_id)
        self.undo_button.setVisible(bool(self._deleted))
        self.charts.mark_stale()

    # -- craving protocol -------------------------------------------------------------------------
    def show_support(self) -> None:
        """"I'm struggling": the support card, with every active plan ticked to pause."""
        self.flush()
        self._open_card(None)

    def _support_needed(self, entry: m.Entry) -> None:
        self._open_card(entry)

    def _open_card(self, entry: m.Entry | None) -> None:
        self.main_stack.setCurrentWidget(self.support_scroll)
        self.support.show_for(entry)
        self.support_scroll.ensureVisible(0, 0)

    def _card_closed(self) -> None:
        self.main_stack.setCurrentWidget(self.splitter)
        self.support.show()  # ready for next time; the stack decides what is seen
        self.editor.body.setFocus()

    def support_visible(self) -> bool:
        return self.main_stack.currentWidget() is self.support_scroll

    def edit_contacts(self) -> None:
        from amends_desktop.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.session, self)
        if dialog.exec():
            self.support.refresh()

    # -- debrief ----------------------------------------------------------------------------------
    def offer_debrief(self, plan_id: int, outcome_kind: str) -> None:
        """After an outcome in the Planner: a draft entry linked to the plan, saved once written in."""
        try:
            draft = self.service.debrief_draft(plan_id, outcome_kind)
        except (ValueError, KeyError):
            return
        self.new_entry(draft.offer.entry_kind, draft.entry)
        text = (f"You've recorded how it went with {draft.plan_label}. If you'd like, write about it here; "
                "this entry is already linked to that plan, and nothing is saved until you write.")
        if draft.offer.suggest_living:
            text += ("\n\nWhatever their answer, the work you did counts. Living amends, a lasting change "
                     "in how you show up, can be a next step; you can add one in the Planner.")
        self.banner_text.setText(text)
        self.banner.show()

    # -- search -----------------------------------------------------------------------------------
    def focus_search(self, text: str = "") -> None:
        if text:
            self.search_box.setText(text)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _search_text_changed(self, text: str) -> None:
        if not text.strip():
            self._search_timer.stop()
            self.results_model.set_results([])
            self.left.setCurrentIndex(0)
            return
        self._search_timer.start()

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_box.text()
        if not text.strip():
            return
        try:
            results = self.search_service.search(text)
        except VaultError as exc:
            self.results_label.setText(f"Search didn't work just now: {exc}")
            return
        self.results_model.set_results(results)
        if results:
            self.results_label.setText(f"{len(results)} found{' (showing the best 50)' if len(results) >= 50 else ''}. "
                                       "Press Enter or double-click to open one.")
        elif len(text.strip()) < 2:
            self.results_label.setText("Keep typing: searching starts at two letters.")
        else:
            self.results_label.setText("Nothing found. Try fewer letters or another word.")
        self.left.setCurrentIndex(1)
        if results:
            self.results.setCurrentIndex(self.results_model.index(0, 0))

    def _search_enter(self) -> None:
        self.run_search()
        if self.results_model.rowCount():
            self.results.setFocus()

    def _result_activated(self, index: QModelIndex) -> None:
        result = index.data(SearchResultsModel.ObjectRole)
        if isinstance(result, SearchResult):
            self.open_result(result)

    def open_result(self, result: SearchResult) -> None:
        """Open the place a result came from: the entry here, or the person/harm or plan elsewhere."""
        nav = self.navigator
        if result.target == "entry":
            self.open_entry(result.target_id)
            self.editor.body.setFocus()
        elif result.target == "person":
            nav.sourceRequested.emit(result.table, result.row_id)
            nav.personRequested.emit(result.person_id, result.harm_id)
        elif result.target == "plan":
            nav.sourceRequested.emit(result.table, result.row_id)
            nav.planRequested.emit(result.target_id)

    # -- other tabs changed things ----------------------------------------------------------------
    def _data_changed(self, what: str) -> None:
        if what in ("plans", "people", "harms", "inventory", "all", "settings"):
            self.editor.reload_links()
            if self.support_visible():
                self.support.refresh()
        if what in ("entries", "all"):
            self.model.reload()
            self._update_count()
        self.charts.mark_stale()
