"""The Reflection charts render offscreen with 0, 1 and 100,000 points, in light and dark palettes."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

from amends_desktop.services.reflection import LedgerProgress, StageCount
from amends_desktop.ui.reflection.charts_panel import ChartsPanel

TODAY = date.today()


class StubService:
    """Stands in for ReflectionService with a chosen number of points."""

    def __init__(self, n: int) -> None:
        rng = random.Random(n)
        days = [TODAY - timedelta(days=rng.randrange(0, 365)) for _ in range(n - 1)] + ([TODAY] if n else [])
        days.sort()
        self.mood = [(d, rng.randint(1, 10)) for d in days]
        self.craving = [(d, rng.randint(0, 10)) for d in days]
        keys = ["meeting", "meditation", "exercise", "called_sponsor", "ate", "slept"]
        self.care = [(d, [k for k in keys if rng.random() < 0.5]) for d in days]
        self.n = n

    def mood_craving_points(self, days: int = 365):  # type: ignore[no-untyped-def]
        return self.mood, self.craving

    def self_care_days(self, days: int = 365):  # type: ignore[no-untyped-def]
        return self.care

    def stage_counts(self) -> list[StageCount]:
        return [StageCount("listed", "Listed", min(self.n, 3)), StageCount("made", "Made", self.n // 2)]

    def ledger_progress(self) -> list[LedgerProgress]:
        return [LedgerProgress(f"Person {i}", 5000 * i, 40000, "EUR") for i in range(min(self.n, 4))]


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#17181a"),
                         (QPalette.ColorRole.Text, "#e8eaed"), (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.AlternateBase, "#2a2b2e"), (QPalette.ColorRole.Mid, "#5f6368")):
        pal.setColor(role, QColor(colour))
    return pal


@pytest.mark.parametrize("n", [0, 1, 100_000])
@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("window_days", [30, 90, 365])
def test_charts_render_to_images(qtbot, n: int, dark: bool, window_days: int) -> None:  # type: ignore[no-untyped-def]
    panel = ChartsPanel(StubService(n))  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    if dark:
        panel.setPalette(dark_palette())
    panel.resize(900, 1000)
    panel.refresh()
    panel.window.set_window_days(window_days)
    for chart in (panel.mood_chart, panel.care_chart, panel.progress_chart):
        chart.resize(860, 280)
        image = chart.grab().toImage()
        assert not image.isNull() and image.width() == chart.width()
        assert image.format() != QImage.Format.Format_Invalid
        if n == 0:
            assert chart.is_empty()
    if n:
        assert panel.mood_chart.point_count() > 0
        assert panel.mood_box.chart().table_model().rowCount() > 0  # the table alternative has rows
    if dark:  # the chart background follows the palette
        pixel = QColor(panel.mood_chart.grab().toImage().pixel(2, 2))
        assert pixel.lightness() < 100


def test_each_chart_offers_a_table(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ChartsPanel(StubService(40))  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.show()
    for box in (panel.mood_box, panel.care_box, panel.progress_box):
        box.toggle_button().click()
        assert box.is_table_shown() and box.table_view().model().rowCount() > 0
