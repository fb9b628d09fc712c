"""The other pages: activities table, load wording, settings, first run, watch, closing."""

from __future__ import annotations

import shutil
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.views.activities_model import COLUMNS
from importers.devices.mass_storage import DriveAdapter
from operations import training
from planner.model import Equipment
from store import Database
from tests.desktop.window_fixtures import (
    copy_runs,
    demo_db,
    open_window,
    wait_idle,
    window_importing,
)

__all__ = ["demo_db"]

DISTANCE = [k for k, _ in COLUMNS].index("distance")


def test_the_activities_table_sorts_and_filters_and_shows_the_series(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    window.show_view("activities")
    view = window.activities
    qtbot.waitUntil(lambda: view.model.rowCount() > 100, timeout=10000)
    total = view.model.rowCount()
    view.table.sortByColumn(DISTANCE, Qt.SortOrder.DescendingOrder)
    first = view.proxy.index(0, DISTANCE).data()
    longest = max(r.distance_m or 0 for r in view.model.rows)
    assert first == f"{longest / 1000:.2f} km"
    view.search.setText("long run")
    assert 0 < view.proxy.rowCount() < total
    assert all("long" in (view.proxy.index(i, 2).data() or "").lower() for i in range(5))
    assert f"of {total} activities" in view.count.text()
    view.sport.setCurrentIndex(view.sport.findData("running"))
    assert all(
        view.proxy.index(i, 1).data().startswith("Run") for i in range(view.proxy.rowCount())
    )
    view.search.clear()
    view.sport.setCurrentIndex(0)
    assert view.proxy.rowCount() == total
    view.search.setText("long run")
    view.table.selectRow(0)
    qtbot.waitUntil(
        lambda: bool(view.chart.chart().series()) and view.chart.chart().series()[0].count() > 10,
        timeout=10000,
    )
    assert "load" in view.detail_title.text()


def test_the_load_page_explains_each_measure_without_predicting_injury(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    window.show_view("load")
    view = window.load_view
    qtbot.waitUntil(lambda: len(view.loads) == 26, timeout=20000)
    words = view.explain.text().lower()
    for measure in ("fitness (ctl)", "fatigue (atl)", "monotony", "does not predict injury"):
        assert measure in words
    week = next(i for i, w in enumerate(view.loads) if w.acwr is not None)
    text = view.week_text(week)
    # the short window is named as what it is, not as "usual" (that is the plan's comparison)
    assert "last 7 days against the 4 weeks before" in text and "risk" not in text.lower()
    assert any(view.strength_done.values())


def test_saving_settings_changes_the_profile(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    window.show_view("settings")
    form = window.settings_view.form
    qtbot.waitUntil(lambda: form.hr_max.value() > form.hr_max.minimum(), timeout=10000)
    form.equipment.setCurrentIndex(form.equipment.findData("bodyweight"))
    form.units.setCurrentIndex(form.units.findData("mi"))
    qtbot.mouseClick(window.settings_view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.settings_view.saved.text() == "Saved.", timeout=20000)
    wait_idle(qtbot, window)
    profile = training.load_profile(demo_db)
    assert profile.equipment == Equipment.BODYWEIGHT and profile.units == "mi"
    qtbot.waitUntil(lambda: window.units == "mi", timeout=10000)


def finish_wizard(qtbot, window, choice: str):
    qtbot.waitUntil(lambda: window.file_menu.wizard is not None, timeout=10000)
    wizard = window.file_menu.wizard
    assert wizard.isVisible()
    wizard.form.hr_max.setValue(191)
    wizard.form.strength_days[0].setChecked(True)
    wizard.form.strength_days[3].setChecked(True)
    wizard.next()
    wizard.choice.button(wizard.IMPORT_CHOICES.index(choice)).setChecked(True)
    wizard.accept()
    return wizard


def test_a_first_start_asks_about_the_runner_once_and_keeps_the_answers(qtbot, tmp_path):
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window = open_window(qtbot, db, tmp_path)
        finish_wizard(qtbot, window, "later")
        qtbot.waitUntil(lambda: window.settings_view.form.hr_max.value() == 191, timeout=10000)
        wait_idle(qtbot, window)
        profile = training.load_profile(db)
        assert profile.hr_max == 191 and profile.strength_weekdays == (0, 3)
        window.close()
        again = open_window(qtbot, db, tmp_path)
        qtbot.wait(300)
        wait_idle(qtbot, again)
        assert again.file_menu.wizard is None
        again.close()
    finally:
        db.close()


def test_choosing_the_demo_on_first_start_fills_a_season(qtbot, tmp_path):
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window = open_window(qtbot, db, tmp_path)
        finish_wizard(qtbot, window, "demo")
        qtbot.waitUntil(lambda: window.activity_count() > 100, timeout=30000)
        qtbot.waitUntil(
            lambda: any(d.activities for d in window.calendar.grid.days.values()), timeout=15000
        )
        window.close()
    finally:
        db.close()


def test_a_plugged_in_watch_is_noticed_and_synced(qtbot, tmp_path, fit_fixtures):
    mount = tmp_path / "mnt" / "FR965"
    activity = mount / "GARMIN" / "Activity"
    activity.mkdir(parents=True)
    shutil.copy(fit_fixtures / "run_forerunner965_hr_gps.fit", activity / "A1.fit")
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window = open_window(qtbot, db, tmp_path, today=date(2026, 11, 25))
        if window.file_menu.wizard is not None:
            window.file_menu.wizard.reject()
        monitor = window.file_menu.watch_monitor
        monitor.adapters = lambda: [DriveAdapter([mount])]
        assert not window.file_menu.sync_action.isEnabled()
        with qtbot.waitSignal(monitor.appeared, timeout=10000):
            monitor.check()
        assert window.file_menu.sync_action.isEnabled()
        dialog = window.file_menu.sync()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        assert dialog.report.activities == 1
        assert (tmp_path / "watch").is_dir()
        qtbot.waitUntil(lambda: window.activity_count() == 1, timeout=10000)
        dialog.accept()
        shutil.rmtree(mount)
        with qtbot.waitSignal(monitor.gone, timeout=10000):
            monitor.check()
        assert not window.file_menu.sync_action.isEnabled()
    finally:
        window.close()
        db.close()


def test_closing_during_an_import_asks_and_then_cancels_it(
    qtbot, tmp_path, fit_fixtures, monkeypatch
):
    folder = tmp_path / "many"
    copy_runs(fit_fixtures, folder, 6)
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window, dialog = window_importing(qtbot, monkeypatch, db, tmp_path, folder)
        answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
        asked = []
        monkeypatch.setattr(
            QMessageBox, "question", lambda *a, **k: (asked.append(a), answers.pop(0))[1]
        )
        assert not window.close()
        assert window.isVisible() and dialog.running
        assert window.close()
        assert len(asked) == 2
        assert not dialog.running
        assert window.activity_count() > 0
    finally:
        db.close()
