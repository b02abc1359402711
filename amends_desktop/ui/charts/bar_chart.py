"""Horizontal bar chart: one labelled bar per key, clickable to filter a list."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import QWidget

from ._common import PADDING, ChartBase, ChartColors, Column, format_number
from ._hbars import ROW_MAX, ROW_MIN, HBarLayout, layout_hbars, paint_hbars

Bar = tuple[str, str, float]


class BarChart(ChartBase):
    """Horizontal bars, each a label and a count, in the order given.

    ``set_bars([(key, label, count), ...])`` (or ``(label, count)`` pairs, key = label).
    Clicking a bar, or Enter/Space on the bar focused with the arrow keys, emits
    ``barClicked(key)``. ``set_selected_key(key)`` marks the bar of an active filter (the others
    are drawn softer); ``None`` clears it. Bars that do not fit are summarised as "+ N more" and
    are all in the table model.
    """

    barClicked = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label_title: str = "Category",
        value_title: str = "Count",
        accessible_name: str = "Bar chart",
        accessible_description: str = "",
    ) -> None:
        super().__init__(
            [Column(label_title), Column(value_title, numeric=True)],
            parent,
            accessible_name=accessible_name,
            accessible_description=accessible_description,
        )
        self._keys: list[str] = []
        self._labels: list[str] = []
        self._values: list[float] = []
        self._texts: list[str] = []
        self._vmax = 0.0
        self._total = 0.0
        self._selected: str | None = None
        self._current = -1
        self._pressed: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._update_accessible_description()

    # -- data ---------------------------------------------------------------------------
    def set_bars(self, bars: Iterable[Sequence[Any]]) -> None:
        keys: list[str] = []
        labels: list[str] = []
        values: list[float] = []
        for bar in bars:
            if len(bar) == 2:
                label, value = bar
                key = label
            else:
                key, label, value = bar[0], bar[1], bar[2]
            keys.append(str(key))
            labels.append(str(label))
            values.append(value)
        self._keys, self._labels, self._values = keys, labels, values
        self._texts = [format_number(v) for v in values]
        self._vmax = max(values, default=0.0)
        self._total = sum(values)
        if self._current >= len(keys):
            self._current = len(keys) - 1
        self._model.set_rows(list(zip(labels, values, strict=True)))
        self._data_changed()

    def bars(self) -> list[Bar]:
        return list(zip(self._keys, self._labels, self._values, strict=True))

    def keys(self) -> list[str]:
        return list(self._keys)

    def set_selected_key(self, key: str | None) -> None:
        """Mark the bar whose filter is active (others drawn softer); ``None`` for no filter."""
        self._selected = key
        self.update()

    def selected_key(self) -> str | None:
        return self._selected

    def current_index(self) -> int:
        """The bar with the keyboard focus, or -1."""
        return self._current

    def set_current_index(self, index: int) -> None:
        visible = len(self._layout().rows)
        if visible == 0:
            self._current = -1
        else:
            self._current = max(0, min(index, visible - 1))
        self.update()

    def is_empty(self) -> bool:
        return not self._keys or self._vmax <= 0

    # -- geometry -----------------------------------------------------------------------
    def _layout(self) -> HBarLayout:
        area = QRectF(self.rect()).adjusted(PADDING + 6, PADDING, -PADDING - 6, -PADDING)
        return layout_hbars(self, area, self._labels, self._values, self._texts, self._vmax)

    def bar_rect(self, index: int) -> QRect:
        """The drawn bar of ``index`` (at least a few pixels wide); empty if it is not shown."""
        rows = self._layout().rows
        if not (0 <= index < len(rows)) or self.is_empty():
            return QRect()
        bar = QRectF(rows[index].bar)
        bar.setWidth(max(bar.width(), 4.0))
        return bar.toAlignedRect()

    def row_rect(self, index: int) -> QRect:
        """The whole row of ``index`` (label, bar and value): what reacts to the mouse."""
        rows = self._layout().rows
        if not (0 <= index < len(rows)) or self.is_empty():
            return QRect()
        return rows[index].row.toAlignedRect()

    def index_at(self, pos: QPoint | QPointF) -> int:
        if self.is_empty():
            return -1
        p = QPointF(pos)
        for r in self._layout().rows:
            if r.row.contains(p):
                return r.index
        return -1

    def key_at(self, pos: QPoint | QPointF) -> str | None:
        i = self.index_at(pos)
        return self._keys[i] if i >= 0 else None

    def sizeHint(self) -> QSize:
        n = min(max(len(self._keys), 3), 10)
        more = ROW_MIN if len(self._keys) > 10 else 0
        return QSize(420, 2 * PADDING + n * (ROW_MAX - 4) + more)

    def minimumSizeHint(self) -> QSize:
        n = min(max(len(self._keys), 2), 3)
        return QSize(220, 2 * PADDING + n * ROW_MIN)

    # -- painting and hover ---------------------------------------------------------------
    def _paint_chart(self, painter: QPainter, colors: ChartColors) -> None:
        layout = self._layout()
        dimmed = None
        if self._selected is not None and self._selected in self._keys:
            dimmed = {r.index for r in layout.rows if self._keys[r.index] != self._selected}
        focus = self._current if self.hasFocus() and self._current >= 0 else None
        hover = self._hover if isinstance(self._hover, int) else None
        paint_hbars(
            painter,
            self,
            colors,
            layout,
            self._labels,
            self._texts,
            hover=hover,
            focus=focus,
            dimmed=dimmed,
        )

    def _hover_key_at(self, pos: QPointF) -> Hashable | None:
        i = self.index_at(pos)
        return i if i >= 0 else None

    def tooltip_at(self, pos: QPoint | QPointF) -> str | None:
        i = self.index_at(pos)
        if i < 0:
            return None
        return self._bar_text(i)

    def _bar_text(self, i: int) -> str:
        value = self._values[i]
        share = f" ({value / self._total:.0%})" if self._total > 0 else ""
        return f"{self._labels[i]}: {self._texts[i]}{share}"

    def _summary(self) -> str:
        if self.is_empty():
            return ""
        top = max(range(len(self._values)), key=self._values.__getitem__)
        return f"{len(self._keys)} bars. Largest: {self._bar_text(top)}."

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self._hover is None:
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            i = self.index_at(event.position())
            self._pressed = i if i >= 0 else None
            if i >= 0:
                self._current = i
                self.update()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._pressed is not None:
            i = self.index_at(event.position())
            pressed, self._pressed = self._pressed, None
            if i == pressed:
                self.barClicked.emit(self._keys[i])
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- keyboard -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        visible = 0 if self.is_empty() else len(self._layout().rows)
        if visible == 0:
            super().keyPressEvent(event)
            return
        key = event.key()
        cur = self._current if 0 <= self._current < visible else 0
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_PageUp: -max(1, visible - 1),
            Qt.Key.Key_PageDown: max(1, visible - 1),
        }
        if key in step:
            self.set_current_index(cur + step[key])
        elif key == Qt.Key.Key_Home:
            self.set_current_index(0)
        elif key == Qt.Key.Key_End:
            self.set_current_index(visible - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select):
            self._current = cur
            self.update()
            self.barClicked.emit(self._keys[cur])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._current < 0 and not self.is_empty():
            self._current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)
