"""Layout and painting of rows of horizontal bars (label | bar on a soft track | value)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ._common import ChartColors, blend, small_font

ROW_MIN = 26
ROW_MAX = 34
BAR_MAX = 16


@dataclass(frozen=True)
class HBarRow:
    index: int
    row: QRectF  # the whole row: the click and hover target
    label: QRectF
    track: QRectF
    bar: QRectF
    value: QRectF


@dataclass(frozen=True)
class HBarLayout:
    rows: list[HBarRow]
    hidden: int  # bars that did not fit
    more: QRectF | None  # where the "+ N more" line goes
    height: float  # the height actually used


def layout_hbars(
    widget: QWidget,
    area: QRectF,
    labels: Sequence[str],
    values: Sequence[float],
    value_texts: Sequence[str],
    vmax: float,
) -> HBarLayout:
    n = len(labels)
    if n == 0 or area.width() <= 0 or area.height() <= 0:
        return HBarLayout([], n, None, 0.0)
    row_h = max(ROW_MIN, min(ROW_MAX, area.height() / n))
    if n * row_h <= area.height() + 0.5:
        visible = n
    else:
        row_h = ROW_MIN
        visible = max(0, int((area.height() - ROW_MIN) // ROW_MIN))
    fm = QFontMetrics(widget.font())
    label_w = max((fm.horizontalAdvance(labels[i]) for i in range(visible)), default=0) + 4
    label_w = min(label_w, max(60.0, area.width() * 0.4))
    value_w = max((fm.horizontalAdvance(value_texts[i]) for i in range(visible)), default=0)
    value_w = min(value_w, area.width() * 0.25)
    track_left = area.left() + label_w + 12
    track_right = area.right() - value_w - 10
    track_w = max(8.0, track_right - track_left)
    thickness = min(BAR_MAX, row_h * 0.56)
    rows = []
    for i in range(visible):
        top = area.top() + i * row_h
        row = QRectF(area.left(), top, area.width(), row_h)
        cy = top + row_h / 2
        track = QRectF(track_left, cy - thickness / 2, track_w, thickness)
        frac = 0.0 if vmax <= 0 else max(0.0, min(1.0, values[i] / vmax))
        bar = QRectF(track_left, track.top(), track_w * frac, thickness)
        rows.append(
            HBarRow(
                index=i,
                row=row,
                label=QRectF(area.left(), top, label_w, row_h),
                track=track,
                bar=bar,
                value=QRectF(track_left + track_w + 10, top, value_w, row_h),
            )
        )
    hidden = n - visible
    more = None
    used = visible * row_h
    if hidden:
        more = QRectF(area.left(), area.top() + used, area.width(), ROW_MIN)
        used += ROW_MIN
    return HBarLayout(rows, hidden, more, used)


def paint_hbars(
    painter: QPainter,
    widget: QWidget,
    colors: ChartColors,
    layout: HBarLayout,
    labels: Sequence[str],
    value_texts: Sequence[str],
    *,
    hover: int | None = None,
    focus: int | None = None,
    dimmed: set[int] | None = None,
) -> None:
    fm = QFontMetrics(widget.font())
    painter.setFont(widget.font())
    for r in layout.rows:
        i = r.index
        # Row highlight for hover and keyboard focus.
        if i == hover:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(blend(colors.base, colors.track, 0.6))
            painter.drawRoundedRect(r.row.adjusted(-6, 1, 6, -1), 6, 6)
        if i == focus:
            painter.setPen(QPen(colors.focus, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r.row.adjusted(-5, 1.5, 5, -1.5), 6, 6)
        painter.setPen(colors.text)
        painter.drawText(
            r.label,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(labels[i], Qt.TextElideMode.ElideRight, int(r.label.width())),
        )
        radius = r.track.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.track)
        painter.drawRoundedRect(r.track, radius, radius)
        if r.bar.width() > 0:
            if dimmed and i in dimmed:
                fill = colors.accent_soft
            elif i == hover:
                fill = colors.accent_hover
            else:
                fill = colors.accent
            painter.setBrush(fill)
            bar = QRectF(r.bar)
            if bar.width() < r.track.height():  # keep tiny values a visible round dot
                bar.setWidth(max(bar.width(), min(r.track.height(), 4.0)))
            painter.drawRoundedRect(bar, min(radius, bar.width() / 2), radius)
        painter.setPen(colors.text)
        painter.drawText(
            r.value,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            fm.elidedText(value_texts[i], Qt.TextElideMode.ElideLeft, int(r.value.width()) + 1),
        )
    if layout.more is not None and layout.hidden:
        painter.setFont(small_font(widget))
        painter.setPen(colors.muted)
        text = f"+ {layout.hidden:,} more, shown in the table view"
        painter.drawText(layout.more, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.setFont(widget.font())
