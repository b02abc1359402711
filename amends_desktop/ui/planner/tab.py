"""The Planner tab: the plans board and due list on the left, the plan editor on the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.domain.enums import PlanType
from amends_desktop.security.errors import VaultError
from amends_desktop.services.planner import PlannerError, PlannerService
from amends_desktop.services.session import Session
from amends_desktop.ui.navigation import Navigator
from amends_desktop.ui.planner.board import GROUPS, BoardFilter, BoardModel, DueModel
from amends_desktop.ui.planner.editor import PlanEditor
from amends_desktop.ui.planner.widgets import subheading

# Where a search hit in a plan's child table leads: (SQL finding the plan id, editor section).
_SOURCES: dict[str, tuple[str, str]] = {
    "plans": ("SELECT id FROM plans WHERE id = ?", "harms"),
    "expected_responses": ("SELECT plan_id FROM expected_responses WHERE id = ?", "responses"),
    "permission_requests": ("SELECT plan_id FROM permission_requests WHERE id = ?", "approach"),
    "contact_attempts": ("SELECT plan_id FROM contact_attempts WHERE id = ?", "approach"),
    "payments": ("SELECT l.plan_id FROM payments p JOIN ledgers l ON l.id = p.ledger_id WHERE p.id = ?", "restitution"),
    "commitments": ("SELECT plan_id FROM commitments WHERE id = ?", "living"),
    "check_ins": ("SELECT c.plan_id FROM check_ins k JOIN commitments c ON c.id = k.commitment_id WHERE k.id = ?", "living"),
    "indirect_actions": ("SELECT plan_id FROM indirect_actions WHERE id = ?", "indirect"),
    "outcomes": ("SELECT plan_id FROM outcomes WHERE id = ?", "outcome"),
}


class PlannerTab(QWidget):
    def __init__(self, session: Session, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.navigator = navigator
        self.service = PlannerService(session.repos)
        self._undo: list[tuple[str, Callable[[], None]]] = []
        self._selecting = False

        # -- board ---------------------------------------------------------------------------------
        self.board_model = BoardModel(self._reorder, self)
        self.board_proxy = BoardFilter(self)
        self.board_proxy.setSourceModel(self.board_model)
        self.board = QTreeView()
        self.board.setModel(self.board_proxy)
        self.board.setAccessibleName("Plans board")
        self.board.setAccessibleDescription(
            "Plans grouped by stage, in your order of priority. Alt+Up and Alt+Down move a plan within its group."
        )
        self.board.setUniformRowHeights(True)
        self.board.setAlternatingRowColors(True)
        self.board.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.board.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.board.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.board.setDragEnabled(True)
        self.board.setAcceptDrops(True)
        self.board.setDropIndicatorShown(True)
        self.board.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.board.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(BoardModel.COL_PERSON, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: measuring contents would visit every row of a large board.
        for col, width in ((BoardModel.COL_TYPE, 120), (BoardModel.COL_HARMS, 56), (BoardModel.COL_DUE, 74)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        self.board.selectionModel().currentRowChanged.connect(self._board_current_changed)

        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName("Filter by type")
        self.type_filter.addItem("All types", "")
        for t in PlanType:
            self.type_filter.addItem(t.label, t.value)
        self.stage_filter = QComboBox()
        self.stage_filter.setAccessibleName("Filter by stage")
        self.stage_filter.addItem("All stages", "")
        for key, label in GROUPS:
            self.stage_filter.addItem(label, key)
        self.person_filter = QLineEdit()
        self.person_filter.setAccessibleName("Filter by person")
        self.person_filter.setPlaceholderText("Person…")
        self.person_filter.setClearButtonEnabled(True)
        for w in (self.type_filter, self.stage_filter):
            w.currentIndexChanged.connect(self._apply_filters)
        self.person_filter.textChanged.connect(self._apply_filters)

        self.new_button = QPushButton("New plan…")
        self.new_button.setAccessibleName("New plan")
        self.new_button.clicked.connect(self._new_plan)
        self.up_button = QToolButton()
        self.up_button.setText("↑")
        self.up_button.setAccessibleName("Move plan up")
        self.up_button.setToolTip("Move up within its stage (Alt+Up)")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QToolButton()
        self.down_button.setText("↓")
        self.down_button.setAccessibleName("Move plan down")
        self.down_button.setToolTip("Move down within its stage (Alt+Down)")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.board.installEventFilter(self)

        board_box = QWidget()
        bl = QVBoxLayout(board_box)
        bl.setContentsMargins(8, 8, 4, 4)
        top = QHBoxLayout()
        top.addWidget(subheading("Plans"))
        top.addStretch(1)
        top.addWidget(self.up_button)
        top.addWidget(self.down_button)
        top.addWidget(self.new_button)
        bl.addLayout(top)
        filters = QHBoxLayout()
        filters.addWidget(self.type_filter)
        filters.addWidget(self.stage_filter)
        filters.addWidget(self.person_filter, 1)
        bl.addLayout(filters)
        bl.addWidget(self.board, 1)

        # -- due list ------------------------------------------------------------------------------
        self.due_model = DueModel(self)
        self.due_proxy = QSortFilterProxyModel(self)
        self.due_proxy.setSourceModel(self.due_model)
        self.due_proxy.setSortRole(DueModel.SortRole)
        self.due_view = QTableView()
        self.due_view.setModel(self.due_proxy)
        self.due_view.setAccessibleName("Due list")
        self.due_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.due_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_view.setSortingEnabled(True)
        self.due_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.due_view.verticalHeader().setVisible(False)
        self.due_view.setWordWrap(False)
        self.due_view.setTabKeyNavigation(False)
        dh = self.due_view.horizontalHeader()
        dh.setSectionResizeMode(DueModel.COL_WHEN, QHeaderView.ResizeMode.ResizeToContents)
        dh.setSectionResizeMode(DueModel.COL_WHAT, QHeaderView.ResizeMode.Stretch)
        self.due_view.setColumnHidden(DueModel.COL_KIND, True)
        self.due_view.activated.connect(self._due_activated)
        self.due_view.doubleClicked.connect(self._due_activated)
        self.due_label = subheading("Coming up")
        self.due_empty = QLabel("Nothing due in the next week.")
        due_box = QWidget()
        dl = QVBoxLayout(due_box)
        dl.setContentsMargins(8, 4, 4, 8)
        dl.addWidget(self.due_label)
        dl.addWidget(self.due_empty)
        dl.addWidget(self.due_view, 1)

        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        left.addWidget(board_box)
        left.addWidget(due_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        left.setSizes([520, 220])

        # -- editor --------------------------------------------------------------------------------
        self.editor = PlanEditor(self.service, navigator, self.push_undo)
        self.editor.planChanged.connect(lambda _pid: self._schedule_refresh())
        self.editor.planDeleted.connect(lambda _pid: self.refresh_board())

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        left.setMinimumWidth(340)
        split.setSizes([440, 840])
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self.refresh_board)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.setObjectName("plannerUndo")

        navigator.planForPersonRequested.connect(self.open_for_person)
        navigator.planRequested.connect(self.open_plan)
        navigator.dataChanged.connect(lambda _what: self.reload())
        navigator.sourceRequested.connect(self._source_requested)
        self.refresh_board()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Alt+Up / Alt+Down on the board move the current plan within its group.
        if watched is self.board and event.type() == QEvent.Type.KeyPress:
            key_event = QKeyEvent(event)  # type: ignore[arg-type]
            if key_event.modifiers() == Qt.KeyboardModifier.AltModifier and key_event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_selected(-1 if key_event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    # -- public ------------------------------------------------------------------------------------
    def flush(self) -> None:
        """Save anything typed but not yet saved (called before close, lock and restore)."""
        self.editor.flush()
        if self._refresh_timer.isActive():
            self.refresh_board()

    def reload(self) -> None:
        """Read everything again from the vault (after a restore, or when another tab changed plans)."""
        self.editor.flush()
        current = self.editor.plan_id()
        self.refresh_board()
        if current is not None and self.service.plan(current) is None:
            current = None
        self.editor.load(current)
        if current is not None:
            self._select_in_board(current)

    def open_plan(self, plan_id: int, section: str | None = None) -> None:
        self.editor.flush()
        if self.service.plan(plan_id) is None:
            return
        if not self.board_model.find_plan(plan_id).isValid():
            self.refresh_board()
        self._clear_filters_hiding(plan_id)
        self.editor.load(plan_id)
        self._select_in_board(plan_id)
        if section:
            self.editor.show_section(section)

    def open_for_person(self, person_id: int) -> None:
        try:
            plan = self.service.open_or_create_plan_for_person(person_id)
        except (PlannerError, VaultError) as exc:
            self.editor.show_error(str(exc))
            return
        self.refresh_board()
        self.open_plan(int(plan.id or 0))

    def push_undo(self, label: str, action: Callable[[], None]) -> None:
        self._undo.append((label, action))
        del self._undo[:-50]

    def undo(self) -> None:
        if not self._undo:
            return
        _label, action = self._undo.pop()
        self.editor.flush()
        action()
        self.reload()

    # -- board -------------------------------------------------------------------------------------
    def refresh_board(self) -> None:
        self._refresh_timer.stop()
        current = self.editor.plan_id()
        rows, items = self.service.overview()
        self._selecting = True
        try:
            self.board_model.set_rows(rows)
            self.board.expandAll()
        finally:
            self._selecting = False
        if current is not None:
            self._select_in_board(current)
        self.due_model.set_items(items)
        self.due_empty.setVisible(not items)
        self.due_view.setVisible(bool(items))
        overdue = sum(1 for i in items if i.overdue)
        self.due_label.setText(f"Coming up ({len(items)})" + (f", {overdue} overdue" if overdue else ""))

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def _apply_filters(self) -> None:
        self.board_proxy.set_filters(self.type_filter.currentData(), self.stage_filter.currentData(), self.person_filter.text())
        self.board.expandAll()

    def _clear_filters_hiding(self, plan_id: int) -> None:
        source = self.board_model.find_plan(plan_id)
        if source.isValid() and not self.board_proxy.mapFromSource(source).isValid():
            for w in (self.type_filter, self.stage_filter):
                w.setCurrentIndex(0)
            self.person_filter.clear()

    def _select_in_board(self, plan_id: int) -> None:
        source = self.board_model.find_plan(plan_id)
        index = self.board_proxy.mapFromSource(source) if source.isValid() else QModelIndex()
        if not index.isValid():
            return
        self._selecting = True
        try:
            self.board.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.board.scrollTo(index)
        finally:
            self._selecting = False

    def _board_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        plan_id = current.data(BoardModel.PlanIdRole)
        if plan_id is not None and plan_id != self.editor.plan_id():
            self.editor.load(int(plan_id))

    def _reorder(self, ordered_ids: list[int]) -> None:
        self.service.reorder(ordered_ids)
        QTimer.singleShot(0, self.refresh_board)

    def move_selected(self, step: int) -> None:
        plan_id = self.editor.plan_id()
        if plan_id is None:
            return
        source = self.board_model.find_plan(plan_id)
        if not source.isValid():
            return
        key = source.data(BoardModel.GroupRole)
        # Move past the neighbour that is visible under the current filter.
        visible = [
            pid for pid in self.board_model.group_plan_ids(key)
            if self.board_proxy.mapFromSource(self.board_model.find_plan(pid)).isValid()
        ]
        order = self.board_model.group_plan_ids(key)
        pos = visible.index(plan_id)
        target = pos + step
        if not 0 <= target < len(visible):
            return
        neighbour = visible[target]
        i, j = order.index(plan_id), order.index(neighbour)
        order[i], order[j] = order[j], order[i]
        self.service.reorder(order)
        self.refresh_board()
        self.board.setFocus()

    def _new_plan(self) -> None:
        people = self.service.people()
        if not people:
            return
        names = [p.name for p in people]
        name, ok = QInputDialog.getItem(self, "New plan", "Who is this plan for?", names, 0, False)
        if not ok:
            return
        person = people[names.index(name)]
        try:
            plan = self.service.create_plan(int(person.id or 0))
        except (PlannerError, VaultError) as exc:
            self.editor.show_error(str(exc))
            return
        self.refresh_board()
        self.open_plan(int(plan.id or 0))

    # -- due list ----------------------------------------------------------------------------------
    def _due_activated(self, index: QModelIndex) -> None:
        item = index.data(DueModel.ObjectRole)
        if item is None:
            return
        if item.plan_id is not None:
            section = {"payment_due": "restitution", "check_in": "living", "not_before_passed": "approach",
                       "follow_up": "outcome"}.get(item.kind)
            self.open_plan(item.plan_id, section)
        elif item.person_id is not None:
            self.navigator.personRequested.emit(item.person_id, 0)

    def _source_requested(self, table: str, row_id: int) -> None:
        found = _SOURCES.get(table)
        if found is None:
            return
        sql, section = found
        hit = self.session.repos.conn.execute(sql, (row_id,)).fetchone()
        if hit is None:
            return
        self.navigator.tabRequested.emit("planner")
        self.open_plan(int(hit[0]), section)
