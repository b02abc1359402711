"""The plans board: plans grouped by stage (holds shown apart), in the priority order the user sets
by dragging (or Alt+Up / Alt+Down), with filters and a badge where something is due."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from amends_desktop.domain.due import KIND_LABELS, DueItem
from amends_desktop.domain.enums import Hold, SafetyVerdict
from amends_desktop.domain.stages import STAGE_ORDER
from amends_desktop.services.planner import BoardRow
from amends_desktop.ui.table_models import HeadedTableModel, HeadersMixin

_AnyIndex = QModelIndex | QPersistentModelIndex
MIME = "application/x-amends-plan-ids"

GROUPS: tuple[tuple[str, str], ...] = (
    *((s.value, s.label) for s in STAGE_ORDER),
    (Hold.PAUSED.value, "Paused"),
    (Hold.DEFERRED.value, "Set aside for now"),
    (Hold.NOT_POSSIBLE.value, "Not possible"),
)
HOLD_GROUPS = frozenset(h.value for h in Hold)


def group_key(row: BoardRow) -> str:
    return row.hold.value if row.hold is not None else row.stage.value


class BoardModel(HeadersMixin, QAbstractItemModel):
    """Two levels: a row per group (stage or hold), and under it that group's plans by priority."""

    COL_PERSON, COL_TYPE, COL_HARMS, COL_DUE = range(4)
    HEADERS = ("Person", "Type", "Harms", "Due")
    ObjectRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    PlanIdRole = Qt.ItemDataRole.UserRole + 3
    GroupRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, reorder: Callable[[list[int]], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, str, list[BoardRow]]] = [(k, label, []) for k, label in GROUPS]
        self._reorder = reorder
        self.show_empty_groups = False

    # -- data in -----------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[BoardRow]) -> None:
        self.beginResetModel()
        by_key: dict[str, list[BoardRow]] = {k: [] for k, _ in GROUPS}
        for r in rows:
            by_key[group_key(r)].append(r)
        self._groups = [(k, label, by_key[k]) for k, label in GROUPS]
        self.endResetModel()

    def group_plan_ids(self, key: str) -> list[int]:
        for k, _label, plans in self._groups:
            if k == key:
                return [p.plan_id for p in plans]
        return []

    def find_plan(self, plan_id: int) -> QModelIndex:
        for gi, (_k, _l, plans) in enumerate(self._groups):
            for ri, p in enumerate(plans):
                if p.plan_id == plan_id:
                    return self.createIndex(ri, 0, gi + 1)
        return QModelIndex()

    def plan_count(self) -> int:
        return sum(len(p) for _k, _l, p in self._groups)

    # -- structure ---------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self.HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        gi = parent.row()
        if row >= len(self._groups[gi][2]):
            return QModelIndex()
        return self.createIndex(row, column, gi + 1)

    def parent(self, index: _AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        gid = int(index.internalId())
        if gid == 0:
            return QModelIndex()
        return self.createIndex(gid - 1, 0, 0)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][2])
        return 0

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def hasChildren(self, parent: _AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def _row(self, index: _AnyIndex) -> BoardRow | None:
        gid = int(index.internalId())
        if gid == 0:
            return None
        return self._groups[gid - 1][2][index.row()]

    # -- data out ----------------------------------------------------------------------------------
    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        plan = self._row(index)
        if plan is None:
            key, label, plans = self._groups[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{label} ({len(plans)})" if col == 0 else None
            if role == Qt.ItemDataRole.FontRole and col == 0:
                font = QFont()
                font.setBold(True)
                return font
            if role == self.GroupRole:
                return key
            if role == self.SortRole:
                return index.row()
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_PERSON:
                return plan.person_name
            if col == self.COL_TYPE:
                return plan.type.label
            if col == self.COL_HARMS:
                return str(plan.harm_count) if plan.harm_count else ""
            if col == self.COL_DUE:
                if not plan.due_count:
                    return ""
                return "overdue" if plan.overdue else f"{plan.due_count} due"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(plan)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"{plan.person_name}: {plan.type.label.lower()}, {plan.stage.label.lower()}"]
            if plan.hold is not None:
                parts.append(f"{plan.hold.label}" + (f": {plan.hold_reason}" if plan.hold_reason else ""))
            if plan.verdict == SafetyVerdict.DO_NOT_CONTACT:
                parts.append("Safety: do not contact directly")
            if plan.due_count:
                parts.append(f"{plan.due_count} thing(s) due" + (", some overdue" if plan.overdue else ""))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_DUE and plan.due_count:
            return QBrush(QColor("#b03a2e") if plan.overdue else QColor("#a0522d"))
        if role == Qt.ItemDataRole.FontRole and col == self.COL_DUE and plan.due_count:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.ObjectRole:
            return plan
        if role == self.PlanIdRole:
            return plan.plan_id
        if role == self.GroupRole:
            return group_key(plan)
        if role == self.SortRole:
            return (plan.priority, plan.plan_id)
        return None

    @staticmethod
    def _spoken(plan: BoardRow) -> str:
        text = f"{plan.person_name}, {plan.type.label}"
        if plan.due_count:
            text += ", something overdue" if plan.overdue else f", {plan.due_count} due"
        return text


    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._row(index) is None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # -- drag and drop (reorder within a group) ------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[int] = []
        for index in indexes:
            plan = self._row(index)
            if plan is not None and plan.plan_id not in ids:
                ids.append(plan.plan_id)
        data = QMimeData()
        data.setData(MIME, QByteArray(",".join(map(str, ids)).encode()))
        return data

    @staticmethod
    def _ids(data: QMimeData) -> list[int]:
        if not data.hasFormat(MIME):
            return []
        raw = bytes(data.data(MIME).data()).decode()
        return [int(x) for x in raw.split(",") if x.strip().isdigit()]

    def _drop_group(self, parent: _AnyIndex) -> int | None:
        if not parent.isValid():
            return None
        if int(parent.internalId()) == 0:
            return parent.row()
        return int(parent.internalId()) - 1

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _AnyIndex) -> bool:
        gi = self._drop_group(parent)
        ids = self._ids(data)
        if gi is None or not ids:
            return False
        members = {p.plan_id for p in self._groups[gi][2]}
        return all(i in members for i in ids)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        gi = self._drop_group(parent)
        assert gi is not None
        if int(parent.internalId()) != 0:  # dropped onto a plan: place before it
            row = parent.row()
        moving = self._ids(data)
        current = [p.plan_id for p in self._groups[gi][2]]
        if row < 0 or row > len(current):
            row = len(current)
        before = [p for p in current[:row] if p not in moving]
        after = [p for p in current[row:] if p not in moving]
        new_order = before + moving + after
        if new_order != current and self._reorder is not None:
            self._reorder(new_order)
        # The caller reloads the board; returning False keeps the view from removing rows itself.
        return False


class BoardFilter(QSortFilterProxyModel):
    """Filters plans by type, group (stage or hold) and person; groups show when a plan in them does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_value = ""
        self.group_value = ""
        self.person_text = ""
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(False)

    def set_filters(self, type_value: str, group_value: str, person_text: str) -> None:
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        self.type_value, self.group_value, self.person_text = type_value, group_value, person_text.strip().casefold()
        if modern:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _AnyIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        plan = index.data(BoardModel.ObjectRole)
        if plan is None:
            return False  # a group shows when one of its plans does (recursive filtering)
        if self.type_value and plan.type.value != self.type_value:
            return False
        if self.group_value and group_key(plan) != self.group_value:
            return False
        return not (self.person_text and self.person_text not in plan.person_name.casefold())


class DueModel(HeadedTableModel):
    """The due list: when, what, and the kind of thing."""

    COL_WHEN, COL_WHAT, COL_KIND = range(3)
    HEADERS = ("When", "What", "Kind")
    ObjectRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[DueItem] = []

    def set_items(self, items: Sequence[DueItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[DueItem]:
        return list(self._items)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)


    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "overdue since" if item.overdue else "due"
            return f"{item.title}\n{KIND_LABELS.get(item.kind, item.kind)}, {state} {item.due_on.strftime('%d %B %Y')}"
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_WHEN:
                text = f"{item.due_on.day} {item.due_on.strftime('%b')}"
                return f"{text}, overdue" if item.overdue else text
            if col == self.COL_WHAT:
                return item.title
            return KIND_LABELS.get(item.kind, item.kind)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.title}, {'overdue since' if item.overdue else 'due'} {item.due_on.isoformat()}"
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue and col == self.COL_WHEN:
            return QBrush(QColor("#b03a2e"))
        if role == self.SortRole:
            return (item.due_on.toordinal(), item.title) if col != self.COL_KIND else item.kind
        if role == self.ObjectRole:
            return item
        return None


    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
