"""Small building blocks for the Planner: a record table model, a date field, section pages,
the script highlighter and a strip of kept/missed periods."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.domain.script_check import Finding

_AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass
class Col:
    """One column of a RecordTableModel: its title, how to show it, and optionally how to edit it.

    ``edit(record, text)`` stores the change and returns the saved record; it may raise
    ``ValueError`` with a message for the user (the text stays where it was typed).
    """

    title: str
    show: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    edit: Callable[[Any, str], Any] | None = None
    raw: Callable[[Any], str] | None = None  # the text offered to the editor (defaults to show)


class RecordTableModel(QAbstractTableModel):
    """Rows of plain records (dataclasses) with column specs; edits go through the columns' callbacks."""

    ObjectRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    editFailed = Signal(str)  # noqa: N815

    def __init__(self, columns: Sequence[Col], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        record = self._rows[index.row()]
        col = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return col.show(record)
        if role == Qt.ItemDataRole.EditRole:
            return (col.raw or col.show)(record)
        if role == self.SortRole:
            return (col.sort or col.show)(record)
        if role == self.ObjectRole:
            return record
        return None

    def setData(self, index: _AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        col = self._columns[index.column()]
        if col.edit is None:
            return False
        try:
            saved = col.edit(self._rows[index.row()], str(value))
        except ValueError as exc:
            self.editFailed.emit(str(exc))
            return False
        self._rows[index.row()] = saved
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section].title
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._columns[index.column()].edit is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        return base


def make_table(model: QAbstractTableModel, name: str, *, rows: int = 5) -> QTableView:
    """A calm table view over ``model`` behind a sort proxy."""
    from PySide6.QtCore import QSortFilterProxyModel

    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(RecordTableModel.SortRole)
    view = QTableView()
    view.setModel(proxy)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(110)
    view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * (rows + 1) + 6)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return view


def selected_record(view: QTableView) -> Any:
    index = view.currentIndex()
    if not index.isValid():
        return None
    return index.data(RecordTableModel.ObjectRole)


class DateField(QWidget):
    """A date typed as YYYY-MM-DD (or left empty), with a button for today."""

    edited = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText("YYYY-MM-DD")
        self.line.setAccessibleName(name)
        self.line.setMaximumWidth(160)
        self.line.setClearButtonEnabled(True)
        self.today_button = QToolButton()
        self.today_button.setText("Today")
        self.today_button.setAccessibleName(f"{name}: today")
        self.today_button.clicked.connect(self.set_today)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.today_button)
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self.edited.emit)

    def text(self) -> str:
        return self.line.text().strip()

    def setText(self, text: str | None) -> None:
        self.line.setText(text or "")

    def set_today(self) -> None:
        self.line.setText(_dt.date.today().isoformat())
        self.edited.emit(self.line.text())


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def subheading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class Page(QScrollArea):
    """One section of the plan editor: a heading, a short intro and a column of content that
    never grows wider than is comfortable to read."""

    def __init__(self, title: str, intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(title)
        inner = QWidget()
        outer = QHBoxLayout(inner)
        outer.setContentsMargins(24, 16, 24, 24)
        column = QWidget()
        column.setMaximumWidth(980)
        self.body = QVBoxLayout(column)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(10)
        self.body.addWidget(heading(title))
        if intro:
            self.body.addWidget(hint(intro))
        outer.addWidget(column, 1)
        outer.addStretch(0)
        self.setWidget(inner)
        self.title = title

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self.body.addWidget(widget, stretch)
        return widget

    def finish(self) -> None:
        self.body.addStretch(1)


def row(*widgets: QWidget | None, stretch_last: bool = False) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        if w is None:
            layout.addStretch(1)
        else:
            layout.addWidget(w)
    if not stretch_last and None not in widgets:
        layout.addStretch(1)
    return box


# -- the script check ------------------------------------------------------------------------------
class ScriptHighlighter(QSyntaxHighlighter):
    """Underlines the spans the script check found (wavy, in a warm colour; never blocking)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[tuple[int, int]] = []
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._format.setUnderlineColor(QColor("#c0392b"))
        self._format.setBackground(QColor(255, 196, 0, 50))

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self._spans = [(f.start, f.end) for f in findings if f.start is not None and f.end is not None]
        self.rehighlight()

    def spans(self) -> list[tuple[int, int]]:
        return list(self._spans)

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start, end = block.position(), block.position() + len(text)
        for s, e in self._spans:
            if e <= start or s >= end:
                continue
            a, b = max(s, start) - start, min(e, end) - start
            self.setFormat(a, b - a, self._format)


# -- a strip of periods for living commitments ---------------------------------------------------------
class PeriodStrip(QWidget):
    """The last periods of a commitment as squares: kept (filled), missed (outlined), nothing (faint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._periods: list[tuple[_dt.date, bool | None]] = []
        self.setAccessibleName("Check-ins over recent periods")
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_periods(self, periods: Sequence[tuple[_dt.date, bool | None]]) -> None:
        self._periods = list(periods)
        kept = sum(1 for _, k in periods if k)
        missed = sum(1 for _, k in periods if k is False)
        self.setAccessibleDescription(
            f"Of the last {len(periods)} periods: {kept} kept, {missed} missed, {len(periods) - kept - missed} with nothing recorded."
        )
        self.setToolTip(self.accessibleDescription())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 64)

    def paintEvent(self, event: Any) -> None:
        if not self._periods:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        n = len(self._periods)
        gap = 6.0
        size = min(30.0, (self.width() - 24 - gap * (n - 1)) / n)
        kept_color = QColor("#2e8b57")
        missed_color = QColor("#c0392b")
        faint = pal.color(QPalette.ColorRole.Mid)
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.8)
        painter.setFont(small)
        for i, (start, kept) in enumerate(self._periods):
            x = 12 + i * (size + gap)
            rect = QRectF(x, 4, size, size)
            if kept:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(kept_color)
            elif kept is False:
                painter.setPen(missed_color)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(faint)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)
            if i == 0 or i == n - 1 or i % 4 == 0:
                painter.setPen(pal.color(QPalette.ColorRole.Text))
                painter.drawText(QRectF(x - 10, size + 8, size + 20, 18), Qt.AlignmentFlag.AlignHCenter, start.strftime("%d %b"))
        painter.end()
