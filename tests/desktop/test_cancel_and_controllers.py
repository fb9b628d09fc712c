"""One cancel mechanism that hands back partial work, and controllers that never see the window."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.jobs import JobRunner
from desktop.views.plan_edits import PlanEdits
from desktop.views.services import WindowServices
from importers.progress import Progress
from store import Database
from tests.desktop.window_fixtures import (
    SEASON_END,
    copy_runs,
    demo_db,
    window_importing,
)

__all__ = ["demo_db"]


def test_a_cancelled_job_hands_back_what_it_completed(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    runner = JobRunner(owner)
    started = threading.Event()

    def count_until_cancelled(cancel: threading.Event):
        done = 0
        for i in range(1000):
            if cancel.is_set():
                return done
            started.set()
            cancel.wait(0.01)
            done = i + 1
            yield Progress(done, 1000)
        return done

    job = runner.start(count_until_cancelled)
    qtbot.waitUntil(started.is_set, timeout=5000)
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000) as got:
        job.cancel()
    assert 0 < got.args[0] < 1000
    assert runner.wait(5000)


def test_an_import_cancelled_halfway_reports_the_files_it_stored(
    qtbot, tmp_path, fit_fixtures, monkeypatch
):
    folder = tmp_path / "many"
    copy_runs(fit_fixtures, folder, 6)
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window, dialog = window_importing(qtbot, monkeypatch, db, tmp_path, folder)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.job.reported, timeout=60000)
        report = dialog.report
        assert dialog.cancelled and report is not None and report.cancelled
        assert report.activities == window.activity_count() > 0
        assert "Kept what was imported" in dialog.current.text()
        assert "1 file(s) imported" in dialog.current.text()
        dialog.accept()
        assert window.close()
    finally:
        db.close()


def test_plan_edits_work_with_the_services_alone_and_say_what_changed(qtbot, demo_db, tmp_path):
    owner = QWidget()
    qtbot.addWidget(owner)
    problems: list[str] = []
    statuses: list[str] = []
    services = WindowServices(
        db=demo_db,
        data_dir=tmp_path,
        today=SEASON_END,
        db_jobs=JobRunner(owner, max_threads=1),
        long_jobs=JobRunner(owner),
        show_problem=problems.append,
        show_status=lambda text, _ms: statuses.append(text),
    )
    edits = PlanEdits(services, owner=owner, day_plan=lambda d: None, week_plan=lambda d: None)
    with qtbot.waitSignal(edits.races_changed, timeout=10000):
        edits.add_race(
            {"day": SEASON_END, "name": "Club 10K", "distance_km": 10.0, "priority": "C"}
        )
    assert statuses[-1] == "Races saved; the plan follows them."
    with qtbot.waitSignal(edits.checklist_record, timeout=10000) as got:
        edits.load_checklist_record()
    completion, streak = got.args
    assert completion is None or 0 <= completion <= 1
    assert streak >= 0 and not problems
