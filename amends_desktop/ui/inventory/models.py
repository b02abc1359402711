"""Table models of the Inventory tab: the people list and one person's harms.

Both are real ``QAbstractTableModel`` subclasses with column constants, a sort role and an object
role, behind a ``QSortFilterProxyModel``. Rows are read once from the service (the people list in
one aggregate query) and kept in memory, so filtering and sorting never touch the vault.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from amends_desktop.domain.approx_date import parse_approx
from amends_desktop.domain.stages import stage_index
from amends_desktop.services.inventory import HarmRow, PersonRow
from amends_desktop.ui.table_models import HeadedTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


_RANGE = re.compile(r"^\s*(.+?)\s*(?:–|—|\bto\b|\buntil\b|-(?=\s*[12]\d{3}\s*$)|\s-\s)\s*(.+?)\s*$", re.IGNORECASE)


def approx_sort_text(text: str) -> str:
    """A plain string that sorts approximate dates in time order (unreadable text last).

    Besides what ``domain.approx_date`` reads, a span such as "2019-2020", "2018 to summer 2019"
    or "2019 – 2021" sorts by its first part and ends with its last.
    """
    parsed = parse_approx(text) if text.strip() else None
    start = end = None
    if parsed is not None:
        start, end = parsed.start, parsed.end
    else:
        m = _RANGE.match(text)
        if m:
            first, last = parse_approx(m.group(1)), parse_approx(m.group(2))
            if first is not None and last is not None and first.start <= last.end:
                start, end = first.start, last.end
    if start is None or end is None:
        return "1" + text.casefold()
    return f"0{start.toordinal():07d}{end.toordinal():07d}{text.casefold()}"


class PeopleModel(HeadedTableModel):
    NAME, HARMS, MONEY, STAGE = range(4)
    HEADERS = ("Name", "Harms", "Money owed", "Plan stage")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow] = []
        self._pos: dict[int, int] = {}
        self._display: list[tuple[Any, ...]] = []
        self._sort: list[tuple[Any, ...]] = []

    # -- reading ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)



    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        i = index.row()
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[i][col]
        if role == SortRole:
            return self._sort[i][col]
        row = self._rows[i]
        if role == SearchRole:
            return row.search_text
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME:
            return f"{row.name} — {row.relationship.label}, {row.reachability.label.lower()}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.HARMS, self.MONEY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.HARMS:
                return f"{row.harm_count} harm" + ("" if row.harm_count == 1 else "s")
            if col == self.MONEY:
                return row.money_text or "no money involved"
        return None

    # -- rows ---------------------------------------------------------------------------
    @staticmethod
    def _cells(row: PersonRow) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """What each column shows, and how it sorts, worked out once per row."""
        display = (row.name, row.harm_count, row.money_text, row.stage_text)
        sort = (
            ("0" if row.is_self else "1") + row.name.casefold(),  # "Myself" first when sorted A to Z
            row.harm_count,
            sum(total for _cur, total in row.money),
            -1 if row.plan_stage is None else stage_index(row.plan_stage),
        )
        return display, sort

    def set_rows(self, rows: list[PersonRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._pos = {r.id: i for i, r in enumerate(self._rows)}
        cells = [self._cells(r) for r in self._rows]
        self._display = [c[0] for c in cells]
        self._sort = [c[1] for c in cells]
        self.endResetModel()

    def rows(self) -> list[PersonRow]:
        return list(self._rows)

    def row_of(self, person_id: int) -> int:
        return self._pos.get(person_id, -1)

    def person(self, person_id: int) -> PersonRow | None:
        i = self.row_of(person_id)
        return self._rows[i] if i >= 0 else None

    def upsert(self, row: PersonRow) -> None:
        """Replace a person's row in place (targeted dataChanged), or append a new one."""
        i = self.row_of(row.id)
        display, sort = self._cells(row)
        if i >= 0:
            self._rows[i] = row
            self._display[i], self._sort[i] = display, sort
            self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
            return
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self._display.append(display)
        self._sort.append(sort)
        self._pos[row.id] = n
        self.endInsertRows()

    def remove(self, person_id: int) -> None:
        i = self.row_of(person_id)
        if i < 0:
            return
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        del self._display[i]
        del self._sort[i]
        self._pos = {r.id: k for k, r in enumerate(self._rows)}
        self.endRemoveRows()


class PeopleProxy(QSortFilterProxyModel):
    """Filters the people list by typed text (name, relationship, notes and harm text, any case)
    and, optionally, by a pattern: a harm category or a defect tag."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._needle = ""
        self._category: str | None = None
        self._tag_id: int | None = None

    def set_text_filter(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        if needle == self._needle:
            return
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def text_filter(self) -> str:
        return self._needle

    def set_pattern(self, category: str | None = None, tag_id: int | None = None) -> None:
        self.beginFilterChange()
        self._category, self._tag_id = category, tag_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def pattern(self) -> tuple[str | None, int | None]:
        return self._category, self._tag_id

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row: PersonRow = model._rows[source_row]  # type: ignore[attr-defined]
        if self._category is not None and self._category not in row.categories:
            return False
        if self._tag_id is not None and self._tag_id not in row.tag_ids:
            return False
        return not self._needle or self._needle in row.search_text


class HarmsModel(HeadedTableModel):
    CATEGORY, WHAT, WHEN, MONEY, DEFECTS, FORMAL, REVIEWED = range(7)
    HEADERS = ("Category", "What happened", "When", "Money", "Defects", "Formal amends", "Reviewed")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HarmRow] = []
        self._when_keys: list[str] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)



    @staticmethod
    def short(text: str, limit: int = 90) -> str:
        first = " ".join(text.split())
        return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        harm = row.harm
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CATEGORY:
                return harm.category.label
            if col == self.WHAT:
                return self.short(harm.what_happened) or "(not described yet)"
            if col == self.WHEN:
                return harm.when_text
            if col == self.MONEY:
                return row.money_text
            if col == self.DEFECTS:
                return row.tags_text
            if col == self.FORMAL:
                return harm.formal_amends.label
            if col == self.REVIEWED:
                return harm.reviewed_on or ""
            return None
        if role == SortRole:
            if col == self.WHEN:
                return self._when_keys[index.row()]
            if col == self.MONEY:
                return -1 if harm.amount_minor is None else harm.amount_minor
            if col == self.REVIEWED:
                return harm.reviewed_on or ""
            value = self.data(index, Qt.ItemDataRole.DisplayRole)
            return str(value).casefold() if value is not None else ""
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and col == self.WHAT and harm.what_happened:
            return self.short(harm.what_happened, 400)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_rows(self, rows: list[HarmRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._when_keys = [approx_sort_text(r.harm.when_text) for r in self._rows]
        self.endResetModel()

    def rows(self) -> list[HarmRow]:
        return list(self._rows)

    def row_of(self, harm_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == harm_id:
                return i
        return -1

    def upsert(self, row: HarmRow) -> None:
        i = self.row_of(row.id)
        if i >= 0:
            self._rows[i] = row
            self._when_keys[i] = approx_sort_text(row.harm.when_text)
            self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
            return
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self._when_keys.append(approx_sort_text(row.harm.when_text))
        self.endInsertRows()

    def remove(self, harm_id: int) -> None:
        i = self.row_of(harm_id)
        if i < 0:
            return
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        del self._when_keys[i]
        self.endRemoveRows()


class HarmsProxy(QSortFilterProxyModel):
    """Sorts harms by the sort role and, when a pattern is chosen, shows only matching harms."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._category: str | None = None
        self._tag_id: int | None = None

    def set_pattern(self, category: str | None = None, tag_id: int | None = None) -> None:
        self.beginFilterChange()
        self._category, self._tag_id = category, tag_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row: HarmRow = self.sourceModel()._rows[source_row]  # type: ignore[attr-defined]
        if self._category is not None and row.harm.category.value != self._category:
            return False
        return not (self._tag_id is not None and self._tag_id not in row.tag_ids)
