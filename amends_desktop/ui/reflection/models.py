"""Table models of the Reflection tab: the journal (lazy, for 100,000 entries) and search results."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from amends_desktop.domain.enums import EntryKind
from amends_desktop.services.reflection import EntryRow, ReflectionService
from amends_desktop.services.search import SearchResult, snippet_html
from amends_desktop.ui.table_models import HeadedTableModel

_Index = QModelIndex | QPersistentModelIndex

PAGE = 200  # rows fetched at once when the view scrolls to rows not yet read
CACHE_ROWS = 5000


def day_text(iso: str) -> str:
    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return f"{d.day} {d.strftime('%b %Y')}"


class JournalModel(HeadedTableModel):
    """Entries in display order. Holds the ids only and reads rows a page at a time as they are shown
    (like Anki's browser), so opening the journal with 100,000 entries stays quick. Sorting and the
    kind filter are done by the vault (``sort`` re-reads the id list)."""

    DATE, KIND, MOOD, CRAVING, LINK, PREVIEW = range(6)
    HEADERS = ("Date", "Kind", "Mood", "Craving", "Linked to", "Beginning")
    SORT_KEYS = ("date", "kind", "mood", "craving", "link", "date")
    SortRole = Qt.ItemDataRole.UserRole + 1
    ObjectRole = Qt.ItemDataRole.UserRole + 2
    IdRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, service: ReflectionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._ids: list[int] = []
        self._rows: OrderedDict[int, EntryRow] = OrderedDict()
        self._sort = ("date", True)
        self._kind: EntryKind | None = None

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self.service.entry_ids(self._sort[0], self._sort[1], self._kind)
        self._rows.clear()
        self.endResetModel()

    def set_kind(self, kind: EntryKind | None) -> None:
        if kind != self._kind:
            self._kind = kind
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        key = (self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        if key != self._sort:
            self._sort = key
            self.reload()

    def refresh_entry(self, entry_id: int) -> None:
        """One entry changed: re-read it and tell the views about that row only."""
        self._rows.pop(entry_id, None)
        row = self.row_of(entry_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, entry_id: int) -> int:
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return -1

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def _row(self, row: int) -> EntryRow | None:
        entry_id = self._ids[row]
        got = self._rows.get(entry_id)
        if got is not None:
            return got
        start = max(0, row - PAGE // 4)
        wanted = [i for i in self._ids[start:start + PAGE] if i not in self._rows]
        fetched = self.service.entry_rows(wanted)
        for i in wanted:
            if i in fetched:
                self._rows[i] = fetched[i]
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(entry_id)

    # -- Qt model -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)



    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
                        self.SortRole, self.ObjectRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        r = self._row(index.row())
        if r is None:
            return None
        col = index.column()
        if role == self.ObjectRole:
            return r
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.MOOD, self.CRAVING):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == self.SortRole:
            return (r.written_on, r.kind.label, r.mood if r.mood is not None else -1,
                    r.craving if r.craving is not None else -1, r.link, r.preview)[col]
        if col == self.DATE:
            return day_text(r.written_on)
        if col == self.KIND:
            return r.kind.label
        if col == self.MOOD:
            return "" if r.mood is None else str(r.mood)
        if col == self.CRAVING:
            text = "" if r.craving is None else str(r.craving)
            if r.thoughts_of_using:
                extra = "thoughts" if role == Qt.ItemDataRole.DisplayRole else "thoughts of using"
                text = f"{text} · {extra}" if text else extra
            return text
        if col == self.LINK:
            return r.link
        if col == self.PREVIEW:
            return r.preview
        return None


class ServerSortProxy(QSortFilterProxyModel):
    """A pass-through proxy whose sorting is done by the source model (in SQL), not by reading
    every row: with 100,000 lazily read entries, sorting in the proxy would read them all."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


class SearchResultsModel(QAbstractListModel):
    """Search results, best first. DisplayRole is plain text; HtmlRole has the title, the place and
    the snippet with its hits in bold (everything typed is escaped first)."""

    ObjectRole = Qt.ItemDataRole.UserRole + 2
    HtmlRole = Qt.ItemDataRole.UserRole + 4
    SortRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: list[SearchResult] = []

    def set_results(self, results: list[SearchResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def results(self) -> list[SearchResult]:
        return list(self._results)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        r = self._results[index.row()]
        plain = r.snippet.replace("\x02", "").replace("\x03", "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{r.title} · {r.where}: {plain}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.where} — press Enter to open it"
        if role == self.HtmlRole:
            from html import escape

            return (f"<b>{escape(r.title)}</b> <i>· {escape(r.where)}</i><br>"
                    f"{snippet_html(r.snippet)}")
        if role == self.ObjectRole:
            return r
        if role == self.SortRole:
            return index.row()
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HtmlRole as rich text (the hits in bold), using the palette's colours."""

    def __init__(self, role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(4)
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        doc.setHtml(str(index.data(self.role) or ""))
        doc.setTextWidth(max(50, option.rect.width()))  # type: ignore[attr-defined]
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(option, index)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group, role))  # type: ignore[attr-defined]
        painter.save()
        rect = opt.rect  # type: ignore[attr-defined]
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)
