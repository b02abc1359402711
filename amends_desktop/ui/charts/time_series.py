"""Values over time (mood, craving) in a window of days ending today."""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from PySide6.QtCore import Property, QLineF, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from ._common import (
    PADDING,
    ChartBase,
    ChartColors,
    Column,
    format_day,
    format_number,
    nice_step,
    series_colors,
    small_font,
)

WINDOW_CHOICES = (30, 90, 365)

Point = tuple[_dt.date, float]


def window_label(days: int) -> str:
    if days == 365:
        return "Last year"
    return f"Last {days} days"


@dataclass
class _Series:
    name: str
    ords: list[int]
    vals: list[float]


@dataclass
class Bucket:
    """The points of one series that fall in one pixel column."""

    x: float
    first: int  # first and last day (ordinals) in the column
    last: int
    lo: float
    hi: float
    total: float
    count: int

    @property
    def mean(self) -> float:
        return self.total / self.count


def bucket_points(
    ords: Sequence[int],
    vals: Sequence[float],
    start: int,
    end: int,
    left: float,
    width: float,
) -> list[Bucket]:
    """Decimate sorted points in the days ``start..end`` (ordinals) to one bucket per pixel column.

    Only the points inside the window are visited: ``bisect`` finds the window, then each run of
    equal days is summarised with C-speed ``min``/``max``/``sum`` over a slice, and runs falling in
    the same pixel column are merged. Work is bounded by the number of days, not of points.
    """
    days = end - start + 1
    if days <= 0 or width <= 0:
        return []
    lo_i = bisect_left(ords, start)
    hi_i = bisect_right(ords, end)
    per_day = width / days
    out: list[Bucket] = []
    last_col = None
    i = lo_i
    while i < hi_i:
        day = ords[i]
        j = bisect_right(ords, day, i, hi_i)
        seg = vals[i:j]
        x = left + (day - start + 0.5) * per_day
        col = int(x)
        if col == last_col:
            b = out[-1]
            b.last = day
            b.lo = min(b.lo, min(seg))
            b.hi = max(b.hi, max(seg))
            b.total += sum(seg)
            b.count += j - i
            b.x = col + 0.5
        else:
            out.append(Bucket(x, day, day, min(seg), max(seg), sum(seg), j - i))
            last_col = col
        i = j
    return out


class TimeSeriesChart(ChartBase):
    """One or more series of ``(date, value)`` points on a fixed value range.

    ``set_series([("Mood", [(date, 6), ...]), ("Craving", [...])])``. Points need not be sorted;
    several on one day are fine. The chart shows the last ``window_days`` days (30, 90 or 365 are
    the intended choices) ending on ``today`` (``set_today``; default: the real date at paint time):
    entries as dots, consecutive entries joined by lines; when points are denser than pixels each
    pixel column shows the mean (line) and the min..max range (a soft vertical band).
    """

    windowDaysChanged = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        y_min: float = 0.0,
        y_max: float = 10.0,
        window_days: int = 30,
        today: _dt.date | None = None,
        accessible_name: str = "Chart over time",
        accessible_description: str = "",
    ) -> None:
        super().__init__(
            [Column("Date", fmt=lambda o: format_day(self, o), numeric=False)],
            parent,
            accessible_name=accessible_name,
            accessible_description=accessible_description,
        )
        if y_max <= y_min:
            raise ValueError("y_max must be greater than y_min")
        self._y_min = float(y_min)
        self._y_max = float(y_max)
        self._window = self._check_window(window_days)
        self._today = today
        self._series: list[_Series] = []
        self._cache_key: tuple[Any, ...] | None = None
        self._cache: list[dict[int, Bucket]] = []
        self._cache_lists: list[list[Bucket]] = []
        self._version = 0
        self._update_accessible_description()

    # -- data ---------------------------------------------------------------------------
    def set_series(self, series: Iterable[tuple[str, Iterable[Point]]]) -> None:
        parsed: list[_Series] = []
        for name, points in series:
            pts = list(points)
            ords = [p[0].toordinal() for p in pts]
            if any(ords[k] > ords[k + 1] for k in range(len(ords) - 1)):
                order = sorted(range(len(pts)), key=ords.__getitem__)
                ords = [ords[k] for k in order]
                vals = [float(pts[k][1]) for k in order]
            else:
                vals = [float(v) for v in map(itemgetter(1), pts)]
            parsed.append(_Series(str(name), ords, vals))
        self._series = parsed
        self._version += 1
        self._rebuild_model()
        self._data_changed()

    def series_names(self) -> list[str]:
        return [s.name for s in self._series]

    def point_count(self) -> int:
        return sum(len(s.ords) for s in self._series)

    def set_y_range(self, y_min: float, y_max: float) -> None:
        if y_max <= y_min:
            raise ValueError("y_max must be greater than y_min")
        self._y_min, self._y_max = float(y_min), float(y_max)
        self.update()

    def y_range(self) -> tuple[float, float]:
        return self._y_min, self._y_max

    def today(self) -> _dt.date:
        """The last day shown: the fixed date from ``set_today``, else the real date. The table
        follows it when data or the window change; call ``set_today(None)`` after midnight to
        refresh a long-open window."""
        return self._today or _dt.date.today()

    def set_today(self, today: _dt.date | None) -> None:
        """Fix the last day shown (for tests and previews); ``None`` follows the real date."""
        self._today = today
        self._rebuild_model()
        self._data_changed()

    @staticmethod
    def _check_window(days: int) -> int:
        days = int(days)
        if days < 1:
            raise ValueError("window_days must be at least 1")
        return days

    def get_window_days(self) -> int:
        return self._window

    def set_window_days(self, days: int) -> None:
        days = self._check_window(days)
        if days == self._window:
            return
        self._window = days
        self._rebuild_model()
        self._data_changed()
        self.windowDaysChanged.emit(days)

    window_days = Property(int, get_window_days, set_window_days, notify=windowDaysChanged)

    def window_range(self) -> tuple[_dt.date, _dt.date]:
        end = self.today()
        return end - _dt.timedelta(days=self._window - 1), end

    def _window_ords(self) -> tuple[int, int]:
        end = self.today().toordinal()
        return end - self._window + 1, end

    def points_in_window(self) -> int:
        start, end = self._window_ords()
        return sum(bisect_right(s.ords, end) - bisect_left(s.ords, start) for s in self._series)

    def is_empty(self) -> bool:
        return self.points_in_window() == 0

    def _empty_message(self) -> tuple[str, str]:
        if self.point_count():
            return f"Nothing recorded in the {window_label(self._window).lower()}", (
                "Choose a longer period to see earlier entries."
            )
        return super()._empty_message()

    def _summary(self) -> str:
        start, end = self._window_ords()
        parts = [window_label(self._window) + "."]
        for s in self._series:
            a, b = bisect_left(s.ords, start), bisect_right(s.ords, end)
            if a == b:
                parts.append(f"{s.name}: no entries.")
                continue
            seg = s.vals[a:b]
            parts.append(
                f"{s.name}: {b - a} entries, average {format_number(round(sum(seg) / len(seg), 1))}"
                f", latest {format_number(seg[-1])}."
            )
        return " ".join(parts)

    # -- table --------------------------------------------------------------------------
    def _rebuild_model(self) -> None:
        """Rows: one per entry in the window, the series side by side (the k-th point of each
        series on a day shares a row)."""
        columns = [self._model.columns()[0]] + [Column(s.name, numeric=True) for s in self._series]
        if [c.title for c in columns] != [c.title for c in self._model.columns()]:
            self._model.set_columns(columns)
        start, end = self._window_ords()
        slices = []
        for s in self._series:
            a, b = bisect_left(s.ords, start), bisect_right(s.ords, end)
            slices.append((s.ords, s.vals, a, b))
        days = sorted({d for ords, _, a, b in slices for d in ords[a:b]})
        rows: list[tuple[Any, ...]] = []
        width = len(slices)
        if width == 1:
            ords, vals, a, b = slices[0]
            rows = list(zip(ords[a:b], vals[a:b], strict=True))
        else:
            pos = [a for _, _, a, _ in slices]
            for day in days:
                runs = []
                for k, (ords, vals, _a, b) in enumerate(slices):
                    j = bisect_right(ords, day, pos[k], b)
                    runs.append(vals[pos[k] : j])
                    pos[k] = j
                for r in range(max(len(run) for run in runs)):
                    rows.append((day, *(run[r] if r < len(run) else None for run in runs)))
        self._model.set_rows(rows)

    # -- geometry -----------------------------------------------------------------------
    def _legend_height(self) -> int:
        return QFontMetrics(self.font()).height() + 10

    def plot_rect(self) -> QRectF:
        sfm = QFontMetrics(small_font(self))
        y_label_w = max(sfm.horizontalAdvance(self._tick_text(v)) for v in self._y_ticks()) + 10
        top = PADDING + self._legend_height() + 4
        return QRectF(self.rect()).adjusted(PADDING + y_label_w, top, -PADDING - 6, -PADDING - sfm.height() - 8)

    def _y_ticks(self) -> list[float]:
        """Both ends of the range and even steps between them: 0 2 4 6 8 10, or 1 4 7 10."""
        lo, hi = self._y_min, self._y_max
        span = hi - lo
        for intervals in (5, 4, 3, 6, 2):
            step = span / intervals
            if abs(step - round(step)) < 1e-9 and step >= 1:
                return [lo + k * step for k in range(intervals + 1)]
        step = nice_step(span, 5)
        first = step * -(-lo // step)
        ticks = []
        v = first
        while v <= hi + 1e-9:
            ticks.append(round(v, 6))
            v += step
        return ticks or [lo, hi]

    @staticmethod
    def _tick_text(v: float) -> str:
        return format_number(v)

    def _y(self, plot: QRectF, value: float) -> float:
        v = max(self._y_min, min(self._y_max, value))
        return plot.bottom() - (v - self._y_min) / (self._y_max - self._y_min) * plot.height()

    def buckets(self) -> list[list[Bucket]]:
        """The decimated points per series for the current size, window and data (cached)."""
        plot = self.plot_rect()
        start, end = self._window_ords()
        key = (self._version, plot.left(), plot.width(), start, end)
        if key != self._cache_key:
            self._cache_lists = [
                bucket_points(s.ords, s.vals, start, end, plot.left(), plot.width()) for s in self._series
            ]
            self._cache = [{int(b.x): b for b in lst} for lst in self._cache_lists]
            self._cache_key = key
        return self._cache_lists

    def sizeHint(self) -> QSize:
        return QSize(560, 280)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 160)

    # -- painting -----------------------------------------------------------------------
    def _colors_for_series(self) -> list[QColor]:
        return series_colors(self.palette(), max(1, len(self._series)))

    def _paint_chart(self, painter: QPainter, colors: ChartColors) -> None:
        plot = self.plot_rect()
        if plot.width() < 10 or plot.height() < 10:
            return
        scol = self._colors_for_series()
        self._paint_legend(painter, colors, scol)
        self._paint_axes(painter, colors, plot)
        all_buckets = self.buckets()
        hover_col = self._hover if isinstance(self._hover, int) else None
        if hover_col is not None:
            painter.setPen(QPen(colors.axis, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QLineF(hover_col + 0.5, plot.top(), hover_col + 0.5, plot.bottom()))
        painter.save()
        painter.setClipRect(plot.adjusted(-6, -6, 6, 6))
        total_buckets = sum(len(b) for b in all_buckets)
        show_dots = total_buckets <= plot.width() / 5
        for buckets, color in zip(all_buckets, scol, strict=False):
            self._paint_series(painter, colors, plot, buckets, color, show_dots, hover_col)
        painter.restore()

    def _paint_series(
        self,
        painter: QPainter,
        colors: ChartColors,
        plot: QRectF,
        buckets: list[Bucket],
        color: QColor,
        show_dots: bool,
        hover_col: int | None,
    ) -> None:
        if not buckets:
            return
        # Where a column holds several different values, show their range softly: a band when
        # columns are packed tight, a short bar per column when there is room between them.
        band = QColor(color)
        band.setAlphaF(0.22)
        spread = [b for b in buckets if b.count > 1 and b.hi > b.lo]
        per_day = plot.width() / self._window
        if spread and per_day < 4 and len(spread) > len(buckets) / 2:
            upper = [QPointF(b.x, self._y(plot, b.hi)) for b in buckets]
            lower = [QPointF(b.x, self._y(plot, b.lo)) for b in reversed(buckets)]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(band)
            painter.drawPolygon(QPolygonF(upper + lower))
        elif spread:
            pen = QPen(band, max(2.0, min(per_day * 0.5, 6.0)))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLines([QLineF(b.x, self._y(plot, b.lo), b.x, self._y(plot, b.hi)) for b in spread])
        line = QPolygonF([QPointF(b.x, self._y(plot, b.mean)) for b in buckets])
        pen = QPen(color, 2.0)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(buckets) > 1:
            painter.drawPolyline(line)
        if show_dots or len(buckets) == 1:
            painter.setPen(QPen(colors.base, 1.5))
            painter.setBrush(color)
            for pt in line:
                painter.drawEllipse(pt, 4.0, 4.0)
        if hover_col is not None:
            for b in buckets:
                if int(b.x) == hover_col:
                    painter.setPen(QPen(colors.base, 2.0))
                    painter.setBrush(color)
                    painter.drawEllipse(QPointF(b.x, self._y(plot, b.mean)), 5.5, 5.5)

    def _paint_legend(self, painter: QPainter, colors: ChartColors, scol: list[QColor]) -> None:
        fm = QFontMetrics(self.font())
        top = PADDING
        h = fm.height()
        x = PADDING + 2.0
        painter.setFont(self.font())
        for s, color in zip(self._series, scol, strict=False):
            cy = top + h / 2
            painter.setPen(QPen(color, 2.0))
            painter.drawLine(QLineF(x, cy, x + 16, cy))
            painter.setPen(QPen(colors.base, 1.5))
            painter.setBrush(color)
            painter.drawEllipse(QPointF(x + 8, cy), 3.5, 3.5)
            painter.setPen(colors.text)
            painter.drawText(QPointF(x + 22, top + fm.ascent()), s.name)
            x += 22 + fm.horizontalAdvance(s.name) + 18
        label = window_label(self._window)
        painter.setPen(colors.muted)
        right = self.width() - PADDING - 6
        if x + fm.horizontalAdvance(label) < right:
            painter.drawText(QRectF(x, top, right - x, h), Qt.AlignmentFlag.AlignRight, label)

    def _paint_axes(self, painter: QPainter, colors: ChartColors, plot: QRectF) -> None:
        small = small_font(self)
        sfm = QFontMetrics(small)
        painter.setFont(small)
        # Horizontal grid and value labels.
        for v in self._y_ticks():
            y = round(self._y(plot, v)) + 0.5
            painter.setPen(QPen(colors.grid, 1))
            painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
            painter.setPen(colors.muted)
            painter.drawText(
                QRectF(PADDING, y - sfm.height() / 2, plot.left() - PADDING - 8, sfm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._tick_text(v),
            )
        painter.setPen(QPen(colors.axis, 1))
        base_y = round(plot.bottom()) + 0.5
        painter.drawLine(QLineF(plot.left(), base_y, plot.right(), base_y))
        # Date labels along the bottom.
        for x, text in self._x_labels(plot, sfm):
            painter.setPen(QPen(colors.axis, 1))
            painter.drawLine(QLineF(x, base_y, x, base_y + 4))
            painter.setPen(colors.muted)
            w = sfm.horizontalAdvance(text)
            painter.drawText(QPointF(x - w / 2, base_y + 6 + sfm.ascent()), text)

    def _x_labels(self, plot: QRectF, fm: QFontMetrics) -> list[tuple[float, str]]:
        start, end = self._window_ords()
        days = end - start + 1
        per_day = plot.width() / days

        def x_of(o: int) -> float:
            return plot.left() + (o - start + 0.5) * per_day

        first = _dt.date.fromordinal(start)

        def weekly() -> list[tuple[int, str]]:  # Mondays
            o = start + (7 - first.weekday()) % 7
            return [(d, format_day(self, d, "d MMM")) for d in range(o, end + 1, 7)]

        def monthly(months: Sequence[int], days_of_month: Sequence[int] = (1,)) -> list[tuple[int, str]]:
            out = []
            y, m = first.year, first.month
            while True:
                for dom in days_of_month:
                    d = _dt.date(y, m, dom).toordinal()
                    if d > end:
                        return out
                    if d >= start and m in months:
                        fmt = ("MMM yyyy" if m == 1 else "MMM") if dom == 1 else "d MMM"
                        out.append((d, format_day(self, d, fmt)))
                m += 1
                if m > 12:
                    y, m = y + 1, 1

        every = range(1, 13)
        candidates = [
            lambda: [(d, format_day(self, d, "d MMM")) for d in range(start, end + 1)],
            weekly,
            lambda: weekly()[::2],
            lambda: monthly(every, (1, 15)),
            lambda: monthly(every),
            lambda: monthly((1, 3, 5, 7, 9, 11)),
            lambda: monthly((1, 4, 7, 10)),
            lambda: monthly((1,)),
        ]
        for make in candidates:
            if days > 62 and make is candidates[0]:
                continue
            ticks = make()
            placed: list[tuple[float, str]] = []
            ok = True
            prev_right = -1e9
            for d, text in ticks:
                x = x_of(d)
                w = fm.horizontalAdvance(text)
                if x - w / 2 < plot.left() - PADDING or x + w / 2 > self.width() - PADDING / 2:
                    continue  # would spill past the edge: leave that one out
                if x - w / 2 < prev_right + 14:
                    ok = False
                    break
                placed.append((x, text))
                prev_right = x + w / 2
            if ok and placed:
                return placed
        return []

    # -- hover --------------------------------------------------------------------------
    def _nearest_col(self, pos: QPointF) -> int | None:
        plot = self.plot_rect()
        if not plot.adjusted(-8, -8, 8, 8).contains(pos):
            return None
        self.buckets()
        target = int(pos.x())
        best = None
        for radius in range(13):
            for col in (target - radius, target + radius):
                if any(col in cache for cache in self._cache):
                    best = col
                    break
            if best is not None:
                break
        return best

    def _hover_key_at(self, pos: QPointF) -> Hashable | None:
        return self._nearest_col(pos)

    def tooltip_at(self, pos: QPoint | QPointF) -> str | None:
        col = self._nearest_col(QPointF(pos))
        if col is None:
            return None
        found = [(s, cache[col]) for s, cache in zip(self._series, self._cache, strict=True) if col in cache]
        if not found:
            return None
        first = min(b.first for _, b in found)
        last = max(b.last for _, b in found)
        if first == last:
            head = format_day(self, first, "ddd d MMM yyyy")
        else:
            head = f"{format_day(self, first, 'd MMM')} to {format_day(self, last, 'd MMM yyyy')}"
        lines = [head]
        for s, b in found:
            if b.count == 1:
                lines.append(f"{s.name}: {format_number(b.mean)}")
            elif b.lo == b.hi:
                lines.append(f"{s.name}: {format_number(b.mean)} ({b.count} entries)")
            else:
                lines.append(
                    f"{s.name}: average {format_number(round(b.mean, 1))}, from "
                    f"{format_number(b.lo)} to {format_number(b.hi)} ({b.count:,} entries)"
                )
        return "\n".join(lines)
