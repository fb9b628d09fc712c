"""The activities page: a filterable, sortable table of everything imported, and a detail pane
with the heart-rate and speed chart of the selected activity."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
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
from desktop.views.chart_ticks import nice_axis, tick_label_format
from desktop.views.theme import colors

if TYPE_CHECKING:
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
        self.has_data = False

    def show_series(
        self, points: list[tuple[float, float, float]], units: str = "km", *, pace: bool = False
    ) -> None:
        """Heart rate and, for runs, pace (min per km or mile; faster is higher), else speed.
        With no samples the chart is hidden and `empty_reason` says why."""
        c = colors()
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setBackgroundBrush(c.surface)
        chart.legend().setLabelColor(c.text)
        hr_pts = [(t / 60, h) for t, h, _ in points if not math.isnan(h)]
        unit_m = 1000 * (fmt.KM_PER_MILE if units == "mi" else 1)
        if pace:
            name = self.tr("Pace (min/{u})").format(u=units)
            sp_pts = [(t / 60, unit_m / s) for t, _, s in points if not math.isnan(s) and s > 1.0]
        else:
            name = self.tr("Speed ({u}/h)").format(u=units)
            sp_pts = [(t / 60, s * 3.6e3 / unit_m) for t, _, s in points if not math.isnan(s)]
        self.has_data = bool(hr_pts or sp_pts)
        if not self.has_data:
            return
        x_axis = QValueAxis()
        x_axis.setTitleText(self.tr("minutes"))
        x_max, ticks = nice_axis(max(p[0] for p in hr_pts + sp_pts), max_intervals=6)
        x_axis.setRange(0, x_max)
        x_axis.setTickCount(ticks)
        x_axis.setLabelFormat(tick_label_format(x_max, ticks))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        if hr_pts:
            self._add_line(chart, x_axis, self.tr("Heart rate (bpm)"), hr_pts, c.race, hr=True)
        if sp_pts:
            self._add_line(chart, x_axis, name, sp_pts, c.run, pace=pace)
        for axis in chart.axes():
            axis.setLabelsColor(c.muted)
            axis.setTitleBrush(c.muted)
            axis.setGridLineColor(c.border)
            axis.setLinePenColor(c.border)

    def _add_line(self, chart, x_axis, name, pts, color, *, hr=False, pace=False) -> None:
        series = QLineSeries()
        series.setName(name)
        series.setPen(QPen(color, 1.6))
        for x, y in pts:
            series.append(x, y)
        chart.addSeries(series)
        values = sorted(p[1] for p in pts)
        if pace:  # the slowest 5 % (stops, walks) would squash the running
            lo, hi = values[0], values[int(len(values) * 0.95) - 1 if len(values) > 20 else -1]
            axis = pace_axis(lo, hi)
        else:
            axis = QValueAxis()
            lo, hi = values[0], values[-1]
            step = 10 if hr else 1
            while (hi - lo) / step > 6:
                step *= 2
            bottom, top = math.floor(lo / step) * step, math.ceil(hi / step) * step or step
            axis.setRange(bottom, top)
            axis.setTickCount(round((top - bottom) / step) + 1)
            axis.setLabelFormat("%d")
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft if hr else Qt.AlignmentFlag.AlignRight)
        series.attachAxis(x_axis)
        series.attachAxis(axis)


def pace_axis(fastest_s: float, slowest_s: float) -> QCategoryAxis:
    """A pace axis in m:ss, every 30 s, faster at the top."""
    lo = math.floor(fastest_s / 30) * 30
    hi = max(lo + 30, math.ceil(slowest_s / 30) * 30)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(lo, hi)
    axis.setReverse(True)
    step = 30 if hi - lo <= 240 else 60
    for v in range(int(lo), int(hi) + 1, step):
        axis.append(f"{v // 60}:{v % 60:02d}", v)
    axis.setStartValue(lo)
    return axis


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
        for col, width in enumerate((130, 80, 200, 90, 70, 80, 65, 50, 170, 70, 80)):
            self.table.setColumnWidth(col, width)
        self.table.setColumnHidden(SEARCH_COLUMN, True)
        self.table.setAccessibleName(self.tr("Activities table"))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        detail = self._detail_pane()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

    def _detail_pane(self) -> QWidget:
        """The selected activity in words, and its chart (hidden until there is one)."""
        detail = QWidget(self.splitter)
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 6, 0, 0)
        self.detail_title = QLabel(
            self.tr("Select an activity to see its heart rate and its pace or speed.")
        )
        self.detail_title.setProperty("role", "muted")
        dl.addWidget(self.detail_title)
        self.chart = SeriesChart(detail)
        self.chart.hide()  # nothing to draw until an activity with samples is chosen
        dl.addWidget(self.chart, 1)
        self.no_series = QLabel(detail)
        self.no_series.setProperty("role", "muted")
        self.no_series.setWordWrap(True)
        self.no_series.hide()
        dl.addWidget(self.no_series)
        dl.addStretch(0)
        return detail

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
        bits.append(fmt.duration(row.timer_s))
        if row.sport == "running" and row.distance_m:
            bits.append(fmt.pace(row.distance_m, row.timer_s, self.model.units))
        if row.avg_hr:
            bits.append(self.tr("avg HR {0:.0f}").format(row.avg_hr))
        if row.load is not None:
            bits.append(
                self.tr("load {v:.0f} (from {m})").format(
                    v=row.load, m=fmt.load_method(row.load_method) or "?"
                )
            )
        self.detail_title.setText(" · ".join(bits))
        self.series_needed.emit(row.id)

    def show_series(self, activity_id: int, points: list[tuple[float, float, float]]) -> None:
        row = self.selected_row()
        if row is not None and row.id == activity_id:
            self.chart.show_series(points, self.model.units, pace=row.sport == "running")
            self.chart.setVisible(self.chart.has_data)
            self.no_series.setVisible(not self.chart.has_data)
            self.no_series.setText(
                self.tr(
                    "This activity has no second-by-second heart rate or speed recorded "
                    "(a manual entry, or a file with totals only)."
                )
            )
