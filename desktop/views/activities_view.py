"""The activities page: a filterable, sortable table of everything imported, and a detail pane
with the heart-rate and speed chart of the selected activity."""

from __future__ import annotations

import math

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QItemSelection, QMargins, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.views import formatting as fmt
from desktop.views.activities_model import SEARCH_COLUMN, ActivitiesFilter, ActivitiesModel
from desktop.views.theme import colors
from store.views import ActivityRow


class SeriesChart(QChartView):
    """Heart rate (left axis) and speed or pace (right axis) over the activity's time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(self.tr("Heart rate and speed chart"))
        self.setMinimumHeight(220)
        self.show_series([])

    def show_series(self, points: list[tuple[float, float, float]], units: str = "km") -> None:
        c = colors()
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setBackgroundBrush(c.surface)
        chart.setTitleBrush(c.text)
        chart.legend().setLabelColor(c.text)
        hr = QLineSeries()
        hr.setName(self.tr("Heart rate (bpm)"))
        speed = QLineSeries()
        factor = 3.6 if units == "km" else 3.6 / fmt.KM_PER_MILE
        speed.setName(self.tr("Speed ({u}/h)").format(u=units))
        hr_pts = [(t / 60, h) for t, h, _ in points if not math.isnan(h)]
        sp_pts = [(t / 60, s * factor) for t, _, s in points if not math.isnan(s)]
        for x, y in hr_pts:
            hr.append(x, y)
        for x, y in sp_pts:
            speed.append(x, y)
        hr.setPen(QPen(c.race, 1.6))
        speed.setPen(QPen(c.accent, 1.4))
        x_axis = QValueAxis()
        x_axis.setTitleText(self.tr("minutes"))
        x_axis.setLabelFormat("%d")
        x_max = max([p[0] for p in hr_pts + sp_pts], default=1)
        x_axis.setRange(0, max(1, x_max))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        for series, values, align in (
            (hr, [p[1] for p in hr_pts], Qt.AlignmentFlag.AlignLeft),
            (speed, [p[1] for p in sp_pts], Qt.AlignmentFlag.AlignRight),
        ):
            chart.addSeries(series)
            axis = QValueAxis()
            axis.setLabelFormat("%d")
            lo, hi = (min(values), max(values)) if values else (0, 1)
            axis.setRange(math.floor(lo * 0.95), math.ceil(hi * 1.05) or 1)
            chart.addAxis(axis, align)
            series.attachAxis(x_axis)
            series.attachAxis(axis)
        for axis in chart.axes():
            axis.setLabelsColor(c.muted)
            axis.setTitleBrush(c.muted)
            axis.setGridLineColor(c.border)
            axis.setLinePenColor(c.border)
        chart.setTitle("" if points else self.tr("No recorded series for this activity"))


class ActivitiesView(QWidget):
    series_needed = Signal(int)  # activity id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Activities"))
        self.model = ActivitiesModel(self)
        self.proxy = ActivitiesFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Activities"), self)
        title.setProperty("role", "title")
        bar.addWidget(title)
        bar.addStretch(1)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by date, name, source…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter activities"))
        self.search.setMinimumWidth(240)
        self.search.textChanged.connect(lambda t: self._filtered(text=t))
        self.sport = QComboBox(self)
        self.sport.setAccessibleName(self.tr("Sport"))
        self.sport.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sport.currentIndexChanged.connect(
            lambda: self._filtered(sport=self.sport.currentData() or "")
        )
        self.count = QLabel(self)
        self.count.setProperty("role", "muted")
        for w in (self.count, self.sport, self.search):
            bar.addWidget(w)
        layout.addLayout(bar)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableView(self.splitter)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        for col, width in enumerate((140, 90, 220, 90, 80, 70, 60, 110, 80, 60)):
            self.table.setColumnWidth(col, width)
        self.table.setColumnHidden(SEARCH_COLUMN, True)
        self.table.setAccessibleName(self.tr("Activities table"))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        detail = QWidget(self.splitter)
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 6, 0, 0)
        self.detail_title = QLabel(self.tr("Select an activity to see its heart rate and speed."))
        self.detail_title.setProperty("role", "muted")
        dl.addWidget(self.detail_title)
        self.chart = SeriesChart(detail)
        dl.addWidget(self.chart, 1)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

    def set_rows(self, rows: list[ActivityRow], units: str = "km") -> None:
        self.model.units = units
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        sports = sorted({r.sport for r in rows})
        current = self.sport.currentData()
        self.sport.blockSignals(True)
        self.sport.clear()
        self.sport.addItem(self.tr("All sports"), "")
        for s in sports:
            self.sport.addItem(fmt.sport_name(s), s)
        idx = self.sport.findData(current)
        self.sport.setCurrentIndex(max(0, idx))
        self.sport.blockSignals(False)
        self._update_count()

    def _filtered(self, **kw: str) -> None:
        self.proxy.set_filter(**kw)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("{n} activities").format(n=total)
        if shown != total:
            text = self.tr("{shown} of {n} activities").format(shown=shown, n=total)
        self.count.setText(text)

    def selected_row(self) -> ActivityRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()]

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        row = self.selected_row()
        if row is None:
            return
        bits = [row.start.strftime("%A %d %B %Y, %H:%M"), fmt.sport_name(row.sport)]
        if row.distance_m:
            bits.append(fmt.distance(row.distance_m, self.model.units, digits=2))
        bits.append(fmt.clock(row.timer_s))
        if row.avg_hr:
            bits.append(self.tr("avg HR {0:.0f}").format(row.avg_hr))
        if row.load is not None:
            bits.append(self.tr("load {v:.0f} ({m})").format(v=row.load, m=row.load_method or "?"))
        self.detail_title.setText(" · ".join(bits))
        self.series_needed.emit(row.id)

    def show_series(self, activity_id: int, points: list[tuple[float, float, float]]) -> None:
        row = self.selected_row()
        if row is not None and row.id == activity_id:
            self.chart.show_series(points, self.model.units)
