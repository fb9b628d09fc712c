"""Importing through the dialog (with Cancel), and races changing the calendar and the plan."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt

from desktop.views.calendar_view import monday
from planner.model import Phase
from store import Database
from tests.desktop.window_fixtures import (
    SEASON_END,
    copy_runs,
    demo_db,
    open_window,
    wait_for_plans,
    window_importing,
)

__all__ = ["demo_db"]


def test_importing_fixture_fit_files_shows_progress_and_the_final_report(
    qtbot, tmp_path, fit_fixtures
):
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window = open_window(qtbot, db, tmp_path, today=SEASON_END)
        if window.file_menu.wizard is not None:
            window.file_menu.wizard.reject()
        seen: list[tuple[int, int, str]] = []
        dialog = window.file_menu.start_import([fit_fixtures], workers=1)
        dialog.job.signals.progress.connect(lambda d, t, label: seen.append((d, t, label)))
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=120000)
        report = dialog.report
        assert report.activities >= 20 and report.failed and not report.cancelled
        text = dialog.details.toPlainText()
        # in a runner's words: could not read / damaged, partly read / not activities
        assert "Could not read (2):" in text
        assert "empty_zero_bytes.fit: the file is empty" in text
        assert "corrupt_bad_crc.fit: a damaged copy of a run already imported" in text
        assert "monitoring_vivofit.fit: daily steps and heart rate from the watch" in text
        assert "tolerant decoder" not in text and "Duplicates" not in text
        assert f"{len(report.imported)} file(s) imported" in dialog.current.text()
        assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
        assert any(t > 0 and label.endswith(".fit") for _d, t, label in seen)
        stored = window.activity_count()
        assert stored >= 20
        qtbot.waitUntil(
            lambda: f"{stored} activities" in window.statusBar().currentMessage(), timeout=10000
        )
        dialog.accept()
        window.show_view("activities")
        qtbot.waitUntil(lambda: window.activities.model.rowCount() == stored, timeout=10000)
        assert window.close()
    finally:
        db.close()


def test_cancelling_an_import_midway_keeps_what_was_done_and_says_so(
    qtbot, tmp_path, fit_fixtures, monkeypatch
):
    folder = tmp_path / "many"
    # the same runs under other names: slow enough to stop midway
    total = copy_runs(fit_fixtures, folder, 12)
    runs = sorted(fit_fixtures.glob("run_*.fit"))
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window, dialog = window_importing(qtbot, monkeypatch, db, tmp_path, folder)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        # the outcome reaches the dialog by signal, just after the work itself has ended
        qtbot.waitUntil(lambda: dialog.job.reported, timeout=60000)
        assert not dialog.running
        assert dialog.cancelled or (dialog.report is not None and dialog.report.cancelled)
        assert "cancelled" in dialog.heading.text().lower()
        assert dialog.bar.value() < total
        assert 0 < window.activity_count() < len(runs) + 1
        dialog.accept()
        assert window.close()
    finally:
        db.close()


def test_adding_an_a_race_shows_it_on_the_calendar_and_changes_the_plan(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    race_day = SEASON_END + timedelta(days=11)  # Sunday of next week
    before = window.calendar.week_plan(race_day)
    window.show_view("races")
    races = window.races
    qtbot.waitUntil(lambda: races.table.rowCount() >= 3, timeout=10000)
    rows_before = races.table.rowCount()
    races.table.clearSelection()
    races.name.setText("Winter Half")
    races.distance.setValue(21.0975)
    races.priority.setCurrentIndex(0)  # A
    races.day.setDate(QDate(race_day.year, race_day.month, race_day.day))
    qtbot.mouseClick(races.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: races.table.rowCount() == rows_before + 1, timeout=10000)
    window.show_view("calendar")
    wait_for_plans(qtbot, window, race_day)
    day = window.calendar.grid.days[race_day]
    assert day.race is not None and day.race.name == "Winter Half"
    after = window.calendar.week_plan(race_day)
    assert after.phase == Phase.RACE_WEEK and after.phase != before.phase
    assert after.week_start == monday(race_day)


def test_a_race_without_a_name_is_refused_with_a_reason(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    window.show_view("races")
    races = window.races
    races.table.clearSelection()
    races.name.setText("  ")
    with qtbot.assertNotEmitted(races.add_requested):
        qtbot.mouseClick(races.add_button, Qt.MouseButton.LeftButton)
    assert "name" in races.error.text()


def test_removing_a_race_takes_it_off_the_list(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    window.show_view("races")
    races = window.races
    qtbot.waitUntil(lambda: races.table.rowCount() >= 3, timeout=10000)
    count = races.table.rowCount()
    races.table.selectRow(count - 1)
    gone = races.selected_race()
    qtbot.mouseClick(races.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: races.table.rowCount() == count - 1, timeout=10000)
    assert gone.id not in {r.id for r in races.races}
