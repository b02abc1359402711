"""Stacked columns per day or week: how often each self-care item was ticked."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Property, QLineF, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from ._common import (
    PADDING,
    ChartBase,
    ChartColors,
    Column,
    blend,
    format_day,
    format_number,
    nice_step,
    series_colors,
    small_font,
)
from .time_series import window_label

SELF_CARE_ITEMS: tuple[tuple[str, str], ...] = (
    ("meeting", "Meeting"),
    ("meditation", "Meditation or prayer"),
    ("exercise", "Exercise"),
    ("called_sponsor", "Called sponsor"),
    ("ate", "Ate"),
    ("slept", "Slept"),
)


class StackedDailyChart(ChartBase):
    """How many days each item (self-care by default) was ticked, stacked per column.

    ``set_entries([(date, ["meeting", "ate"]), ...])``: one tuple per entry, with the keys of the
    items ticked. Several entries on one day count that day once per item. Windows of up to 31
    days show one column per day (0 or 1 per item); longer windows one column per week (Monday to
    Sunday, 0 to 7 days per item). ``window_days`` and ``set_today`` work as on
    ``TimeSeriesChart``, so one period selector can drive both.
    """

    windowDaysChanged = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        categories: Sequence[tuple[str, str]] = SELF_CARE_ITEMS,
        window_days: int = 90,
        today: _dt.date | None = None,
        accessible_name: str = "Self-care over time",
        accessible_description: str = "",
    ) -> None:
        super().__init__(
            [],
            parent,
            accessible_name=accessible_name,
            accessible_description=accessible_description,
        )
        self._categories: list[tuple[str, str]] = [(str(k), str(v)) for k, v in categories]
        self._days: dict[int, set[str]] = {}
        self._window = max(1, int(window_days))
        self._today = today
        self._cols_cache: tuple[tuple[Any, ...], list[tuple[int, int, list[int]]]] | None = None
        self._version = 0
        self._rebuild_model()
        self._update_accessible_description()

    # -- data ---------------------------------------------------------------------------
    def set_categories(self, categories: Sequence[tuple[str, str]]) -> None:
        """``(key, label)`` pairs, bottom of the stack first."""
        self._categories = [(str(k), str(v)) for k, v in categories]
        self._version += 1
        self._rebuild_model()
        self._data_changed()

    def categories(self) -> list[tuple[str, str]]:
        return list(self._categories)

    def set_entries(self, entries: Iterable[tuple[_dt.date, Iterable[str]]]) -> None:
        days: dict[int, set[str]] = {}
        for day, items in entries:
            o = day.toordinal()
            got = days.get(o)
            if got is None:
                days[o] = set(map(str, items))
            else:
                got.update(map(str, items))
        self._days = days
        self._version += 1
        self._rebuild_model()
        self._data_changed()

    def today(self) -> _dt.date:
        return self._today or _dt.date.today()

    def set_today(self, today: _dt.date | None) -> None:
        self._today = today
        self._rebuild_model()
        self._data_changed()

    def get_window_days(self) -> int:
        return self._window

    def set_window_days(self, days: int) -> None:
        days = int(days)
        if days < 1:
            raise ValueError("window_days must be at least 1")
        if days == self._window:
            return
        self._window = days
        self._rebuild_model()
        self._data_changed()
        self.windowDaysChanged.emit(days)

    window_days = Property(int, get_window_days, set_window_days, notify=windowDaysChanged)

    def bucket_days(self) -> int:
        """1 (a column per day) for windows up to 31 days, else 7 (a column per week)."""
        return 1 if self._window <= 31 else 7

    def columns_data(self) -> list[tuple[int, int, list[int]]]:
        """``(first day, last day, [days ticked per category])`` per column, oldest first."""
        end = self.today().toordinal()
        start = end - self._window + 1
        key = (self._version, start, end)
        if self._cols_cache is not None and self._cols_cache[0] == key:
            return self._cols_cache[1]
        size = self.bucket_days()
        # Weeks run Monday to Sunday, the last one holding today.
        first = start - _dt.date.fromordinal(start).weekday() if size == 7 else start
        index = {k: i for i, (k, _) in enumerate(self._categories)}
        cols: list[tuple[int, int, list[int]]] = []
        for col_start in range(first, end + 1, size):
            counts = [0] * len(self._categories)
            for o in range(max(col_start, start), min(col_start + size - 1, end) + 1):
                for item in self._days.get(o, ()):
                    i = index.get(item)
                    if i is not None:
                        counts[i] += 1
            cols.append((col_start, col_start + size - 1, counts))
        self._cols_cache = (key, cols)
        return cols

    def is_empty(self) -> bool:
        return not self._categories or not any(sum(c) for _, _, c in self.columns_data())

    def _empty_message(self) -> tuple[str, str]:
        if self._days and self._categories:
            return f"Nothing ticked in the {window_label(self._window).lower()}", (
                "Choose a longer period to see earlier entries."
            )
        return super()._empty_message()

    def _summary(self) -> str:
        cols = self.columns_data()
        totals = [sum(c[i] for _, _, c in cols) for i in range(len(self._categories))]
        unit = "days"
        parts = [f"{window_label(self._window)}, days ticked per item:"]
        parts += [f"{label} {t} {unit}" for (_, label), t in zip(self._categories, totals, strict=True)]
        return parts[0] + " " + ", ".join(parts[1:]) + "."

    def _rebuild_model(self) -> None:
        first_title = "Day" if self.bucket_days() == 1 else "Week of"
        columns = [Column(first_title, fmt=lambda o: format_day(self, o))]
        columns += [Column(label, numeric=True) for _, label in self._categories]
        columns.append(Column("Total", numeric=True))
        if [c.title for c in columns] != [c.title for c in self._model.columns()]:
            self._model.set_columns(columns)
        rows = []
        if not self.is_empty():
            rows = [(s, *counts, sum(counts)) for s, _, counts in self.columns_data()]
        self._model.set_rows(rows)

    # -- geometry -----------------------------------------------------------------------
    def _legend_rows(self, width: float) -> list[list[tuple[int, float]]]:
        """Legend items laid out in lines: ``(category index, x)``."""
        fm = QFontMetrics(small_font(self))
        lines: list[list[tuple[int, float]]] = [[]]
        x = 0.0
        for i, (_, label) in enumerate(self._categories):
            w = 14 + fm.horizontalAdvance(label) + 16
            if lines[-1] and x + w > width:
                lines.append([])
                x = 0.0
            lines[-1].append((i, x))
            x += w
        return lines

    def _y_max(self) -> float:
        top = max((sum(c) for _, _, c in self.columns_data()), default=0)
        step = nice_step(max(top, self.bucket_days()), 4)
        return step * -(-max(top, 1) // step)

    def plot_rect(self) -> QRectF:
        sfm = QFontMetrics(small_font(self))
        legend_lines = len(self._legend_rows(self.width() - 2 * PADDING))
        top = PADDING + legend_lines * (sfm.height() + 6) + 8
        y_label_w = sfm.horizontalAdvance(format_number(self._y_max())) + 10
        return QRectF(self.rect()).adjusted(PADDING + y_label_w, top, -PADDING - 4, -PADDING - sfm.height() - 8)

    def column_rects(self) -> list[QRectF]:
        """The full-height slot of each column (its hover target)."""
        plot = self.plot_rect()
        n = len(self.columns_data())
        if n == 0:
            return []
        slot = plot.width() / n
        return [QRectF(plot.left() + i * slot, plot.top(), slot, plot.height()) for i in range(n)]

    def sizeHint(self) -> QSize:
        return QSize(560, 280)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 170)

    # -- painting -----------------------------------------------------------------------
    def _paint_chart(self, painter: QPainter, colors: ChartColors) -> None:
        plot = self.plot_rect()
        if plot.width() < 10 or plot.height() < 10:
            return
        cols = self.columns_data()
        ccol = series_colors(self.palette(), len(self._categories))
        small = small_font(self)
        sfm = QFontMetrics(small)
        painter.setFont(small)
        # Legend.
        for line_no, line in enumerate(self._legend_rows(self.width() - 2 * PADDING)):
            y = PADDING + line_no * (sfm.height() + 6)
            for i, x in line:
                x += PADDING
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ccol[i])
                painter.drawRoundedRect(QRectF(x, y + (sfm.height() - 10) / 2, 10, 10), 2.5, 2.5)
                painter.setPen(colors.text)
                painter.drawText(QPointF(x + 14, y + sfm.ascent()), self._categories[i][1])
        # Grid.
        y_max = self._y_max()
        step = nice_step(y_max, 4)
        v = 0.0
        while v <= y_max + 1e-9:
            y = round(plot.bottom() - v / y_max * plot.height()) + 0.5
            painter.setPen(QPen(colors.grid if v else colors.axis, 1))
            painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
            painter.setPen(colors.muted)
            painter.drawText(
                QRectF(PADDING, y - sfm.height() / 2, plot.left() - PADDING - 8, sfm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                format_number(v),
            )
            v += step
        # Columns.
        rects = self.column_rects()
        slot = rects[0].width() if rects else 0.0
        width = max(2.0, min(28.0, slot * 0.62))
        hover = self._hover if isinstance(self._hover, int) else None
        if hover is not None and 0 <= hover < len(rects):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(blend(colors.base, colors.track, 0.7))
            painter.drawRoundedRect(rects[hover].adjusted(1, -4, -1, 0), 4, 4)
        gap = 1.0 if width >= 6 else 0.0
        for (_, _, counts), slot_rect in zip(cols, rects, strict=True):
            total = sum(counts)
            if not total:
                continue
            x = slot_rect.center().x() - width / 2
            full_h = total / y_max * plot.height()
            clip = QPainterPath()
            clip.addRoundedRect(QRectF(x, plot.bottom() - full_h, width, full_h), 3, 3)
            clip.addRect(QRectF(x, plot.bottom() - 3, width, 3))
            painter.save()
            painter.setClipPath(clip)
            painter.setPen(Qt.PenStyle.NoPen)
            y = plot.bottom()
            for count, color in zip(counts, ccol, strict=True):
                if not count:
                    continue
                h = count / y_max * plot.height()
                painter.setBrush(color)
                painter.drawRect(QRectF(x, y - h + gap, width, max(0.5, h - gap)))
                y -= h
            painter.restore()
        # Date labels.
        painter.setPen(colors.muted)
        base_y = plot.bottom()
        n = len(cols)
        every = 1
        if rects:
            label_w = sfm.horizontalAdvance(format_day(self, cols[0][0], "d MMM")) + 14
            every = max(1, -(-int(label_w) // max(1, int(slot))))
        for i in range(n - 1, -1, -every):  # anchor on the newest column
            text = format_day(self, cols[i][0], "d MMM")
            w = sfm.horizontalAdvance(text)
            x = rects[i].center().x() - w / 2
            if x < PADDING or x + w > self.width() - PADDING / 2:
                continue
            painter.drawText(QPointF(x, base_y + 6 + sfm.ascent()), text)

    def _hover_key_at(self, pos: QPointF) -> Hashable | None:
        for i, r in enumerate(self.column_rects()):
            if r.adjusted(0, -8, 0, 8).contains(pos):
                return i if sum(self.columns_data()[i][2]) else None
        return None

    def tooltip_at(self, pos: QPoint | QPointF) -> str | None:
        i = self._hover_key_at(QPointF(pos))
        if not isinstance(i, int):
            return None
        first, _last, counts = self.columns_data()[i]
        if self.bucket_days() == 1:
            head = format_day(self, first, "ddd d MMM yyyy")
            lines = [head] + [label for (_, label), c in zip(self._categories, counts, strict=True) if c]
        else:
            head = f"Week of {format_day(self, first, 'd MMM yyyy')}"
            lines = [head] + [
                f"{label}: {c} {'day' if c == 1 else 'days'}"
                for (_, label), c in zip(self._categories, counts, strict=True)
                if c
            ]
        return "\n".join(lines)

    def category_color(self, index: int) -> QColor:
        return series_colors(self.palette(), len(self._categories))[index]
