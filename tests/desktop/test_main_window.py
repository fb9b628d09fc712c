"""The first window: opens on demo data, shows it, runs background jobs, closes cleanly."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from desktop.main_window import MainWindow
from importers.demo import demo_season
from importers.progress import Progress
from store import Database

TODAY = date(2026, 11, 25)


@pytest.fixture
def demo_db(tmp_path, demo_database):
    db = Database.open(demo_database(tmp_path, TODAY))
    yield db
    db.close()


def test_the_main_window_opens_on_demo_data_and_closes_cleanly(qtbot, demo_db, tmp_path):
    window = MainWindow(demo_db, data_dir=tmp_path, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "StrongStride"
    expected = len(demo_season(TODAY).activities)
    # the count is read in a background job, off the GUI thread
    qtbot.waitUntil(
        lambda: f"{expected} activities" in window.statusBar().currentMessage(), timeout=10000
    )
    assert window.close()


def test_a_background_job_reports_progress_and_result_on_the_gui_thread(qtbot, demo_db, tmp_path):
    window = MainWindow(demo_db, data_dir=tmp_path, today=TODAY)
    qtbot.addWidget(window)
    seen: list[tuple[int, int, str]] = []
    threads: set[int] = set()

    def count_to_three(cancel: threading.Event):
        for i in range(3):
            yield Progress(i + 1, 3, f"item {i + 1}")
        return "all done"

    job = window.jobs.start(count_to_three)
    job.signals.progress.connect(
        lambda d, t, label: (seen.append((d, t, label)), threads.add(threading.get_ident()))
    )
    with qtbot.waitSignal(job.signals.result, timeout=5000) as blocker:
        pass
    assert blocker.args == ["all done"]
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[-1] == (3, 3, "item 3")
    assert threads == {threading.get_ident()}


def test_cancelling_a_job_stops_it_between_items(qtbot, demo_db, tmp_path):
    window = MainWindow(demo_db, data_dir=tmp_path, today=TODAY)
    qtbot.addWidget(window)
    started = threading.Event()
    processed: list[int] = []

    def slow_items(cancel: threading.Event):
        for i in range(1000):
            started.set()
            processed.append(i)
            cancel.wait(0.01)
            yield Progress(i + 1, 1000)

    job = window.jobs.start(slow_items)
    qtbot.waitUntil(started.is_set, timeout=5000)  # jobs start once the event loop runs
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        job.cancel()
    assert 0 < len(processed) < 1000
    assert window.jobs.wait(5000)


def test_a_failing_job_reports_its_message(qtbot, demo_db, tmp_path):
    window = MainWindow(demo_db, data_dir=tmp_path, today=TODAY)
    qtbot.addWidget(window)

    def broken(cancel: threading.Event):
        raise ValueError("week.fit: not a FIT file")

    job = window.jobs.start(broken)
    with qtbot.waitSignal(job.signals.error, timeout=5000) as blocker:
        pass
    assert blocker.args == ["week.fit: not a FIT file"]


def test_the_first_page_is_planned_and_painted_before_any_other_start_up_work(
    qtbot, demo_db, tmp_path, monkeypatch
):
    """Nothing competes with the first paint: the other reads, the welcome check, Strava's
    status and the watch monitor start only once the calendar has painted its plans."""
    from PySide6.QtCore import QSettings

    from desktop.jobs import JobRunner

    QSettings().clear()  # the calendar is the view shown, as on a first start
    order: list[str] = []
    real_start = JobRunner.start

    def recording_start(self, fn, name="", *args, **kwargs):
        order.append(name)
        return real_start(self, fn, name, *args, **kwargs)

    monkeypatch.setattr(JobRunner, "start", recording_start)
    window = MainWindow(demo_db, data_dir=tmp_path, today=TODAY)
    qtbot.addWidget(window)
    grid = window.calendar.grid
    painted_after: list[int] = []
    grid.plans_painted.connect(lambda: painted_after.append(len(order)))
    window.show()
    qtbot.waitUntil(lambda: "strava-status" in order, timeout=15000)
    assert order[0] == "weeks"
    # the profile (units for the first paint) may be read before it; nothing else is,
    # not even the pages either side
    assert painted_after and set(order[: painted_after[0]]) <= {"weeks", ""}
    assert painted_after[0] <= order.index("strava-status")
    assert window.file_menu.watch_monitor.timer.isActive()


def test_the_start_up_reads_still_run_when_the_first_paint_never_comes(qtbot, demo_db, tmp_path):
    """A window that gets no paint (minimised at start) loads the rest after two seconds."""
    from PySide6.QtCore import QSettings

    QSettings().clear()
    window = MainWindow(demo_db, data_dir=tmp_path, today=TODAY)
    qtbot.addWidget(window)
    window.calendar.grid.blockSignals(True)  # its paint is never reported
    window.show()
    qtbot.waitUntil(lambda: TODAY in window.calendar.grid.days, timeout=15000)
    assert not window.started
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    expected = len(demo_season(TODAY).activities)
    qtbot.waitUntil(
        lambda: f"{expected} activities" in window.statusBar().currentMessage(), timeout=10000
    )
