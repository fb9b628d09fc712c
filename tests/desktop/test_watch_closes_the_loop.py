"""A strength activity the watch recorded on a planned day logs that session, with Undo."""

from __future__ import annotations

import shutil
from datetime import date

from operations import training
from store import Database
from tests.desktop.window_fixtures import open_window, wait_idle

RECORDED_ON = date(2025, 10, 20)  # the day of the Forerunner 965 strength fixture (a Monday)


def test_a_watch_strength_activity_logs_the_planned_session_with_its_sets_and_undo_removes_it(
    qtbot, tmp_path, fit_fixtures
):
    folder = tmp_path / "watch"
    folder.mkdir()
    shutil.copy(fit_fixtures / "strength_forerunner965_sets.fit", folder)
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        training.save_profile(db, strength_weekdays=(0, 3))
        window = open_window(qtbot, db, tmp_path, today=RECORDED_ON)
        if window.file_menu.wizard is not None:
            window.file_menu.wizard.reject()
        window.show_view("calendar")  # a window opened before may have left another view
        assert window.calendar.grid.days[RECORDED_ON].strength.status == "planned"
        dialog = window.file_menu.start_import([folder], workers=1)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        qtbot.waitUntil(lambda: "from the watch" in window.last_change, timeout=15000)
        assert "sets matched the plan" in window.last_change
        assert window.calendar.banner.isVisible() and "Undo" in window.calendar.banner.text()
        dialog.accept()
        wait_idle(qtbot, window)
        plans = training.plan_weeks(db, start=RECORDED_ON, weeks=1, today=RECORDED_ON)
        session = plans[0].days[0].strength
        assert session.status == "done"
        next_week = training.plan_weeks(db, start=date(2025, 10, 27), weeks=2, today=RECORDED_ON)
        lasts = [
            e.last for p in next_week for d in p.days if d.strength for e in d.strength.exercises
        ]
        assert any(lasts)  # the watch's sets are the results the next sessions start from
        window.undo()
        qtbot.waitUntil(lambda: window.last_change.startswith("Undone"), timeout=15000)
        wait_idle(qtbot, window)
        again = training.plan_weeks(db, start=RECORDED_ON, weeks=1, today=RECORDED_ON)
        assert again[0].days[0].strength.status == "planned"
        window.close()
    finally:
        db.close()
