"""Charts with round ticks, real empty states and pace; one comparison in every view."""

from __future__ import annotations

import math

from PySide6.QtCharts import QBarSeries, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtWidgets import QToolTip

from desktop.views.activities_model import COLUMNS
from desktop.views.chart_ticks import nice_axis
from desktop.views.load_view import FATIGUE
from desktop.views.theme import colors
from store import Database
from tests.desktop.window_fixtures import SEASON_END, demo_db, open_window

__all__ = ["demo_db"]

PACE = [k for k, _ in COLUMNS].index("pace")


def _round(step: float) -> bool:
    power = 10 ** math.floor(math.log10(step))
    return any(math.isclose(step, s * power) for s in (1, 2, 2.5, 5, 10))


def test_axis_steps_are_round_and_small_counts_are_whole_numbers():
    assert nice_axis(945) == (1000, 5)  # 0, 250, 500, 750, 1000 instead of 238, 476, ...
    assert nice_axis(161) == (200, 5)
    assert nice_axis(1.15) == (2, 3)  # 0, 1, 2 instead of 0 0 0 0 1
    assert nice_axis(0.3) == (1, 2)
    for top in (3.7, 12, 59, 440, 7300):
        nice_top, ticks = nice_axis(top)
        assert nice_top >= top and ticks <= 5 and _round(nice_top / (ticks - 1))


def test_the_load_charts_have_round_ticks_month_labels_and_distinct_colours(
    qtbot, demo_db, tmp_path
):
    window = open_window(qtbot, demo_db, tmp_path)
    window.show_view("load")
    view = window.load_view
    qtbot.waitUntil(lambda: len(view.loads) == 26, timeout=20000)
    for chart_view in (view.load_chart, view.km_chart):
        for axis in chart_view.chart().axes():
            if isinstance(axis, QValueAxis):
                assert axis.min() == 0 and _round(axis.max() / (axis.tickCount() - 1))
    for chart_view in (view.load_chart, view.km_chart, view.ratio_chart):
        bottom = chart_view.chart().axes()[0]
        assert bottom.labelsVisible() and "Nov" in bottom.categories()
    series = view.load_chart.chart().series()
    fatigue = next(s for s in series if isinstance(s, QLineSeries) and s.name() == "Fatigue")
    races = next(s for s in series if isinstance(s, QScatterSeries))
    assert fatigue.pen().color() == FATIGUE != races.color() == colors().race


def test_hovering_a_week_shows_its_numbers_in_a_tooltip(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    window.show_view("load")
    view = window.load_view
    qtbot.waitUntil(lambda: len(view.loads) == 26, timeout=20000)
    bars = next(s for s in view.load_chart.chart().series() if isinstance(s, QBarSeries))
    bars.hovered.emit(True, 25, bars.barSets()[0])
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    assert QToolTip.text() == view.week_text(25) and "Week of" in QToolTip.text()
    bars.hovered.emit(False, 25, bars.barSets()[0])


def test_the_plans_comparison_is_the_headline_of_the_calendar_and_the_load_view(
    qtbot, demo_db, tmp_path
):
    window = open_window(qtbot, demo_db, tmp_path)
    qtbot.waitUntil(lambda: window.calendar.comparison is not None, timeout=15000)
    pct = window.calendar.comparison.percent
    reason = window.calendar.week_plan(SEASON_END).reason
    assert f"{pct}% more than usual" in reason
    window.show_view("load")
    view = window.load_view
    qtbot.waitUntil(lambda: len(view.loads) == 26, timeout=20000)
    assert f"{pct} % more than your usual" in view.headline.text()
    usual = window.calendar.comparison.usual_load
    assert f"your usual week ≈ {usual}" in window.calendar.week_info.text()
    assert f"your usual week ≈ {usual}" in view.summary.text()
    assert "last 7 days against the 4 weeks before" in view.summary.text()


def test_runs_show_their_pace_in_the_table_and_the_chart(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    window.show_view("activities")
    view = window.activities
    qtbot.waitUntil(lambda: view.model.rowCount() > 100, timeout=10000)
    assert not view.chart.isVisible()  # no empty axes before an activity is chosen
    run = next(r for r in view.model.rows if r.sport == "running" and r.distance_m)
    row = view.model.rows.index(run)
    seconds = round(run.timer_s / (run.distance_m / 1000))
    expected = f"{seconds // 60}:{seconds % 60:02d} /km"
    assert view.model.index(row, PACE).data() == expected
    view.table.selectRow(view.proxy.mapFromSource(view.model.index(row, 0)).row())
    qtbot.waitUntil(lambda: view.chart.isVisible(), timeout=10000)
    names = [s.name() for s in view.chart.chart().series()]
    assert names == ["Heart rate (bpm)", "Pace (min/km)"]
    assert expected in view.detail_title.text()


def test_with_nothing_imported_the_load_page_says_so_instead_of_drawing_axes(qtbot, tmp_path):
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window = open_window(qtbot, db, tmp_path)
        if window.file_menu.wizard is not None:
            window.file_menu.wizard.reject()
        window.show_view("load")
        view = window.load_view
        qtbot.waitUntil(lambda: view.empty.isVisible(), timeout=15000)
        assert not view.load_chart.isVisible() and "Import your runs" in view.empty.text()
        assert "Not enough running yet" in view.headline.text()
        window.close()
    finally:
        db.close()
