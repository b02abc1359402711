"""The patterns view: harms counted by category and by defect across everyone, as bar charts with
a table alternative; choosing a bar filters the people list and the harms table."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from amends_desktop.services.inventory import PatternCounts
from amends_desktop.ui.charts import BarChart, ChartWithTable

CATEGORY_PREFIX = "cat:"
TAG_PREFIX = "tag:"


class PatternsView(QWidget):
    """Two bar charts (each with a "Show as table" toggle). ``patternChosen(key)`` carries
    ``"cat:<category value>"`` or ``"tag:<tag id>"``."""

    patternChosen = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Patterns")
        intro = QLabel(
            "Every harm, counted by what kind of harm it was and by the patterns behind it. "
            "Seeing them together can make the work ahead feel clearer. Choose a bar (click, or "
            "arrow keys and Enter) to see only those people and harms."
        )
        intro.setWordWrap(True)
        self.total = QLabel()
        self.category_chart = BarChart(
            label_title="Kind of harm",
            value_title="Harms",
            accessible_name="Harms by kind",
            accessible_description="Number of harms of each kind, across everyone",
        )
        self.tag_chart = BarChart(
            label_title="Defect or pattern",
            value_title="Harms",
            accessible_name="Harms by defect",
            accessible_description="Number of harms each defect or pattern was behind",
        )
        self.category_box = ChartWithTable(self.category_chart, title="By kind of harm")
        self.tag_box = ChartWithTable(self.tag_chart, title="By defect or pattern")
        charts = QHBoxLayout()
        charts.setSpacing(18)
        charts.addWidget(self.category_box, 1)
        charts.addWidget(self.tag_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.total)
        layout.addLayout(charts, 1)
        self.category_chart.barClicked.connect(self.patternChosen.emit)
        self.tag_chart.barClicked.connect(self.patternChosen.emit)
        for box in (self.category_box, self.tag_box):
            box.table_view().activated.connect(lambda index, b=box: self._table_activated(b, index))
        self._counts: PatternCounts | None = None

    def _table_activated(self, box: ChartWithTable, index) -> None:  # type: ignore[no-untyped-def]
        chart = box.chart()
        proxy = box.table_view().model()
        source_row = proxy.mapToSource(index).row()
        keys = chart.keys()  # type: ignore[attr-defined]
        if 0 <= source_row < len(keys):
            self.patternChosen.emit(keys[source_row])

    def set_counts(self, counts: PatternCounts) -> None:
        self._counts = counts
        self.category_chart.set_bars(
            [(CATEGORY_PREFIX + cat.value, cat.label, n) for cat, n in counts.by_category]
        )
        self.tag_chart.set_bars([(f"{TAG_PREFIX}{int(tag.id or 0)}", tag.name, n) for tag, n in counts.by_tag])
        n = counts.total_harms
        self.total.setText(f"{n} {'harm' if n == 1 else 'harms'} in the inventory." if n else
                           "No harms written down yet. When there are some, their patterns show here.")

    def set_selected(self, key: str | None) -> None:
        self.category_chart.set_selected_key(key if key and key.startswith(CATEGORY_PREFIX) else None)
        self.tag_chart.set_selected_key(key if key and key.startswith(TAG_PREFIX) else None)
