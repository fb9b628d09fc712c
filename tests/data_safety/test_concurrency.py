"""Many processes, one data folder: they take turns, none fails, the schema is made once."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.cli.process import REPO, run_cli
from tests.conftest import FIT_FIXTURES
from tests.data_safety.conftest import count_cases, integrity

PROCESSES = 8


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}


def test_eight_commands_started_together_on_a_new_folder_all_succeed_with_one_schema(tmp_path):
    folder = tmp_path / "new"  # does not exist yet: every process races to create it
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cli",
                "--data-dir",
                str(folder),
                "race",
                "add",
                "--date",
                "2027-04-11",
                "--name",
                f"Race {i}",
                "--distance-km",
                "10",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )  # fmt: skip
        for i in range(PROCESSES)
    ]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0] * PROCESSES, [r[1] for r in results]
    path = folder / "strongstride.sqlite"
    assert integrity(path) == "ok"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
        names = sorted(r[0] for r in conn.execute("SELECT name FROM race"))
    assert names == sorted(f"Race {i}" for i in range(PROCESSES))
    count_cases("processes started together on a new data folder", PROCESSES)


def _hold_window_lock(folder: Path) -> subprocess.Popen:
    code = (
        "import sys, time; from pathlib import Path; "
        "from operations.window_lock import take_window_lock; "
        f"lock = take_window_lock(Path({str(folder)!r})); print('held', flush=True); "
        "sys.stdin.read()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_window_on_the_same_data_folder_is_refused_with_a_clear_message(
    qtbot, data_dir, capsys
):
    from desktop.app import run_app

    other = _hold_window_lock(data_dir)
    shown: list[str] = []

    def read_and_close_the_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, read_and_close_the_message)

    try:
        QTimer.singleShot(50, read_and_close_the_message)
        assert run_app(data_dir) == 2
    finally:
        other.stdin.close()
        other.wait(timeout=30)
    assert shown and f"already open on {data_dir}" in shown[0]
    assert f"process {other.pid}" in shown[0]
    assert "already open" in capsys.readouterr().err
    assert not (data_dir / "strongstride.sqlite").exists()  # refused before touching data


def test_the_window_lock_is_free_again_once_the_window_process_has_gone(data_dir):
    from operations.window_lock import take_window_lock

    other = _hold_window_lock(data_dir)
    other.kill()  # a crash: the operating system drops the lock with the process
    other.wait(timeout=30)
    lock = take_window_lock(data_dir)
    lock.release()


@pytest.mark.slow
def test_the_command_line_imports_and_adds_races_while_the_window_is_open(qtbot, data_dir):
    from desktop.main_window import MainWindow
    from operations import training
    from store import Database

    db = Database.open(data_dir / "strongstride.sqlite")
    window = MainWindow(db, data_dir=data_dir, today=date(2026, 12, 6))
    qtbot.addWidget(window)
    window.show()
    race = subprocess.Popen(
        [sys.executable, "-m", "cli", "--data-dir", str(data_dir), "race", "add",
         "--date", "2027-04-11", "--name", "Spring 10K", "--distance-km", "10"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
    )  # fmt: skip
    imported = run_cli("--data-dir", str(data_dir), "import", str(FIT_FIXTURES), "--json")
    out, err = race.communicate(timeout=300)
    assert race.returncode == 0, err
    assert imported.returncode in (0, 1), imported.stderr  # 1: the fixtures' broken files
    report = json.loads(imported.stdout)
    assert report["activities_added"] > 20
    window.show_view("activities")
    window.data_changed()
    qtbot.waitUntil(
        lambda: window.activities.model.rowCount() == report["activities_added"], timeout=30000
    )
    assert [r.name for r in training.list_races(db)] == ["Spring 10K"]
    window.close()
    db.close()
    assert integrity(data_dir / "strongstride.sqlite") == "ok"
    count_cases("window and command line writing at once")
