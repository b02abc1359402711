"""Chart widgets drawn with QPainter (no Qt Charts): colours from the palette, tooltips,
a table model for every chart, and a container that switches between chart and table."""

from ._common import NO_DATA_TEXT, ChartBase, ChartTableModel, Column, series_colors
from .bar_chart import BarChart
from .container import ChartWithTable, TimeWindowSelector
from .progress import ProgressBarsChart, RestitutionBar
from .stacked import SELF_CARE_ITEMS, StackedDailyChart
from .time_series import WINDOW_CHOICES, Bucket, TimeSeriesChart, bucket_points

__all__ = [
    "NO_DATA_TEXT",
    "SELF_CARE_ITEMS",
    "WINDOW_CHOICES",
    "BarChart",
    "Bucket",
    "ChartBase",
    "ChartTableModel",
    "ChartWithTable",
    "Column",
    "ProgressBarsChart",
    "RestitutionBar",
    "StackedDailyChart",
    "TimeSeriesChart",
    "TimeWindowSelector",
    "bucket_points",
    "series_colors",
]
