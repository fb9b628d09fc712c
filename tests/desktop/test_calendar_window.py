"""The window on demo data: the calendar shows runs and plans, views switch, keys navigate."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSettings, Qt

from importers.demo import demo_season
from tests.desktop.window_fixtures import SEASON_END, demo_db, open_window, wait_for_plans

__all__ = ["demo_db"]


def test_the_calendar_opens_on_this_month_with_past_runs_and_planned_sessions(
    qtbot, demo_db, tmp_path
):
    window = open_window(qtbot, demo_db, tmp_path)
    assert window.calendar.title.text() == "November 2026"
    days = window.calendar.grid.days
    last_sunday = date(2026, 11, 22)
    assert any(a.sport == "running" for a in days[last_sunday].activities)
    future = [d for d in days.values() if d.day > SEASON_END and d.strength is not None]
    assert future, "the weeks ahead hold planned strength sessions"
    assert all(not d.activities for d in days.values() if d.day > SEASON_END)
    week = window.calendar.week_plan(SEASON_END)
    assert week.reason and week.reason in window.calendar.week_info.text()


def test_ctrl_and_a_number_switches_views_and_each_view_fills(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view == "activities"
    qtbot.waitUntil(
        lambda: window.activities.model.rowCount() == len(demo_season(SEASON_END).activities),
        timeout=10000,
    )
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view == "load"
    qtbot.waitUntil(lambda: len(window.load_view.loads) == 26, timeout=20000)
    assert window.load_view.loads[-2].run_km > 20
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.races.table.rowCount() >= 3, timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings_view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.calendar_split


def test_arrows_page_keys_and_t_move_through_the_calendar(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    grid = window.calendar.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.selected == SEASON_END + timedelta(days=1)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected == SEASON_END + timedelta(days=8)
    assert window.calendar.title.text() == "December 2026"  # 3 Dec is next month
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert window.calendar.title.text() == "January 2027"
    wait_for_plans(qtbot, window, date(2027, 1, 15))
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    assert window.calendar.title.text() == "November 2026"
    qtbot.keyClick(grid, Qt.Key.Key_W)
    assert window.calendar.week_mode and grid.rows == 1
    qtbot.keyClick(grid, Qt.Key.Key_T)
    assert grid.selected == SEASON_END
    assert window.calendar.title.text().startswith("Week 48")
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert grid.first_day == date(2026, 11, 30)
    wait_for_plans(qtbot, window, date(2026, 12, 2))
    qtbot.keyClick(grid, Qt.Key.Key_M)
    assert not window.calendar.week_mode and grid.rows in (5, 6)


def test_the_view_and_calendar_mode_come_back_after_a_restart(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    window.calendar.set_week_mode(True)
    window.show_view("races")
    assert window.close()
    assert QSettings().value("window/view") == "races"
    again = open_window(qtbot, demo_db, tmp_path)
    assert again.current_view == "races"
    assert again.calendar.week_mode


def test_the_next_month_is_ready_before_it_is_asked_for(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    qtbot.waitUntil(lambda: not window.db_jobs.running, timeout=20000)
    grid = window.calendar.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert window.calendar.title.text() == "December 2026"
    assert grid.first_day in grid.days and grid.last_day in grid.days  # no wait: prefetched
