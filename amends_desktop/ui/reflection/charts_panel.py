"""Charts of the Reflection tab: mood and craving, self-care, and amends progress.

Each chart has a table alternative (ChartWithTable) and takes its colours from the palette.
Data is read when the panel is shown and again after changes, never while hidden.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from amends_desktop.domain.restitution import format_money
from amends_desktop.services.reflection import ReflectionService
from amends_desktop.ui.charts import (
    ChartWithTable,
    ProgressBarsChart,
    RestitutionBar,
    StackedDailyChart,
    TimeSeriesChart,
    TimeWindowSelector,
)


class ChartsPanel(QScrollArea):
    def __init__(self, service: ReflectionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._stale = True
        self.setWidgetResizable(True)
        self.setAccessibleName("Charts")
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(16)

        row = QHBoxLayout()
        label = QLabel("Period:")
        self.window = TimeWindowSelector(window_days=30)
        label.setBuddy(self.window)
        row.addWidget(label)
        row.addWidget(self.window)
        row.addStretch(1)
        layout.addLayout(row)

        self.mood_chart = TimeSeriesChart(y_min=0, y_max=10, accessible_name="Mood and craving over time",
                                          accessible_description="Mood from 1 to 10 and craving from 0 to 10, one dot per entry")
        self.mood_chart.setMinimumHeight(220)
        self.mood_box = ChartWithTable(self.mood_chart, title="Mood and craving")
        layout.addWidget(self.mood_box)

        self.care_chart = StackedDailyChart(accessible_name="Self-care over time")
        self.care_chart.setMinimumHeight(220)
        self.care_box = ChartWithTable(self.care_chart, title="Self-care")
        layout.addWidget(self.care_box)
        self.window.bind(self.mood_chart, self.care_chart)

        self.progress_chart = ProgressBarsChart(accessible_name="Amends progress")
        self.progress_chart.setMinimumHeight(260)
        self.progress_box = ChartWithTable(self.progress_chart, title="Amends progress")
        layout.addWidget(self.progress_box)
        layout.addStretch(1)
        self.setWidget(inner)

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        mood, craving = self.service.mood_craving_points(365)
        self.mood_chart.set_series([("Mood", mood), ("Craving", craving)])
        self.care_chart.set_entries(self.service.self_care_days(365))
        stages = [(s.key, s.label, s.count) for s in self.service.stage_counts()]
        ledgers = [RestitutionBar(lg.label, lg.paid_minor, lg.owed_minor, format_money(lg.paid_minor, lg.currency),
                                  format_money(lg.owed_minor, lg.currency))
                   for lg in self.service.ledger_progress()]
        self.progress_chart.set_data(stages, ledgers)
