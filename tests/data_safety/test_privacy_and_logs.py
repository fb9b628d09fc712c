"""Health data is private, exports are not forced private, and failures are logged, not lost."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from operations.logs import log_path, redact, start_logging
from tests.cli.process import run_cli
from tests.conftest import FIT_FIXTURES

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_new_data_folder_is_0700_and_everything_the_app_writes_in_it_is_0600(tmp_path):
    folder = tmp_path / "new-data"
    imported = run_cli(
        "--data-dir", str(folder), "import", str(FIT_FIXTURES / "run_fenix5_hr_gps_1min.fit")
    )
    assert imported.returncode == 0, imported.stderr
    assert run_cli("--data-dir", str(folder), "backup").returncode == 0
    assert _mode(folder) == 0o700
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"strongstride.sqlite", "strongstride.sqlite.lock"}
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert all(_mode(p) == 0o700 for p in folder.rglob("*") if p.is_dir())


@posix_only
def test_the_write_ahead_log_and_shared_memory_files_are_private_while_open(data_dir):
    from store import Database

    db = Database.open(data_dir / "strongstride.sqlite")
    with db.session():
        pass
    try:
        companions = sorted(data_dir.glob("strongstride.sqlite-*"))
        assert [p.name for p in companions] == [
            "strongstride.sqlite-shm",
            "strongstride.sqlite-wal",
        ]
        assert [_mode(p) for p in companions] == [0o600, 0o600]
    finally:
        db.close()


@posix_only
def test_an_existing_database_made_world_readable_is_made_private_again(data_dir):
    from store import Database

    path = data_dir / "strongstride.sqlite"
    Database.open(path).close()
    path.chmod(0o644)
    Database.open(path).close()
    assert _mode(path) == 0o600


@posix_only
def test_exports_keep_the_users_umask(data_dir, tmp_path):
    csv = tmp_path / "activities.csv"
    ics = tmp_path / "plan.ics"
    old = os.umask(0o022)
    try:
        assert run_cli("--data-dir", str(data_dir), "activities", "--csv", str(csv)).returncode == 0
        assert (
            run_cli("--data-dir", str(data_dir), "--today", "2026-12-06", "plan", "--ics", str(ics))
        ).returncode == 0
    finally:
        os.umask(old)
    assert _mode(csv) == 0o644
    assert _mode(ics) == 0o644


def test_an_unexpected_error_in_a_command_is_one_line_naming_the_log_with_the_traceback(
    data_dir, isolated_home
):
    # A database whose race table holds a row the code cannot read: a bug, not a user error.
    import sqlite3

    assert run_cli("--data-dir", str(data_dir), "race", "list").returncode == 0
    with sqlite3.connect(data_dir / "strongstride.sqlite") as conn:
        conn.execute(
            "INSERT INTO race (day, name, distance_km, priority) "
            "VALUES ('not a date', 'Broken', 10, 'A')"
        )
    result = run_cli("--data-dir", str(data_dir), "race", "list")
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "unexpected error" in result.stderr
    log = isolated_home / "xdg_state_home" / "StrongStride" / "log" / "strongstride.log"
    assert str(log) in result.stderr
    text = log.read_text()
    assert "Traceback" in text and "cli[" in text
    if os.name == "posix":
        assert _mode(log) == 0o600


def test_secrets_never_reach_the_log(isolated_home):
    path = start_logging("cli")
    assert path == log_path()
    logging.getLogger("strava").warning(
        "token refresh failed: {'access_token': 'abc123', 'refresh_token': 'def456'} "
        "client_secret=s3cr3t Authorization: Bearer xyz789"
    )
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text()
    for secret in ("abc123", "def456", "s3cr3t", "xyz789"):
        assert secret not in text
    assert "token refresh failed" in text
    assert redact("exit code 2") == "exit code 2"


def test_an_unhandled_exception_in_the_window_shows_what_happened_and_the_log(qtbot, tmp_path):
    import sys

    from desktop.crash import crash_dialog, install_crash_dialog

    log = tmp_path / "strongstride.log"
    before = sys.excepthook, __import__("threading").excepthook
    install_crash_dialog(log)
    try:
        try:
            raise RuntimeError("the calendar could not be drawn")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        box = crash_dialog()
        assert box is not None and box.isVisible()
        assert "the calendar could not be drawn" in box.text()
        assert str(log) in box.informativeText()
        box.accept()
        qtbot.waitUntil(lambda: crash_dialog() is None)
    finally:
        sys.excepthook, __import__("threading").excepthook = before


@posix_only
def test_files_copied_from_a_watch_are_private(tmp_path):
    from operations import imports
    from operations.imports import drive
    from store import Database
    from tests.importers.watch_tree import RUNS, garmin_tree

    old = os.umask(0o022)  # a usual umask: copies would be 0644 without the app's care
    try:
        mount = tmp_path / "watch-drive"
        garmin_tree(mount, storage="")
        data_dir = tmp_path / "data"
        data_dir.mkdir()
        db = Database.open(data_dir / "strongstride.sqlite")
        try:
            report = drive(imports.sync_watch(db, data_dir=data_dir, mount=mount))
        finally:
            db.close()
    finally:
        os.umask(old)
    assert report.activities == len(RUNS)
    copies = [p for p in (data_dir / "watch").rglob("*")]
    assert copies and all(_mode(p) == (0o700 if p.is_dir() else 0o600) for p in copies)
