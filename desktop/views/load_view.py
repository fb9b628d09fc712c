"""The load page: weekly running and load, fitness and fatigue, and the 7-day vs 4-week ratio.

The headline is the planner's comparison (last 4 weeks of running against your usual week), the
same one the calendar and the printed sheet give; the 7-day ratio is labelled as the shorter
window it is. Three stacked charts share the week axis, each with its month labels and round
ticks; with nothing imported the page says so instead of drawing empty axes. Phases are shaded, races marked, strength sessions
counted per week; hovering a week shows its numbers. Each measure gets one plain line below the
charts: these numbers describe training, they do not predict injury.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.views import formatting as fmt
from desktop.views.chart_ticks import nice_axis, tick_label_format
from desktop.views.comparison_words import comparison_text
from desktop.views.theme import colors
from planner import defaults as D
from planner.comparison import Comparison
from planner.model import Phase, Race, WeekLoad
from planner.series import acwr_band

PHASE_TINT = {
    Phase.BASE: "#3b82f6",
    Phase.BUILD: "#8b5cf6",
    Phase.PEAK: "#ec4899",
    Phase.TAPER: "#f59e0b",
    Phase.RACE_WEEK: "#ef4444",
    Phase.RECOVERY: "#10b981",
}


FATIGUE = QColor("#db2777")  # pink: apart from the races' orange and fitness' purple


def acwr_words(ratio: float) -> str:
    """The 7-day ratio in words: a shorter window than the plan's comparison (context only)."""
    label = {
        "below": fmt.tr("below usual"),
        "usual": fmt.tr("usual"),
        "well_above": fmt.tr("well above"),
        "far_above": fmt.tr("far above"),
    }[acwr_band(ratio)]
    pct = round((ratio - 1) * 100)
    return fmt.tr("last 7 days against the 4 weeks before: {pct:+d} % ({label})").format(
        pct=pct, label=label
    )


class _Chart(QChartView):
    def __init__(self, name: str, parent: QWidget) -> None:
        chart = QChart()
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.keep: list[QLineSeries] = []  # area bounds: QAreaSeries does not own them

    def resizeEvent(self, event) -> None:
        self.chart().setPlotArea(QRectF())  # back to automatic; the view aligns it again
        super().resizeEvent(event)

    def reset(self) -> QChart:
        chart = self.chart()
        self.keep = []
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        c = colors()
        chart.setBackgroundBrush(c.surface)
        chart.legend().setLabelColor(c.text)
        return chart


class LoadView(QWidget):
    weeks_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Training load"))
        self.loads: list[WeekLoad] = []
        self.phases: dict[date, Phase] = {}
        self.races: list[Race] = []
        self.strength_done: dict[date, int] = {}
        self.units = "km"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Training load"), self)
        title.setProperty("role", "title")
        bar.addWidget(title)
        bar.addStretch(1)
        self.span = QComboBox(self)
        self.span.setAccessibleName(self.tr("Weeks shown"))
        for n in (12, 26, 52, 104):
            self.span.addItem(self.tr("Last {n} weeks").format(n=n), n)
        self.span.setCurrentIndex(1)
        self.span.currentIndexChanged.connect(lambda: self.weeks_changed.emit(self.weeks))
        bar.addWidget(self.span)
        layout.addLayout(bar)
        self.load_chart = _Chart(self.tr("Weekly load with fitness and fatigue"), self)
        self.km_chart = _Chart(self.tr("Weekly running distance and strength sessions"), self)
        self.ratio_chart = _Chart(
            self.tr("Last 7 days against the 4 weeks before (context only)"), self
        )
        self.load_chart.chart().plotAreaChanged.connect(self._align_plots)
        for view in (self.km_chart, self.ratio_chart):
            view.chart().legend().hide()  # their series are named on the axes instead
            view.chart().plotAreaChanged.connect(
                lambda _a: self._align_plots(self.load_chart.chart().plotArea())
            )
        self._headline_and_empty_state(layout)
        layout.addWidget(self.load_chart, 5)
        layout.addWidget(self.km_chart, 4)
        layout.addWidget(self.ratio_chart, 3)
        self.comparison: Comparison | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("This week in numbers"))
        layout.addWidget(self.summary)
        self.explain = QLabel(self._explanations(), self)
        self.explain.setWordWrap(True)
        self.explain.setProperty("role", "muted")
        layout.addWidget(self.explain)

    def _headline_and_empty_state(self, layout: QVBoxLayout) -> None:
        """The planner's comparison on top; a sentence instead of charts with no data."""
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setProperty("role", "heading")
        self.headline.setAccessibleName(self.tr("Your running against your usual week"))
        layout.addWidget(self.headline)
        self.empty = QLabel(
            self.tr(
                "No activities yet. Import your runs (File > Import files, or plug in your "
                "watch) and this page shows your weekly load, distance and strength sessions."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty, 1)

    def _align_plots(self, area) -> None:
        """Give the lower charts the top chart's plot width, so the weeks line up."""
        top = self.load_chart.chart()
        bottom_gap = top.size().height() - area.bottom()
        for view, extra in ((self.km_chart, 0), (self.ratio_chart, 22)):
            chart = view.chart()
            height = chart.size().height() - 12 - bottom_gap - extra
            target = QRectF(area.x(), 12, area.width(), height)
            if height > 20 and chart.plotArea() != target:
                chart.setPlotArea(target)

    @property
    def weeks(self) -> int:
        return int(self.span.currentData())

    def _explanations(self) -> str:
        lines = [
            self.tr(
                "<b>Load</b>: how hard the week was, from heart rate (or pace, or effort × "
                "minutes), all sports on one scale."
            ),
            self.tr(
                "<b>Fitness (CTL)</b>, chronic training load: your daily load averaged over about "
                "six weeks — "
                "what you are used to."
            ),
            self.tr(
                "<b>Fatigue (ATL)</b>, acute training load: the same over about one week — "
                "what you did lately."
            ),
            self.tr(
                "<b>Last 7 days ÷ 4 weeks</b>: a short window beside the plan's 4-week "
                "comparison (grey band: {low}–{high}); it describes change, it does not predict "
                "injury."
            ).format(low=D.ACWR_BANDS[0], high=D.ACWR_BANDS[1]),
            self.tr("<b>Dots</b>: strength sessions done each week. Shading: training phases."),
            self.tr(
                "<b>Monotony</b>: how alike the days of the week were; "
                "a mix of hard and easy days reads lower."
            ),
        ]
        return "<br>".join(lines)

    # -- data -------------------------------------------------------------------------------
    def set_data(
        self,
        loads: list[WeekLoad],
        *,
        phases: dict[date, Phase] | None = None,
        races: list[Race] | None = None,
        strength_done: dict[date, int] | None = None,
        units: str = "km",
    ) -> None:
        self.strength_done = strength_done or {}
        self.loads = list(loads)
        self.phases = phases or {}
        self.races = races or []
        self.units = units
        has_data = any(w.total_load > 0 or w.run_km > 0 for w in self.loads)
        self.empty.setVisible(not has_data)
        for view in (self.load_chart, self.km_chart, self.ratio_chart):
            view.setVisible(has_data)
        self._draw()

    def set_comparison(self, comparison: Comparison | None) -> None:
        """The planner's comparison, the page's headline."""
        self.comparison = comparison
        self.headline.setText(comparison_text(comparison, self.units))

    def _categories(self) -> list[str]:
        """Month names on the first week of each month; unique blanks elsewhere."""
        out = []
        every = 1 if len(self.loads) <= 30 else (2 if len(self.loads) <= 60 else 3)
        last_month = None
        shown = 0
        for i, w in enumerate(self.loads):
            month = (w.week_start + timedelta(days=3)).month
            if month != last_month:
                last_month = month
                label = w.week_start.strftime("%b") if shown % every == 0 else ""
                shown += 1
                out.append(label or "\u200b" * (i + 1))
            else:
                out.append("\u200b" * (i + 1))  # zero-width: unique, takes no room
        return out

    def _draw(self) -> None:
        cats = self._categories()
        self._draw_load(cats)
        self._draw_km(cats)
        self._draw_ratio(cats)
        self._summarise()

    def _x_axis(self, chart: QChart, cats: list[str], labels: bool = True) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        axis.append(cats)
        axis.setLabelsVisible(labels)
        axis.setGridLineVisible(False)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    def _y_axis(
        self, chart: QChart, title: str, top: float, align: Qt.AlignmentFlag, ticks: int = 4
    ) -> QValueAxis:
        """A value axis from 0 with round ticks (0, 200, 400 ... or 0, 1, 2 for counts)."""
        axis = QValueAxis()
        axis.setTitleText(title)
        nice_top, count = nice_axis(top, max_intervals=ticks)
        axis.setRange(0, nice_top)
        axis.setTickCount(count)
        axis.setLabelFormat(tick_label_format(nice_top, count))
        chart.addAxis(axis, align)
        return axis

    def _style(self, chart: QChart) -> None:
        c = colors()
        for axis in chart.axes():
            axis.setLabelsColor(c.muted)
            axis.setTitleBrush(c.muted)
            axis.setGridLineColor(c.border)
            axis.setLinePenColor(c.border)

    def _add_bars(self, chart, x, y, name: str, color: QColor, values: list[float]) -> None:
        """One weekly bar series on the chart's axes; hovering a bar shows that week."""
        bars = QBarSet(name)
        bars.setColor(color)
        bars.setBorderColor(_alpha(color, 0))
        bars.append(values)
        series = QBarSeries()
        series.setBarWidth(0.7)
        series.append(bars)
        series.hovered.connect(lambda on, i, _s: self._hover(on, i))
        chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)

    def _draw_load(self, cats: list[str]) -> None:
        c = colors()
        chart = self.load_chart.reset()
        x = self._x_axis(chart, cats)
        top = max([w.total_load for w in self.loads], default=1) * 1.05
        y = self._y_axis(chart, self.tr("load / week"), top, Qt.AlignmentFlag.AlignLeft)
        self._shade_phases(chart, x, y, top)
        self._add_bars(
            chart, x, y, self.tr("Load"), _alpha(c.accent, 150), [w.total_load for w in self.loads]
        )
        daily_top = max([max(w.ctl or 0, w.atl or 0) for w in self.loads], default=1) * 1.05
        y2 = self._y_axis(chart, self.tr("daily"), daily_top, Qt.AlignmentFlag.AlignRight)
        for name, attr, color in (
            (self.tr("Fitness"), "ctl", c.strength),
            (self.tr("Fatigue"), "atl", FATIGUE),
        ):
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(color, 2))
            for i, w in enumerate(self.loads):
                v = getattr(w, attr)
                if v is not None:
                    line.append(i, v)
            line.hovered.connect(lambda p, on: self._hover(on, round(p.x())))
            chart.addSeries(line)
            line.attachAxis(x)
            line.attachAxis(y2)
        self._mark_races(chart, x, y, top)
        self._style(chart)

    def _shade_phases(self, chart: QChart, x: QBarCategoryAxis, y: QValueAxis, top: float) -> None:
        i = 0
        while i < len(self.loads):
            phase = self.phases.get(self.loads[i].week_start)
            j = i
            while (
                j + 1 < len(self.loads) and self.phases.get(self.loads[j + 1].week_start) == phase
            ):
                j += 1
            tint = PHASE_TINT.get(phase) if phase is not None else None
            if tint:
                upper = QLineSeries()
                upper.append(QPointF(i - 0.5, top))
                upper.append(QPointF(j + 0.5, top))
                area = QAreaSeries(upper)
                self.load_chart.keep.append(upper)
                area.setName(fmt.phase_name(phase))
                color = QColor(tint)
                color.setAlpha(44 if colors().dark else 34)
                area.setColor(color)
                area.setBorderColor(color)
                chart.addSeries(area)
                area.attachAxis(x)
                area.attachAxis(y)
                chart.legend().markers(area)[0].setVisible(False)
            i = j + 1

    def _mark_races(self, chart: QChart, x: QBarCategoryAxis, y: QValueAxis, top: float) -> None:
        if not self.loads:
            return
        first = self.loads[0].week_start
        marks = QScatterSeries()
        marks.setName(self.tr("Races"))
        marks.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
        marks.setMarkerSize(12)
        marks.setColor(colors().race)
        marks.setBorderColor(colors().race)
        names: dict[int, str] = {}
        for race in self.races:
            index = (race.day - first).days // 7
            if 0 <= index < len(self.loads):
                marks.append(index, top * 0.94)
                names[index] = f"{race.priority} · {race.name} · {race.day:%d %b}"
        marks.hovered.connect(
            lambda p, on: (
                QToolTip.showText(QCursor.pos(), names.get(round(p.x()), ""))
                if on
                else QToolTip.hideText()
            )
        )
        chart.addSeries(marks)
        marks.attachAxis(x)
        marks.attachAxis(y)

    def _draw_km(self, cats: list[str]) -> None:
        c = colors()
        chart = self.km_chart.reset()
        x = self._x_axis(chart, cats)
        values = [fmt.km_value(w.run_km, self.units) for w in self.loads]
        y = self._y_axis(
            chart,
            self.tr("{u} / week").format(u=self.units),
            max(values, default=1) * 1.05,
            Qt.AlignmentFlag.AlignLeft,
            ticks=3,
        )
        running = self.tr("Running ({u})").format(u=self.units)
        self._add_bars(chart, x, y, running, _alpha(c.run, 170), values)
        most = max(
            [self.strength_done.get(w.week_start, w.strength_sessions) for w in self.loads],
            default=0,
        )
        y2 = self._y_axis(
            chart, self.tr("strength"), max(2, most) * 1.2, Qt.AlignmentFlag.AlignRight, 3
        )
        marks = QScatterSeries()
        marks.setName(self.tr("Strength sessions"))
        marks.setMarkerSize(9)
        marks.setColor(c.strength)
        marks.setBorderColor(c.strength)
        for i, w in enumerate(self.loads):
            n = self.strength_done.get(w.week_start, w.strength_sessions)
            if n:
                marks.append(i, n)
        marks.hovered.connect(lambda p, on: self._hover(on, round(p.x())))
        chart.addSeries(marks)
        marks.attachAxis(x)
        marks.attachAxis(y2)
        self._style(chart)

    def _draw_ratio(self, cats: list[str]) -> None:
        c = colors()
        chart = self.ratio_chart.reset()
        x = self._x_axis(chart, cats)
        y = QValueAxis()
        y.setRange(0, 2)
        y.setTickCount(3)
        y.setLabelFormat("%.1f")
        y.setTitleText(self.tr("ratio"))
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        lower, upper = QLineSeries(), QLineSeries()
        n = max(1, len(self.loads))
        low, high = D.ACWR_BANDS[:2]
        for xv in (-0.5, n - 0.5):
            lower.append(xv, low)
            upper.append(xv, high)
        band = QAreaSeries(upper, lower)
        self.ratio_chart.keep += [upper, lower]
        band.setName(f"{low}–{high}")
        band.setColor(_alpha(c.muted, 45))
        band.setBorderColor(_alpha(c.muted, 0))
        chart.addSeries(band)
        band.attachAxis(x)
        band.attachAxis(y)
        line = QLineSeries()
        line.setName(self.tr("last 7 days ÷ the 4 weeks before"))
        line.setPen(QPen(c.text, 1.6))
        line.setPointsVisible(True)
        for i, w in enumerate(self.loads):
            if w.acwr is not None:
                line.append(i, min(2.0, w.acwr))
        line.hovered.connect(lambda p, on: self._hover(on, round(p.x())))
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
        self._style(chart)

    # -- words ------------------------------------------------------------------------------
    def week_text(self, index: int) -> str:
        w = self.loads[index]
        lines = [
            self.tr("Week of {d}").format(d=w.week_start.strftime("%d %b %Y")),
            self.tr("Running: {km:.1f} {u} in {n} runs").format(
                km=fmt.km_value(w.run_km, self.units), u=self.units, n=w.runs
            ),
            self.load_words(w.total_load),
            self.tr("Strength sessions done: {n}").format(
                n=self.strength_done.get(w.week_start, w.strength_sessions)
            ),
        ]
        if w.ctl is not None:
            lines.append(
                self.tr("Fitness {c:.0f} · fatigue {a:.0f} a day").format(c=w.ctl, a=w.atl or 0)
            )
        if w.acwr is not None:
            lines.append(acwr_words(w.acwr))
        if w.monotony is not None:
            lines.append(self.tr("Monotony {m:.2f}").format(m=w.monotony))
        phase = self.phases.get(w.week_start)
        if phase is not None:
            lines.append(fmt.phase_name(phase))
        return "\n".join(lines)

    def _hover(self, on: bool, index: int) -> None:
        if on and 0 <= index < len(self.loads):
            QToolTip.showText(QCursor.pos(), self.week_text(index), self)
        else:
            QToolTip.hideText()

    def load_words(self, value: float) -> str:
        """'load 389 (your usual week ≈ 700)': a load is only read against the usual one."""
        usual = self.comparison.usual_load if self.comparison is not None else None
        if usual:
            return self.tr("load {v:.0f} (your usual week ≈ {u:.0f})").format(v=value, u=usual)
        return self.tr("load {v:.0f}").format(v=value)

    def _summarise(self) -> None:
        if not self.loads:
            self.summary.setText(self.tr("No activities yet: import some to see your load."))
            return
        last = self.loads[-1]
        bits = [
            self.tr("This week so far: {km:.1f} {u}, {load}").format(
                km=fmt.km_value(last.run_km, self.units),
                u=self.units,
                load=self.load_words(last.total_load),
            )
        ]
        if last.acwr is not None:
            bits.append(acwr_words(last.acwr))
        self.summary.setText(" · ".join(bits))
        self.summary.setToolTip(self.tr("Describes change, does not predict injury"))


def _alpha(color: QColor, a: int) -> QColor:
    out = QColor(color)
    out.setAlpha(a)
    return out
