"""A chart paired with a table of the same data, and a period selector for charts over time."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Property, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ._common import ChartBase, ChartTableModel, bold_font
from .time_series import WINDOW_CHOICES

SHOW_TABLE = "Show as table"
SHOW_CHART = "Show as chart"


class ChartWithTable(QWidget):
    """A heading row (title, optional extra widgets, a "Show as table"/"Show as chart" toggle)
    over a ``QStackedWidget`` holding the chart and a sortable ``QTableView`` of its
    ``table_model()``."""

    tableShownChanged = Signal(bool)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        chart: ChartBase,
        parent: QWidget | None = None,
        *,
        title: str = "",
        show_table: bool = False,
    ) -> None:
        super().__init__(parent)
        self._chart = chart
        name = chart.accessibleName() or title or "Chart"
        self.setAccessibleName(title or name)

        self._title = QLabel(title, self)
        self._title.setFont(bold_font(self))
        self._title.setVisible(bool(title))
        self._toggle = QToolButton(self)
        self._toggle.setCheckable(True)
        self._toggle.setText(SHOW_TABLE)
        self._toggle.setAccessibleName(SHOW_TABLE)
        self._toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._toggle.setAutoRaise(False)
        self._toggle.toggled.connect(self.set_table_shown)

        self._header = QHBoxLayout()
        self._header.setContentsMargins(0, 0, 0, 0)
        self._header.setSpacing(8)
        self._header.addWidget(self._title)
        self._header.addStretch(1)
        self._extra_at = 2  # extra widgets go between the stretch and the toggle
        self._header.addWidget(self._toggle)

        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(chart.table_model())
        self._proxy.setSortRole(ChartTableModel.SortRole)
        self._table = QTableView(self)
        self._table.setModel(self._proxy)
        self._table.setSortingEnabled(True)
        self._table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the chart's order
        self._table.setAlternatingRowColors(True)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setWordWrap(False)
        self._table.verticalHeader().setVisible(False)
        header = self._table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._table.setAccessibleName(f"{name} (table)")
        self._table.setAccessibleDescription(chart.accessibleDescription())
        chart.contentsChanged.connect(self._after_reset)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(chart)
        self._stack.addWidget(self._table)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._header)
        layout.addWidget(self._stack, 1)
        self._after_reset()
        if show_table:
            self.set_table_shown(True)

    def chart(self) -> ChartBase:
        return self._chart

    def table_view(self) -> QTableView:
        return self._table

    def toggle_button(self) -> QToolButton:
        return self._toggle

    def set_title(self, title: str) -> None:
        self._title.setText(title)
        self._title.setVisible(bool(title))
        self.setAccessibleName(title or self._chart.accessibleName())

    def add_header_widget(self, widget: QWidget) -> None:
        """Put a widget (such as a ``TimeWindowSelector``) in the heading row, before the toggle."""
        self._header.insertWidget(self._extra_at, widget)
        self._extra_at += 1

    def is_table_shown(self) -> bool:
        return self._stack.currentWidget() is self._table

    def set_table_shown(self, shown: bool) -> None:
        shown = bool(shown)
        if shown == self.is_table_shown():
            self._sync_toggle(shown)
            return
        had_focus = self._stack.currentWidget().hasFocus()
        self._stack.setCurrentWidget(self._table if shown else self._chart)
        self._sync_toggle(shown)
        if had_focus:
            self._stack.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        self.tableShownChanged.emit(shown)

    table_shown = Property(bool, is_table_shown, set_table_shown, notify=tableShownChanged)

    def _sync_toggle(self, shown: bool) -> None:
        text = SHOW_CHART if shown else SHOW_TABLE
        blocked = self._toggle.blockSignals(True)
        self._toggle.setChecked(shown)
        self._toggle.blockSignals(blocked)
        self._toggle.setText(text)
        self._toggle.setAccessibleName(text)

    def _after_reset(self) -> None:
        self._table.setAccessibleDescription(self._chart.accessibleDescription())
        if self._proxy.rowCount() <= 2000:  # measuring every row of a huge table is slow
            self._table.resizeColumnsToContents()


class TimeWindowSelector(QWidget):
    """Three exclusive buttons: 30 days, 90 days, 1 year. ``bind(chart, ...)`` keeps charts that
    have a ``window_days`` property (``TimeSeriesChart``, ``StackedDailyChart``) in step."""

    windowDaysChanged = Signal(int)  # noqa: N815 - Qt signal naming

    LABELS: ClassVar[dict[int, str]] = {30: "30 days", 90: "90 days", 365: "1 year"}

    def __init__(self, parent: QWidget | None = None, *, window_days: int = 30) -> None:
        super().__init__(parent)
        self.setAccessibleName("Time period")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for days in WINDOW_CHOICES:
            button = QToolButton(self)
            button.setText(self.LABELS[days])
            button.setCheckable(True)
            button.setAccessibleName(f"Show the last {self.LABELS[days]}")
            self._group.addButton(button, days)
            layout.addWidget(button)
        self._days = window_days if window_days in WINDOW_CHOICES else WINDOW_CHOICES[0]
        self._group.button(self._days).setChecked(True)
        self._group.idToggled.connect(self._on_toggled)

    def _on_toggled(self, days: int, checked: bool) -> None:
        if checked and days != self._days:
            self._days = days
            self.windowDaysChanged.emit(days)

    def get_window_days(self) -> int:
        return self._days

    def set_window_days(self, days: int) -> None:
        button = self._group.button(int(days))
        if button is None:
            raise ValueError(f"window_days must be one of {WINDOW_CHOICES}")
        button.setChecked(True)

    window_days = Property(int, get_window_days, set_window_days, notify=windowDaysChanged)

    def button(self, days: int) -> QToolButton:
        return self._group.button(days)  # type: ignore[return-value]

    def bind(self, *charts: Any) -> None:
        for chart in charts:
            chart.set_window_days(self._days)
            self.windowDaysChanged.connect(chart.set_window_days)
