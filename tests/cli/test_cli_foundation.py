"""The command line's foundation: version, demo data, and clear refusals of bad data folders."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cli import main
from operations import __version__, training
from store import Database
from tests.cli.process import run_cli


def dump_activities(db_file: Path) -> list[tuple]:
    with sqlite3.connect(db_file) as conn:
        rows = conn.execute(
            "SELECT source, external_id, sport, start_utc, timer_s, distance_m, avg_hr, max_hr "
            "FROM activity ORDER BY start_utc"
        ).fetchall()
        bins = conn.execute(
            "SELECT a.external_id, b.bpm, b.seconds FROM activity_hr_bin b "
            "JOIN activity a ON a.id = b.activity_id ORDER BY 1, 2"
        ).fetchall()
    return rows + bins


def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"strongstride {__version__}"


def test_demo_into_a_new_empty_folder_exits_zero_and_fills_a_season(tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()
    result = run_cli(
        "--data-dir", str(folder), "--today", "2026-11-25", "demo", "--no-window", "--json"
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["activities"] > 150  # about a year of running
    assert summary["races"] >= 3
    assert summary["strength_logs"] > 20
    rows = dump_activities(folder / "strongstride.sqlite")
    starts = [r[3] for r in rows if len(r) == 8]
    assert starts[0] < "2025-12-31" and starts[-1] > "2026-11-01"


def test_demo_gives_the_same_content_on_two_runs(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    assert main(["--data-dir", str(a), "--today", "2026-11-25", "demo", "--no-window"]) == 0
    assert main(["--data-dir", str(b), "--today", "2026-11-25", "demo", "--no-window"]) == 0
    # and again into the same folder: replaced, not doubled
    assert main(["--data-dir", str(a), "--today", "2026-11-25", "demo", "--no-window"]) == 0
    first, second = (
        dump_activities(a / "strongstride.sqlite"),
        dump_activities(b / "strongstride.sqlite"),
    )
    assert first == second
    assert len(first) > 1000


def test_demo_without_data_dir_uses_its_own_folder_not_the_real_one(isolated_home):
    assert main(["--today", "2026-11-25", "demo", "--no-window"]) == 0
    found = sorted(p.parent.name for p in Path(isolated_home).rglob("strongstride.sqlite"))
    assert found == ["StrongStride Demo"]


def test_demo_refuses_a_database_holding_real_activities(tmp_path):
    assert main(["--data-dir", str(tmp_path), "--today", "2026-11-25", "demo", "--no-window"]) == 0
    db_file = tmp_path / "strongstride.sqlite"
    conn = sqlite3.connect(db_file)
    with conn:
        conn.execute("UPDATE activity SET source = 'fit' WHERE id = 1")
    conn.close()
    before = dump_activities(db_file)
    result = run_cli("--data-dir", str(tmp_path), "demo", "--no-window")
    assert result.returncode == 2
    assert "already holds your own activities" in result.stderr
    assert dump_activities(db_file) == before


def test_a_data_dir_that_is_not_a_database_gives_one_line_and_exit_2(tmp_path):
    db_file = tmp_path / "strongstride.sqlite"
    db_file.write_text("not a database\n")
    result = run_cli("--data-dir", str(tmp_path), "demo", "--no-window")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert str(db_file) in result.stderr and "Traceback" not in result.stderr
    assert db_file.read_text() == "not a database\n"


def test_a_database_from_a_newer_version_gives_one_line_and_exit_2(tmp_path):
    assert main(["--data-dir", str(tmp_path), "demo", "--no-window"]) == 0
    db_file = tmp_path / "strongstride.sqlite"
    conn = sqlite3.connect(db_file)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff0001'")
    conn.close()
    before = db_file.read_bytes()
    result = run_cli("--data-dir", str(tmp_path), "demo", "--no-window")
    assert result.returncode == 2
    assert "newer StrongStride" in result.stderr and str(db_file) in result.stderr
    assert db_file.read_bytes() == before


def test_a_missing_data_dir_with_no_parent_is_refused(tmp_path):
    missing = tmp_path / "no" / "such" / "folder"
    result = run_cli("--data-dir", str(missing), "demo", "--no-window")
    assert result.returncode == 2
    assert str(missing) in result.stderr and "does not exist" in result.stderr
    assert not missing.exists()


def test_an_unwritable_data_dir_is_refused(tmp_path):
    if os.name != "nt" and os.geteuid() == 0:
        locked = Path("/proc/self")  # root may write anywhere on disk, not here
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
    result = run_cli("--data-dir", str(locked), "demo", "--no-window")
    assert result.returncode == 2
    assert "not writable" in result.stderr and str(locked) in result.stderr


def test_the_environment_variable_chooses_the_data_dir(tmp_path):
    result = run_cli("demo", "--no-window", env={"STRONGSTRIDE_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "strongstride.sqlite").exists()


def test_a_relative_data_dir_works_on_first_and_later_runs(tmp_path):
    (tmp_path / "mine").mkdir()
    for _ in range(2):
        result = run_cli("--data-dir", "mine", "demo", "--no-window", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "mine" / "strongstride.sqlite").exists()


def test_running_the_demo_again_starts_from_a_clean_season(tmp_path):
    args = ["--data-dir", str(tmp_path), "--today", "2026-11-25"]
    assert main([*args, "demo", "--no-window"]) == 0
    assert (
        main(
            [
                *args,
                "race",
                "add",
                "--date",
                "2027-03-07",
                "--name",
                "Extra 10K",
                "--distance-km",
                "10",
                "--priority",
                "B",
            ]
        )
        == 0
    )
    session_day = _first_session_day(tmp_path, "2026-11-23")
    assert main([*args, "log", session_day, "--skipped"]) == 0
    conn = sqlite3.connect(tmp_path / "strongstride.sqlite")
    with conn:
        conn.execute(
            "INSERT INTO exercise_swap VALUES ('2026-11-23#1', 'back_squat', 'goblet_squat')"
        )
        conn.execute("INSERT INTO resting_heart_rate VALUES ('2026-11-20', 44, 'fit')")
    conn.close()
    assert main([*args, "demo", "--no-window"]) == 0
    conn = sqlite3.connect(tmp_path / "strongstride.sqlite")
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("exercise_swap", "resting_heart_rate")
    }
    races = [r[0] for r in conn.execute("SELECT name FROM race")]
    skipped = conn.execute(
        "SELECT count(*) FROM session_log WHERE planned_day = ?", (session_day,)
    ).fetchone()[0]
    conn.close()
    assert counts == {"exercise_swap": 0, "resting_heart_rate": 0}
    assert "Extra 10K" not in races and skipped == 0


def _first_session_day(data_dir: Path, monday: str) -> str:
    """The day of the week starting `monday` that holds its first strength session."""
    db = Database.open(data_dir / "strongstride.sqlite")
    try:
        (week,) = training.plan_weeks(
            db, start=date.fromisoformat(monday), weeks=1, today=date(2026, 11, 25)
        )
    finally:
        db.close()
    return next(d.day for d in week.days if d.strength is not None).isoformat()


def test_a_reader_that_stops_early_is_not_an_error(tmp_path, demo_database):
    """`strongstride plan --weeks 52 | head -1` ends quietly, with no traceback."""
    demo_database(tmp_path, date(2026, 11, 25))
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli", "--data-dir", str(tmp_path), "plan", "--weeks", "52"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.stdout.readline().startswith(b"Week of")
    proc.stdout.close()  # like `head` exiting after its lines
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_a_damaged_database_gives_one_line_naming_it_and_exit_2(tmp_path, demo_database):
    db_file = demo_database(tmp_path, date(2026, 11, 25))
    conn = sqlite3.connect(db_file)
    with conn:
        conn.execute("DROP TABLE race")  # a damaged file at the current schema revision
    conn.close()
    result = run_cli("--data-dir", str(tmp_path), "--today", "2026-11-25", "plan")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert str(db_file) in result.stderr and "no such table: race" in result.stderr
    assert "Traceback" not in result.stderr
