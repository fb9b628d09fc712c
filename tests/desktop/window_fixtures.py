"""Shared set-up for the window tests: a demo season on disk and a shown main window."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.main_window import MainWindow
from operations.training import plan_weeks
from store import Database

SEASON_END = date(2026, 11, 25)  # a Wednesday; the demo season ends the Sunday before


@pytest.fixture
def demo_db(tmp_path, demo_database):
    QSettings().clear()  # each test starts from a window never opened before
    db = Database.open(demo_database(tmp_path, SEASON_END))
    yield db
    db.close()


def open_window(qtbot, db, data_dir, today=SEASON_END) -> MainWindow:
    """A shown window whose calendar page has its plans loaded and whose start-up reads
    (status, checklist, comparison, welcome check, Strava) have run."""
    window = MainWindow(db, data_dir=data_dir, today=today)
    qtbot.addWidget(window)
    window.file_menu.watch_monitor.timer.setInterval(60_000)
    window.show()
    qtbot.waitExposed(window)
    wait_for_plans(qtbot, window)
    qtbot.waitUntil(lambda: window.started, timeout=15000)
    wait_idle(qtbot, window)
    return window


def wait_for_plans(qtbot, window: MainWindow, day: date | None = None) -> None:
    day = day or window.calendar.selected
    qtbot.waitUntil(lambda: day in window.calendar.grid.days, timeout=15000)


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.db_jobs.running, timeout=15000)


def next_session_day(window: MainWindow, start: date) -> date:
    for i in range(21):
        d = start + timedelta(days=i)
        plan = window.calendar.grid.days.get(d)
        if plan is not None and plan.strength is not None and plan.strength.status == "planned":
            return d
    raise AssertionError(f"no planned session in the three weeks from {start}")


def first_session_day(db: Database, week_start: date, today: date = SEASON_END) -> date:
    """The day holding the first strength session of the week from `week_start`, as the plan
    shown on `today` places it (the planner, not the test, decides the day)."""
    (week,) = plan_weeks(db, start=week_start, weeks=1, today=today)
    return next(d.day for d in week.days if d.strength is not None)


def hold_import_until_cancelled(monkeypatch) -> None:
    """Run the real import, but hold it after its first file until it is cancelled, so a test
    is sure to cancel (or close the window) while the import is still running."""
    import importers.pipeline

    real_import = importers.pipeline.import_files

    def held_after_first_file(db, paths, *, cancel, **kw):
        gen = real_import(db, paths, cancel=cancel, **kw)
        for step in gen:
            yield step
            if step.done >= 1:
                cancel.wait(30)
                break
        return (yield from gen)

    monkeypatch.setattr(importers.pipeline, "import_files", held_after_first_file)


def copy_runs(fit_fixtures: Path, folder: Path, copies: int) -> int:
    """`copies` copies of every real run fixture in `folder`, under other names; the count."""
    folder.mkdir()
    runs = sorted(fit_fixtures.glob("run_*.fit"))
    for copy in range(copies):
        for f in runs:
            shutil.copy(f, folder / f"{copy}_{f.name}")
    return len(runs) * copies


def window_importing(qtbot, monkeypatch, db, data_dir: Path, folder: Path):
    """A window on `db` importing `folder`, the import held after its first file until it is
    cancelled: (window, import dialog)."""
    hold_import_until_cancelled(monkeypatch)
    window = open_window(qtbot, db, data_dir, today=SEASON_END)
    if window.file_menu.wizard is not None:
        window.file_menu.wizard.reject()
    dialog = window.file_menu.start_import([folder], workers=1)
    qtbot.waitUntil(lambda: dialog.bar.value() >= 1, timeout=60000)
    return window, dialog
