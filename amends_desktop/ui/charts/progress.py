"""Amends progress: plans by stage, and restitution paid against owed."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QWidget

from ._common import (
    PADDING,
    ChartBase,
    ChartColors,
    Column,
    bold_font,
    format_number,
    small_font,
)
from ._hbars import ROW_MAX, ROW_MIN, HBarLayout, layout_hbars, paint_hbars

STAGES_TITLE = "Plans by stage"
RESTITUTION_TITLE = "Restitution"


@dataclass(frozen=True)
class RestitutionBar:
    """One restitution ledger. Amounts in integer minor units (used only for proportions);
    the texts are already formatted money strings, e.g. ``"£120.00"``."""

    label: str
    paid: int
    owed: int
    paid_text: str
    owed_text: str

    @property
    def fraction(self) -> float:
        if self.owed <= 0:
            return 1.0 if self.paid > 0 else 0.0
        return max(0.0, min(1.0, self.paid / self.owed))


def _value_text(value: Any) -> str:
    """Stage rows hold a count (int), restitution rows the share paid (float 0..1)."""
    if isinstance(value, float):
        return f"{value:.0%}"
    return format_number(value)


_LEDGER_H = 50  # label line + bar + spacing


@dataclass(frozen=True)
class _Ledger:
    index: int
    row: QRectF
    label: QRectF
    bar: QRectF


class ProgressBarsChart(ChartBase):
    """Two sections: how many plans are at each stage (bars), and for each restitution ledger a
    two-part bar of paid against owed with its money labels.

    ``set_stages([(key, label, count), ...])`` in stage order; ``set_restitution([RestitutionBar
    (...) or (label, paid, owed, paid_text, owed_text), ...])``. Either may be empty; the section
    is then left out.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        accessible_name: str = "Amends progress",
        accessible_description: str = "",
    ) -> None:
        super().__init__(
            [
                Column("Section"),
                Column("Item"),
                Column("Plans or share paid", fmt=_value_text, numeric=True),
                Column("Detail"),
            ],
            parent,
            accessible_name=accessible_name,
            accessible_description=accessible_description,
        )
        self._stage_keys: list[str] = []
        self._stage_labels: list[str] = []
        self._stage_counts: list[int] = []
        self._stage_texts: list[str] = []
        self._ledgers: list[RestitutionBar] = []
        self._update_accessible_description()

    # -- data ---------------------------------------------------------------------------
    def set_stages(self, stages: Iterable[Sequence[Any]]) -> None:
        keys, labels, counts = [], [], []
        for st in stages:
            key, label, count = (st[0], st[0], st[1]) if len(st) == 2 else (st[0], st[1], st[2])
            keys.append(str(key))
            labels.append(str(label))
            counts.append(int(count))
        self._stage_keys, self._stage_labels, self._stage_counts = keys, labels, counts
        self._stage_texts = [format_number(c) for c in counts]
        self._rebuild_model()
        self._data_changed()

    def set_restitution(self, ledgers: Iterable[RestitutionBar | Sequence[Any]]) -> None:
        self._ledgers = [lg if isinstance(lg, RestitutionBar) else RestitutionBar(*lg) for lg in ledgers]
        self._rebuild_model()
        self._data_changed()

    def set_data(
        self,
        stages: Iterable[Sequence[Any]],
        restitution: Iterable[RestitutionBar | Sequence[Any]] = (),
    ) -> None:
        self.set_stages(stages)
        self.set_restitution(restitution)

    def stages(self) -> list[tuple[str, str, int]]:
        return list(zip(self._stage_keys, self._stage_labels, self._stage_counts, strict=True))

    def restitution(self) -> list[RestitutionBar]:
        return list(self._ledgers)

    def _has_stages(self) -> bool:
        return any(c > 0 for c in self._stage_counts)

    def is_empty(self) -> bool:
        return not self._has_stages() and not self._ledgers

    @staticmethod
    def _ledger_text(lg: RestitutionBar) -> str:
        return f"{lg.paid_text} of {lg.owed_text} paid"

    def _rebuild_model(self) -> None:
        rows: list[tuple[Any, ...]] = []
        if self._has_stages():
            total = sum(self._stage_counts)
            rows += [
                (STAGES_TITLE, label, count, f"{count / total:.0%} of plans")
                for label, count in zip(self._stage_labels, self._stage_counts, strict=True)
            ]
        rows += [(RESTITUTION_TITLE, lg.label, lg.fraction, self._ledger_text(lg)) for lg in self._ledgers]
        self._model.set_rows(rows)

    def _summary(self) -> str:
        parts = []
        if self._has_stages():
            parts.append(
                STAGES_TITLE
                + ": "
                + ", ".join(f"{lbl} {c}" for lbl, c in zip(self._stage_labels, self._stage_counts, strict=True))
                + "."
            )
        if self._ledgers:
            shown = self._ledgers[:5]
            more = f", and {len(self._ledgers) - 5:,} more" if len(self._ledgers) > 5 else ""
            parts.append(
                RESTITUTION_TITLE
                + ": "
                + "; ".join(f"{lg.label}, {self._ledger_text(lg)}" for lg in shown)
                + more
                + "."
            )
        return " ".join(parts)

    # -- geometry -----------------------------------------------------------------------
    def _heading_h(self) -> int:
        return QFontMetrics(bold_font(self)).height() + 8

    def _layout(self) -> tuple[QRectF | None, HBarLayout | None, QRectF | None, list[_Ledger], int, QRectF | None]:
        """(stage heading, stage bars, restitution heading, ledgers, hidden ledgers, more)."""
        area = QRectF(self.rect()).adjusted(PADDING + 6, PADDING, -PADDING - 6, -PADDING)
        y = area.top()
        bottom = area.bottom()
        stage_head = bars = rest_head = more = None
        ledgers: list[_Ledger] = []
        hidden = 0
        hh = self._heading_h()
        if self._has_stages():
            stage_head = QRectF(area.left(), y, area.width(), hh)
            y += hh
            # Keep room for the restitution section when there is one.
            reserve = 0
            if self._ledgers:
                reserve = hh + _LEDGER_H + 16 + (ROW_MIN if len(self._ledgers) > 1 else 0)
            n = len(self._stage_labels)
            needed = n * ROW_MAX
            avail = max(ROW_MIN * 2, min(needed, bottom - y - reserve))
            bars = layout_hbars(
                self,
                QRectF(area.left(), y, area.width(), avail),
                self._stage_labels,
                self._stage_counts,
                self._stage_texts,
                max(self._stage_counts),
            )
            y += bars.height + 16
        if self._ledgers:
            rest_head = QRectF(area.left(), y, area.width(), hh)
            y += hh
            n = len(self._ledgers)
            fits = int((bottom - y) // _LEDGER_H)
            # All ledgers if they fit; else at least one, and a line about the rest.
            visible = n if fits >= n else max(min(1, fits), int((bottom - y - ROW_MIN) // _LEDGER_H))
            fm = QFontMetrics(self.font())
            for i in range(visible):
                top = y + i * _LEDGER_H
                label = QRectF(area.left(), top, area.width(), fm.height() + 4)
                bar = QRectF(area.left(), top + fm.height() + 8, area.width(), 14)
                ledgers.append(_Ledger(i, QRectF(area.left(), top, area.width(), _LEDGER_H - 6), label, bar))
            hidden = n - visible
            if hidden:
                more = QRectF(area.left(), y + visible * _LEDGER_H, area.width(), ROW_MIN)
        return stage_head, bars, rest_head, ledgers, hidden, more

    def stage_bar_rect(self, index: int) -> QRectF:
        bars = self._layout()[1]
        if bars is None or not (0 <= index < len(bars.rows)):
            return QRectF()
        return bars.rows[index].bar

    def ledger_bar_rect(self, index: int) -> QRectF:
        ledgers = self._layout()[3]
        if not (0 <= index < len(ledgers)):
            return QRectF()
        return ledgers[index].bar

    def sizeHint(self) -> QSize:
        h = 2 * PADDING
        if self._has_stages() or not self._ledgers:
            h += self._heading_h() + max(3, min(len(self._stage_labels), 8)) * (ROW_MAX - 4) + 16
        if self._ledgers:
            h += self._heading_h() + min(len(self._ledgers), 4) * _LEDGER_H
        return QSize(460, min(h, 640))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 160)

    # -- painting -----------------------------------------------------------------------
    def _paint_chart(self, painter: QPainter, colors: ChartColors) -> None:
        stage_head, bars, rest_head, ledgers, hidden, more = self._layout()
        head_font = bold_font(self)
        hover = self._hover
        if stage_head is not None and bars is not None:
            painter.setFont(head_font)
            painter.setPen(colors.text)
            painter.drawText(stage_head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, STAGES_TITLE)
            h = hover[1] if isinstance(hover, tuple) and hover[0] == "stage" else None
            paint_hbars(painter, self, colors, bars, self._stage_labels, self._stage_texts, hover=h)
        if rest_head is None:
            return
        painter.setFont(head_font)
        painter.setPen(colors.text)
        painter.drawText(rest_head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, RESTITUTION_TITLE)
        fm = QFontMetrics(self.font())
        small = small_font(self)
        sfm = QFontMetrics(small)
        for lg in ledgers:
            data = self._ledgers[lg.index]
            hovered = hover == ("ledger", lg.index)
            right_text = self._ledger_text(data)
            pct = f"{data.fraction:.0%}"
            right_w = fm.horizontalAdvance(right_text)
            painter.setFont(self.font())
            painter.setPen(colors.text)
            label_w = max(40, int(lg.label.width() - right_w - 16))
            painter.drawText(
                lg.label,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(data.label, Qt.TextElideMode.ElideRight, label_w),
            )
            painter.setPen(colors.muted)
            painter.drawText(
                lg.label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(right_text, Qt.TextElideMode.ElideLeft, int(lg.label.width()) - 40),
            )
            pct_w = sfm.horizontalAdvance("100%") + 8
            track = QRectF(lg.bar.left(), lg.bar.top(), lg.bar.width() - pct_w, lg.bar.height())
            radius = track.height() / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.track)
            painter.drawRoundedRect(track, radius, radius)
            frac = data.fraction
            if frac > 0:
                paid = QRectF(track.left(), track.top(), max(track.height(), track.width() * frac), track.height())
                painter.setBrush(colors.accent_hover if hovered else colors.accent)
                painter.drawRoundedRect(paid, radius, radius)
            painter.setFont(small)
            painter.setPen(colors.text)
            painter.drawText(
                QRectF(track.right(), lg.bar.top() - 4, pct_w, lg.bar.height() + 8),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                pct,
            )
        if more is not None and hidden:
            painter.setFont(small)
            painter.setPen(colors.muted)
            painter.drawText(
                more,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"+ {hidden:,} more, shown in the table view",
            )

    # -- hover --------------------------------------------------------------------------
    def _hover_key_at(self, pos: QPointF) -> Hashable | None:
        _, bars, _, ledgers, _, _ = self._layout()
        if bars is not None:
            for r in bars.rows:
                if r.row.contains(pos):
                    return ("stage", r.index)
        for lg in ledgers:
            if lg.row.contains(pos):
                return ("ledger", lg.index)
        return None

    def tooltip_at(self, pos: QPoint | QPointF) -> str | None:
        key = self._hover_key_at(QPointF(pos))
        if not isinstance(key, tuple):
            return None
        kind, i = key
        if kind == "stage":
            total = sum(self._stage_counts)
            c = self._stage_counts[i]
            noun = "plan" if c == 1 else "plans"
            share = f" ({c / total:.0%})" if total else ""
            return f"{self._stage_labels[i]}: {c:,} {noun}{share}"
        lg = self._ledgers[i]
        return f"{lg.label}\n{self._ledger_text(lg)} ({lg.fraction:.0%})"
