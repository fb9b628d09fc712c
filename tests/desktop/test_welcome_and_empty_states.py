"""The welcome asks for the usual week and the next race; empty views say what to do."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate

from operations import training
from store import Database
from tests.desktop.window_fixtures import SEASON_END, open_window, wait_idle


def test_the_welcome_keeps_the_usual_week_and_the_goal_race_and_the_plan_uses_them(qtbot, tmp_path):
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window = open_window(qtbot, db, tmp_path)
        qtbot.waitUntil(lambda: window.file_menu.wizard is not None, timeout=10000)
        wizard = window.file_menu.wizard
        wizard.next()
        page = wizard.week_page
        assert wizard.currentPage() is page
        assert page.usual_minutes() is None and page.race() is None  # nothing invented
        page.know_week.setChecked(True)
        page.hours.setValue(5)
        page.minutes.setValue(30)
        page.has_race.setChecked(True)
        page.race_name.setText("Spring Half")
        race_day = SEASON_END + timedelta(weeks=10)
        page.race_day.setDate(QDate(race_day.year, race_day.month, race_day.day))
        wizard.next()
        wizard.choice.button(wizard.IMPORT_CHOICES.index("later")).setChecked(True)
        wizard.accept()
        qtbot.waitUntil(lambda: bool(training.list_races(db)), timeout=10000)
        wait_idle(qtbot, window)
        assert training.load_profile(db).usual_weekly_run_minutes == 330
        race = training.list_races(db)[0]
        assert (race.name, race.day, str(race.priority), race.distance_km) == (
            "Spring Half",
            race_day,
            "A",
            21.0975,
        )
        info = window.calendar.week_info
        qtbot.waitUntil(lambda: "No runs imported yet" in info.text(), timeout=15000)
        assert "your usual week of 5 h 30" in info.text()
        assert "Spring Half" in window.calendar.week_plan(SEASON_END).reason
        window.close()
    finally:
        db.close()


def test_an_empty_races_view_says_why_and_how_to_add_one(qtbot, tmp_path):
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window = open_window(qtbot, db, tmp_path)
        if window.file_menu.wizard is not None:
            window.file_menu.wizard.reject()
        window.show_view("races")
        qtbot.waitUntil(lambda: window.races.empty.isVisible(), timeout=10000)
        assert "goal race" in window.races.empty.text()
        window.races.name.setText("Club 10K")
        window.races.distance.setValue(10)
        window.races.add_button.click()
        qtbot.waitUntil(lambda: window.races.table.rowCount() == 1, timeout=10000)
        assert not window.races.empty.isVisible()
        window.close()
    finally:
        db.close()
