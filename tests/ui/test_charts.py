"""The QPainter chart widgets: rendering at 0, 1 and 100,000 points, table models, interaction."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import random
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from amends_desktop.ui.charts import (
    NO_DATA_TEXT,
    SELF_CARE_ITEMS,
    BarChart,
    ChartBase,
    ChartWithTable,
    ProgressBarsChart,
    RestitutionBar,
    StackedDailyChart,
    TimeSeriesChart,
    TimeWindowSelector,
    bucket_points,
    series_colors,
)

TODAY = dt.date(2025, 3, 20)
BIG = 100_000
SIZE = (640, 360)


# --------------------------------------------------------------------------------------------
# Builders: each makes a chart holding n data points
# --------------------------------------------------------------------------------------------


def make_bar(n: int) -> BarChart:
    chart = BarChart(accessible_name="Harms by category")
    chart.set_bars([(f"k{i}", f"Category {i}", (i * 7) % 13 + 1) for i in range(n)])
    return chart


def make_series(n: int) -> TimeSeriesChart:
    rnd = random.Random(4)
    chart = TimeSeriesChart(y_min=1, y_max=10, window_days=365, today=TODAY)
    points = [(TODAY - dt.timedelta(days=rnd.randrange(365)), rnd.uniform(1, 10)) for _ in range(n)]
    chart.set_series([("Mood", points)])
    return chart


def make_stacked(n: int) -> StackedDailyChart:
    rnd = random.Random(5)
    keys = [k for k, _ in SELF_CARE_ITEMS]
    chart = StackedDailyChart(window_days=90, today=TODAY)
    chart.set_entries((TODAY - dt.timedelta(days=rnd.randrange(90)), rnd.sample(keys, 1 + i % 6)) for i in range(n))
    return chart


def make_progress(n: int) -> ProgressBarsChart:
    chart = ProgressBarsChart()
    if n == 0:
        return chart
    if n == 1:
        chart.set_stages([("listed", "Listed", 1)])
        return chart
    chart.set_stages([("listed", "Listed", n // 2), ("made", "Made", n - n // 2)])
    chart.set_restitution(RestitutionBar(f"Ledger {i}", i % 500, 500, f"£{i % 500}.00", "£500.00") for i in range(n))
    return chart


BUILDERS: dict[str, Callable[[int], ChartBase]] = {
    "bar": make_bar,
    "series": make_series,
    "stacked": make_stacked,
    "progress": make_progress,
}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1b1c1f"),
        (QPalette.ColorRole.AlternateBase, "#26272b"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Button, "#2a2b2f"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
        (QPalette.ColorRole.Highlight, "#8ab4f8"),
        (QPalette.ColorRole.HighlightedText, "#202124"),
        (QPalette.ColorRole.Mid, "#5f6368"),
        (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
    ):
        pal.setColor(role, QColor(color))
    return pal


def render(chart: ChartBase, size: tuple[int, int] = SIZE) -> QImage:
    chart.resize(*size)
    image = chart.grab().toImage()
    assert not image.isNull()
    assert (image.width(), image.height()) == (
        int(size[0] * chart.devicePixelRatioF()),
        int(size[1] * chart.devicePixelRatioF()),
    )
    return image


def differing_pixels(image: QImage, background: QColor, step: int = 2) -> int:
    bg = background.rgb()
    return sum(
        1 for y in range(0, image.height(), step) for x in range(0, image.width(), step) if image.pixel(x, y) != bg
    )


def background_of(chart: ChartBase) -> QColor:
    return chart.palette().color(QPalette.ColorRole.Base)


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(BUILDERS))
@pytest.mark.parametrize("n", [0, 1, BIG])
def test_renders_offscreen(qtbot, kind: str, n: int) -> None:
    chart = BUILDERS[kind](n)
    qtbot.addWidget(chart)
    start = time.perf_counter()
    image = render(chart)
    elapsed = time.perf_counter() - start
    assert image.pixelColor(2, 2) == background_of(chart)
    # Data or the "No data yet" message: something is drawn on the background either way.
    assert differing_pixels(image, background_of(chart)) > 50
    assert chart.is_empty() == (n == 0)
    if n == BIG:
        assert elapsed < 1.0, f"{kind}: {elapsed:.3f}s for {BIG:,} points"


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_empty_chart_says_no_data_yet(qtbot, kind: str) -> None:
    chart = BUILDERS[kind](0)
    qtbot.addWidget(chart)
    assert chart.is_empty()
    assert NO_DATA_TEXT in chart.accessibleDescription()
    assert chart.table_model().rowCount() == 0
    assert chart.tooltip_at(QPoint(100, 100)) is None or chart.is_empty()


def test_data_draws_more_than_the_empty_message(qtbot) -> None:
    for kind, build in BUILDERS.items():
        empty, full = build(0), build(20)
        qtbot.addWidget(empty)
        qtbot.addWidget(full)
        bg = background_of(full)
        assert differing_pixels(render(full), bg) > differing_pixels(render(empty), bg), kind


def test_time_series_100k_render_is_fast_and_decimated(qtbot) -> None:
    chart = make_series(BIG)
    qtbot.addWidget(chart)
    chart.resize(*SIZE)
    start = time.perf_counter()
    chart.grab()
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    buckets = chart.buckets()[0]
    assert len(buckets) <= chart.plot_rect().width() + 1
    assert sum(b.count for b in buckets) == BIG  # every point is in the 365-day window


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_dark_palette(qtbot, kind: str) -> None:
    chart = BUILDERS[kind](20)
    qtbot.addWidget(chart)
    chart.setPalette(dark_palette())
    image = render(chart)
    bg = image.pixelColor(2, 2)
    assert bg == QColor("#1b1c1f")
    assert differing_pixels(image, bg) > 50
    # Text is drawn light on the dark background.
    lightest = max(
        image.pixelColor(x, y).lightness() for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
    )
    assert lightest > 150


def test_palette_change_repaints_with_new_colours(qtbot) -> None:
    chart = make_bar(5)
    qtbot.addWidget(chart)
    light = render(chart)
    chart.setPalette(dark_palette())
    dark = render(chart)
    assert light.pixelColor(2, 2) != dark.pixelColor(2, 2)


def test_series_colours_are_distinct_and_derived_from_highlight() -> None:
    pal = QApplication.palette()
    colors = series_colors(pal, 6)
    assert len({c.name() for c in colors}) == 6
    assert abs(colors[0].hslHueF() - pal.color(QPalette.ColorRole.Highlight).hslHueF()) < 0.02
    assert series_colors(pal, 0) == []


# --------------------------------------------------------------------------------------------
# Table models
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(BUILDERS))
@pytest.mark.parametrize("n", [0, 1, 40])
def test_table_models_pass_the_model_tester(qtbot, qtmodeltester, kind: str, n: int) -> None:
    chart = BUILDERS[kind](n)
    qtbot.addWidget(chart)
    qtmodeltester.check(chart.table_model())


def test_bar_table_matches_bars(qtbot) -> None:
    chart = BarChart(label_title="Defect", value_title="Harms")
    qtbot.addWidget(chart)
    chart.set_bars([("dishonesty", "Dishonesty", 4), ("fear", "Fear", 2)])
    model = chart.table_model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Defect"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Harms"
    rows = [[model.index(r, c).data() for c in range(2)] for r in range(model.rowCount())]
    assert rows == [["Dishonesty", "4"], ["Fear", "2"]]
    assert model.index(0, 1).data(model.SortRole) == 4


def test_time_series_table_has_series_side_by_side_in_the_window(qtbot) -> None:
    chart = TimeSeriesChart(y_min=0, y_max=10, window_days=30, today=TODAY)
    qtbot.addWidget(chart)
    d1, d2, old = TODAY - dt.timedelta(days=1), TODAY, TODAY - dt.timedelta(days=60)
    chart.set_series(
        [
            ("Mood", [(d2, 7), (d1, 5), (old, 3), (d1, 6)]),
            ("Craving", [(d1, 2), (d2, 1)]),
        ]
    )
    model = chart.table_model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Date", "Mood", "Craving"]
    raw = [tuple(model.index(r, c).data(model.RawRole) for c in range(3)) for r in range(model.rowCount())]
    assert raw == [
        (d1.toordinal(), 5.0, 2.0),
        (d1.toordinal(), 6.0, None),
        (d2.toordinal(), 7.0, 1.0),
    ]
    assert "2025" in model.index(0, 0).data()
    with qtbot.waitSignal(chart.windowDaysChanged) as blocker:
        chart.window_days = 90
    assert blocker.args == [90]
    assert model.rowCount() == 4


def test_stacked_counts_days_per_week(qtbot) -> None:
    chart = StackedDailyChart(window_days=90, today=TODAY)
    qtbot.addWidget(chart)
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    chart.set_entries(
        [
            (monday, ["meeting", "ate"]),
            (monday, ["meeting"]),  # the same day twice counts once
            (monday + dt.timedelta(days=1), ["meeting", "unknown"]),
        ]
    )
    assert chart.bucket_days() == 7
    first, last, counts = chart.columns_data()[-1]
    assert first == monday.toordinal() and last == first + 6
    assert counts == [2, 0, 0, 0, 1, 0]
    model = chart.table_model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Week of"
    last_row = [model.index(model.rowCount() - 1, c).data(model.RawRole) for c in range(model.columnCount())]
    assert last_row == [monday.toordinal(), 2, 0, 0, 0, 1, 0, 3]
    chart.window_days = 30
    assert chart.bucket_days() == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Day"
    assert model.rowCount() == 30


def test_progress_table_and_tooltips(qtbot) -> None:
    chart = ProgressBarsChart()
    qtbot.addWidget(chart)
    chart.set_data(
        [("listed", "Listed", 3), ("made", "Made", 1)],
        [("Mum", 12000, 50000, "£120.00", "£500.00")],
    )
    model = chart.table_model()
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert rows[0][:3] == ["Plans by stage", "Listed", "3"]
    assert rows[2] == ["Restitution", "Mum", "24%", "£120.00 of £500.00 paid"]
    chart.resize(*SIZE)
    stage_tip = chart.tooltip_at(chart.stage_bar_rect(0).center())
    assert stage_tip is not None and "Listed" in stage_tip and "3 plans" in stage_tip
    ledger_tip = chart.tooltip_at(chart.ledger_bar_rect(0).center())
    assert ledger_tip is not None and "£120.00 of £500.00" in ledger_tip


# --------------------------------------------------------------------------------------------
# Interaction
# --------------------------------------------------------------------------------------------


@pytest.fixture
def harms_chart(qtbot) -> BarChart:
    chart = BarChart(accessible_name="Harms by category")
    chart.set_bars(
        [
            ("financial", "Financial", 3),
            ("trust", "Trust and honesty", 5),
            ("emotional", "Emotional", 2),
            ("legal", "Legal", 1),
        ]
    )
    qtbot.addWidget(chart)
    chart.resize(480, 260)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def test_click_on_a_bar_emits_its_key(qtbot, harms_chart: BarChart) -> None:
    rect = harms_chart.bar_rect(2)
    assert rect.isValid()
    with qtbot.waitSignal(harms_chart.barClicked, timeout=1000) as blocker:
        qtbot.mouseClick(harms_chart, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["emotional"]


def test_click_outside_the_bars_emits_nothing(qtbot, harms_chart: BarChart) -> None:
    below = harms_chart.row_rect(3).bottomLeft() + QPoint(5, 20)
    with qtbot.assertNotEmitted(harms_chart.barClicked):
        qtbot.mouseClick(harms_chart, Qt.MouseButton.LeftButton, pos=below)


def test_keyboard_moves_between_bars_and_activates(qtbot, harms_chart: BarChart) -> None:
    assert harms_chart.focusPolicy() == Qt.FocusPolicy.StrongFocus
    harms_chart.setFocus()
    qtbot.waitUntil(harms_chart.hasFocus)
    assert harms_chart.current_index() == 0
    qtbot.keyClick(harms_chart, Qt.Key.Key_Down)
    qtbot.keyClick(harms_chart, Qt.Key.Key_Down)
    qtbot.keyClick(harms_chart, Qt.Key.Key_Up)
    assert harms_chart.current_index() == 1
    with qtbot.waitSignal(harms_chart.barClicked, timeout=1000) as blocker:
        qtbot.keyClick(harms_chart, Qt.Key.Key_Return)
    assert blocker.args == ["trust"]
    qtbot.keyClick(harms_chart, Qt.Key.Key_End)
    with qtbot.waitSignal(harms_chart.barClicked, timeout=1000) as blocker:
        qtbot.keyClick(harms_chart, Qt.Key.Key_Space)
    assert blocker.args == ["legal"]
    qtbot.keyClick(harms_chart, Qt.Key.Key_Down)  # stays on the last bar
    assert harms_chart.current_index() == 3


def test_bar_tooltip_names_the_bar_under_the_mouse(qtbot, harms_chart: BarChart) -> None:
    center = harms_chart.bar_rect(1).center()
    assert harms_chart.tooltip_at(center) == "Trust and honesty: 5 (45%)"
    event = QHelpEvent(QEvent.Type.ToolTip, center, harms_chart.mapToGlobal(center))
    QApplication.sendEvent(harms_chart, event)
    assert QToolTip.text() == "Trust and honesty: 5 (45%)"
    QToolTip.hideText()


def test_selected_key_dims_the_other_bars(qtbot, harms_chart: BarChart) -> None:
    before = harms_chart.grab().toImage()
    c0 = harms_chart.bar_rect(0).center()
    harms_chart.set_selected_key("trust")
    after = harms_chart.grab().toImage()
    assert harms_chart.selected_key() == "trust"
    ratio = harms_chart.devicePixelRatioF()
    p = QPoint(int(c0.x() * ratio), int(c0.y() * ratio))
    assert before.pixelColor(p) != after.pixelColor(p)


def test_time_series_tooltip_and_hover(qtbot) -> None:
    chart = TimeSeriesChart(y_min=1, y_max=10, window_days=30, today=TODAY)
    qtbot.addWidget(chart)
    chart.set_series([("Mood", [(TODAY - dt.timedelta(days=3), 6)]), ("Craving", [(TODAY - dt.timedelta(days=3), 2)])])
    chart.resize(*SIZE)
    bucket = chart.buckets()[0][0]
    tip = chart.tooltip_at(QPoint(int(bucket.x), 100))
    assert tip is not None
    assert "17 Mar 2025" in tip and "Mood: 6" in tip and "Craving: 2" in tip
    assert chart.tooltip_at(QPoint(2, 2)) is None


def test_bucket_points_summarises_columns() -> None:
    start = TODAY.toordinal() - 9
    ords = [start, start, start + 1, start + 9, start + 20]
    vals = [2.0, 4.0, 9.0, 5.0, 1.0]
    wide = bucket_points(ords, vals, start, start + 9, 0.0, 100.0)
    assert [(b.first, b.lo, b.hi, b.mean, b.count) for b in wide] == [
        (start, 2.0, 4.0, 3.0, 2),
        (start + 1, 9.0, 9.0, 9.0, 1),
        (start + 9, 5.0, 5.0, 5.0, 1),
    ]
    narrow = bucket_points(ords, vals, start, start + 9, 0.0, 2.0)  # 5 days per pixel
    assert [(b.first, b.last, b.lo, b.hi, b.count) for b in narrow] == [
        (start, start + 1, 2.0, 9.0, 3),
        (start + 9, start + 9, 5.0, 5.0, 1),
    ]


def test_window_outside_the_data_explains_itself(qtbot) -> None:
    chart = TimeSeriesChart(window_days=30, today=TODAY)
    qtbot.addWidget(chart)
    chart.set_series([("Mood", [(TODAY - dt.timedelta(days=60), 5)])])
    assert chart.is_empty()
    assert "last 30 days" in chart.accessibleDescription()
    chart.window_days = 90
    assert not chart.is_empty()
    with pytest.raises(ValueError):
        chart.set_window_days(0)


# --------------------------------------------------------------------------------------------
# Container, selector, accessibility, sizes
# --------------------------------------------------------------------------------------------


def test_chart_with_table_toggles(qtbot) -> None:
    chart = make_bar(5)
    box = ChartWithTable(chart, title="Harms by category")
    qtbot.addWidget(box)
    box.resize(*SIZE)
    box.show()
    qtbot.waitExposed(box)
    assert not box.is_table_shown()
    assert box.toggle_button().text() == "Show as table"
    with qtbot.waitSignal(box.tableShownChanged) as blocker:
        qtbot.mouseClick(box.toggle_button(), Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert box.is_table_shown()
    assert box.toggle_button().text() == "Show as chart"
    assert box.table_view().model().rowCount() == 5
    assert box.table_view().accessibleName() == "Harms by category (table)"
    chart.set_bars([("a", "A", 1)])
    assert box.table_view().model().rowCount() == 1
    image = box.grab().toImage()
    assert not image.isNull()
    box.set_table_shown(False)
    assert not box.is_table_shown() and not box.toggle_button().isChecked()


def test_table_view_sorts_by_raw_values(qtbot) -> None:
    chart = BarChart()
    chart.set_bars([("a", "A", 9), ("b", "B", 10), ("c", "C", 2)])
    box = ChartWithTable(chart, show_table=True)
    qtbot.addWidget(box)
    assert box.is_table_shown()
    view = box.table_view()
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    model = view.model()
    assert [model.index(r, 0).data() for r in range(3)] == ["C", "A", "B"]  # 2 < 9 < 10


def test_window_selector_drives_charts(qtbot) -> None:
    series, stacked = make_series(10), make_stacked(10)
    selector = TimeWindowSelector(window_days=90)
    for w in (series, stacked, selector):
        qtbot.addWidget(w)
    selector.bind(series, stacked)
    assert series.window_days == 90 and stacked.window_days == 90
    qtbot.mouseClick(selector.button(365), Qt.MouseButton.LeftButton)
    assert selector.window_days == 365
    assert series.window_days == 365 and stacked.window_days == 365


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_accessibility_and_size_hints(qtbot, kind: str) -> None:
    chart = BUILDERS[kind](20)
    qtbot.addWidget(chart)
    assert chart.accessibleName()
    assert chart.accessibleDescription()
    hint, minimum = chart.sizeHint(), chart.minimumSizeHint()
    assert hint.isValid() and minimum.isValid()
    assert minimum.width() <= hint.width() and minimum.height() <= hint.height()
    assert minimum.width() >= 200 and minimum.height() >= 80
    chart.set_description("Where the harms fall.")
    assert chart.accessibleDescription().startswith("Where the harms fall.")


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_small_sizes_do_not_break(qtbot, kind: str) -> None:
    chart = BUILDERS[kind](20)
    qtbot.addWidget(chart)
    for size in ((40, 30), (200, 120), (1200, 700)):
        assert not render(chart, size).isNull()


def test_contents_changed_keeps_the_table_description_current(qtbot) -> None:
    chart = make_bar(0)
    box = ChartWithTable(chart)
    qtbot.addWidget(box)
    assert NO_DATA_TEXT in box.table_view().accessibleDescription()
    with qtbot.waitSignal(chart.contentsChanged):
        chart.set_bars([("fear", "Fear", 3)])
    assert "Fear: 3" in box.table_view().accessibleDescription()
