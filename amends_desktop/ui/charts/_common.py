"""Shared pieces of the chart widgets: palette colours, the table model, the base widget.

Every colour comes from the widget's palette (or is a blend of two palette colours), so the charts
follow the system theme, dark mode included.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

Role = QPalette.ColorRole

PADDING = 12
NO_DATA_TEXT = "No data yet"

_AnyIndex = QModelIndex | QPersistentModelIndex


# --------------------------------------------------------------------------------------------
# Colours
# --------------------------------------------------------------------------------------------


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """Mix two colours: ``t = 0`` gives ``a``, ``t = 1`` gives ``b``."""
    t = min(1.0, max(0.0, t))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Base).lightnessF() < 0.5


def series_colors(palette: QPalette, count: int) -> list[QColor]:
    """``count`` calm, distinguishable colours derived from the palette's Highlight.

    The first is the Highlight colour itself (nudged for contrast against Base if needed); the
    others turn its hue around the colour wheel at a muted saturation and a lightness that reads on
    the palette's Base (darker on a light background, lighter on a dark one).
    """
    if count <= 0:
        return []
    accent = QColor(palette.color(Role.Highlight))
    hue, sat, light, _ = accent.getHslF()
    if hue < 0 or sat < 0.2:  # a grey Highlight: give the rotation something to turn
        hue = 0.58 if hue < 0 else hue
        sat = 0.5
    dark = is_dark(palette)
    lo, hi = (0.58, 0.74) if dark else (0.42, 0.56)
    first_light = min(hi, max(lo, light))
    first_sat = max(0.35, min(sat, 0.75))
    if count == 1:
        return [QColor.fromHslF(hue, first_sat, first_light)]
    # Even hue steps, visited in an interleaved order so that neighbours (adjacent segments of a
    # stack, or the two lines of a pair) are far apart on the colour wheel: for six, 0 3 1 4 2 5.
    half = (count + 1) // 2
    order = [j for pair in zip(range(half), range(half, count), strict=False) for j in pair]
    if count % 2:
        order.append(half - 1)
    soft_sat = min(0.5, max(0.32, sat * 0.7)) if not dark else min(0.6, max(0.4, sat * 0.8))
    colors = []
    for i, step in enumerate(order):
        if i == 0:
            colors.append(QColor.fromHslF(hue, first_sat, first_light))
            continue
        shade = (lo + hi) / 2 + (0.04 if i % 2 else -0.02)
        colors.append(QColor.fromHslF((hue + step / count) % 1.0, soft_sat, shade))
    return colors


@dataclass(frozen=True)
class ChartColors:
    base: QColor
    text: QColor
    muted: QColor
    grid: QColor
    axis: QColor
    track: QColor
    accent: QColor
    accent_hover: QColor
    accent_soft: QColor
    accent_text: QColor
    focus: QColor

    @classmethod
    def from_palette(cls, pal: QPalette) -> ChartColors:
        base = pal.color(Role.Base)
        text = pal.color(Role.Text)
        mid = pal.color(Role.Mid)
        muted = pal.color(Role.PlaceholderText)
        if abs(muted.lightnessF() - base.lightnessF()) < 0.25:  # some themes leave it too faint
            muted = blend(text, base, 0.35)
        accent = series_colors(pal, 1)[0]
        dark = is_dark(pal)
        return cls(
            base=base,
            text=text,
            muted=muted,
            grid=blend(base, mid, 0.45),
            axis=blend(base, mid, 0.9),
            track=blend(base, mid, 0.22),
            accent=accent,
            accent_hover=accent.lighter(120) if dark else accent.darker(120),
            accent_soft=blend(base, accent, 0.45),
            accent_text=pal.color(Role.HighlightedText),
            focus=pal.color(Role.Highlight),
        )


# --------------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------------


def format_number(value: float) -> str:
    """``3`` for whole numbers, ``3.5`` otherwise."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def qdate(day: _dt.date | int) -> QDate:
    if isinstance(day, int):
        day = _dt.date.fromordinal(day)
    return QDate(day.year, day.month, day.day)


def format_day(widget: QWidget, day: _dt.date | int, fmt: str = "d MMM yyyy") -> str:
    return widget.locale().toString(qdate(day), fmt)


def small_font(widget: QWidget) -> QFont:
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    else:
        font.setPixelSize(max(9, round(font.pixelSize() * 0.9)))
    return font


def bold_font(widget: QWidget) -> QFont:
    font = QFont(widget.font())
    font.setWeight(QFont.Weight.DemiBold)
    return font


def nice_step(span: float, max_ticks: int = 5) -> float:
    """A 1/2/5 x 10^n step giving at most ``max_ticks`` intervals over ``span``."""
    if span <= 0:
        return 1.0
    magnitude = 1.0
    while magnitude * 10 <= span:
        magnitude *= 10
    while magnitude > span:
        magnitude /= 10
    for mult in (0.1, 0.2, 0.5, 1, 2, 5, 10):
        step = mult * magnitude
        if span / step <= max_ticks:
            return step
    return 10 * magnitude


# --------------------------------------------------------------------------------------------
# Table model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One table column: a header, how a raw cell value is shown, and whether it is numeric."""

    title: str
    fmt: Callable[[Any], str] | None = None
    numeric: bool = False


class ChartTableModel(QAbstractTableModel):
    """The data behind a chart as plain rows: the chart's table alternative.

    Rows hold raw values (numbers, ordinals, strings). ``Qt.DisplayRole`` gives the formatted text,
    ``SortRole`` the raw value (for a ``QSortFilterProxyModel``). ``None`` shows as an empty cell.
    """

    SortRole = Qt.ItemDataRole.UserRole
    RawRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: list[Column] = list(columns)
        self._rows: list[tuple[Any, ...]] = []

    # -- updates --------------------------------------------------------------------------
    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._rows = []
        self.endResetModel()

    def set_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def columns(self) -> list[Column]:
        return list(self._columns)

    def rows(self) -> list[tuple[Any, ...]]:
        return list(self._rows)

    # -- Qt API ---------------------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(self._columns)):
            return None
        column = self._columns[col]
        value = self._rows[row][col] if col < len(self._rows[row]) else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if value is None:
                return ""
            if column.fmt is not None:
                return column.fmt(value)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return format_number(value)
            return str(value)
        if role == self.SortRole:
            if value is None:
                return float("-inf") if column.numeric else ""
            return value
        if role == self.RawRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                numeric = self._columns[section].numeric
                horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
                return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._rows)
        ):
            return str(section + 1)
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# --------------------------------------------------------------------------------------------
# Base widget
# --------------------------------------------------------------------------------------------


class ChartBase(QWidget):
    """Common behaviour: palette background, "No data yet", hover tracking and tooltips.

    Subclasses implement ``is_empty()``, ``_paint_chart()``, ``tooltip_at()`` and
    ``_hover_key_at()``, and keep ``self._model`` (see ``table_model()``) in step with their data.
    """

    contentsChanged = Signal()  # noqa: N815 - Qt signal naming; after new data or a new window

    def __init__(
        self,
        columns: Sequence[Column],
        parent: QWidget | None = None,
        *,
        accessible_name: str = "Chart",
        accessible_description: str = "",
    ) -> None:
        super().__init__(parent)
        self._model = ChartTableModel(columns, self)
        self._empty_text = NO_DATA_TEXT
        self._empty_hint = ""
        self._hover: Hashable | None = None
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(accessible_name)
        self._base_description = accessible_description
        self.setAccessibleDescription(accessible_description)

    # -- public -------------------------------------------------------------------------
    def table_model(self) -> ChartTableModel:
        """The same data as rows, for a table view (the accessible alternative)."""
        return self._model

    def empty_text(self) -> str:
        return self._empty_text

    def set_empty_text(self, text: str, hint: str = "") -> None:
        """The message drawn when there is nothing to show, and an optional quieter second line."""
        self._empty_text = text
        self._empty_hint = hint
        self.update()

    def set_description(self, description: str) -> None:
        """The fixed part of the accessible description; a data summary is appended to it."""
        self._base_description = description
        self._update_accessible_description()

    def is_empty(self) -> bool:  # pragma: no cover - overridden
        return True

    def tooltip_at(self, pos: QPoint | QPointF) -> str | None:  # pragma: no cover - overridden
        return None

    def colors(self) -> ChartColors:
        return ChartColors.from_palette(self.palette())

    # -- for subclasses -----------------------------------------------------------------
    def _summary(self) -> str:
        return ""

    def _empty_message(self) -> tuple[str, str]:
        return self._empty_text, self._empty_hint

    def _hover_key_at(self, pos: QPointF) -> Hashable | None:
        return None

    def _paint_chart(self, painter: QPainter, colors: ChartColors) -> None:  # pragma: no cover
        pass

    def _data_changed(self) -> None:
        """Call after the data changed: refreshes the description and repaints."""
        self._hover = None
        self._update_accessible_description()
        self.updateGeometry()
        self.update()
        self.contentsChanged.emit()

    def _update_accessible_description(self) -> None:
        parts = [self._base_description.strip(), self._summary().strip()]
        if self.is_empty():
            parts[1] = self._empty_message()[0] + "."
        self.setAccessibleDescription(" ".join(p for p in parts if p))

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QEvent) -> None:
        painter = QPainter(self)
        try:
            colors = self.colors()
            painter.fillRect(self.rect(), colors.base)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            if self.is_empty():
                self._paint_empty(painter, colors)
            else:
                self._paint_chart(painter, colors)
        finally:
            painter.end()

    def _paint_empty(self, painter: QPainter, colors: ChartColors) -> None:
        text, hint = self._empty_message()
        area = QRectF(self.rect()).adjusted(PADDING, PADDING, -PADDING, -PADDING)
        if area.width() < 20 or area.height() < 20:
            return
        painter.setPen(QPen(colors.grid, 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(area.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        font = QFont(self.font())
        fm = QFontMetrics(font)
        small = small_font(self)
        sfm = QFontMetrics(small)
        block = fm.height() + ((sfm.height() + 4) if hint else 0)
        top = area.center().y() - block / 2
        painter.setPen(colors.muted)
        painter.setFont(font)
        painter.drawText(
            QRectF(area.left() + 8, top, area.width() - 16, fm.height()),
            Qt.AlignmentFlag.AlignCenter,
            fm.elidedText(text, Qt.TextElideMode.ElideRight, int(area.width() - 16)),
        )
        if hint:
            painter.setFont(small)
            painter.drawText(
                QRectF(area.left() + 8, top + fm.height() + 4, area.width() - 16, sfm.height()),
                Qt.AlignmentFlag.AlignCenter,
                sfm.elidedText(hint, Qt.TextElideMode.ElideRight, int(area.width() - 16)),
            )

    # -- events -------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = None if self.is_empty() else self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: Any) -> None:
        pos = event.position()
        key = None if self.is_empty() else self._hover_key_at(pos)
        if key != self._hover:
            self._hover = key
            self.update()
            if QToolTip.isVisible():  # follow the mouse from one bar or point to the next
                text = self.tooltip_at(pos) if key is not None else None
                if text:
                    QToolTip.showText(event.globalPosition().toPoint(), text, self)
                else:
                    QToolTip.hideText()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
            QEvent.Type.LocaleChange,
            QEvent.Type.StyleChange,
        ):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)
