"""Killing an import at any moment loses nothing stored and leaves no half-written activity.

Folders of 240 distinct FIT files (real fixtures, every date moved, see fit_variants) are
imported by the real command in its own process group; the whole group (command and decode
workers) gets SIGKILL at a seeded random moment: a quarter of the kills at any time after the
start, the others at a random time after the run has committed its first activities, so most
kills land between or inside write transactions. When a run gets to the end before its kill, the
next runs import a fresh folder. After every kill the database must pass SQLite's integrity
check and keep everything stored before; a last run over all folders must give exactly the
activities a clean import gives, each once.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.process import REPO
from tests.conftest import FIT_FIXTURES
from tests.data_safety.conftest import count_cases, integrity
from tests.importers.fit_variants import shift_fit

KILLS = 20
SEED = 20261206
SOURCES = (
    "run_fenix5_hr_gps_1min.fit",
    "run_forerunner965_hr_gps.fit",
    "run_vivoactive4s_hr_gps.fit",
    "walk_venu_hr_gps.fit",
    "run_coros_apex_pro_hr_gps.fit",
    "run_treadmill_forerunner945_hr_nogps.fit",
)
COPIES = 40
MAX_FOLDERS = 12


def _corpus(folder: Path, round_: int) -> int:
    """COPIES shifted copies of each source; `round_` keeps every folder's dates distinct."""
    folder.mkdir()
    for s, name in enumerate(SOURCES):
        data = (FIT_FIXTURES / name).read_bytes()
        for i in range(COPIES):
            days = i + 1 + round_ * COPIES
            (folder / f"{name[:-4]}-{i:03}.fit").write_bytes(
                shift_fit(data, -86400 * days - 3600 * s)
            )
    return len(SOURCES) * COPIES


def _start_import(data_dir: Path, *folders: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "cli", "--data-dir", str(data_dir), "import", *map(str, folders)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own group: the decode workers die with it
    )


def _wait_for_first_commit(proc: subprocess.Popen, database: Path, stored: int) -> None:
    """Return once the run has committed activities beyond `stored` (or has ended)."""
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if database.exists() and database.stat().st_size and _counts(database)[0] > stored:
                return
        except sqlite3.Error:  # the first run is still creating the schema
            pass
        time.sleep(0.05)


def _counts(path: Path) -> tuple[int, int, int]:
    """(activities, distinct (sport, start) pairs, imported files) in the database at `path`."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        activities = conn.execute("SELECT count(*) FROM activity").fetchone()[0]
        distinct = conn.execute(
            "SELECT count(*) FROM (SELECT DISTINCT sport, start_utc FROM activity)"
        ).fetchone()[0]
        files = conn.execute("SELECT count(DISTINCT path) FROM imported_file").fetchone()[0]
    finally:
        conn.close()
    return activities, distinct, files


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and process groups are POSIX")
def test_twenty_sigkills_during_a_large_import_leave_an_intact_database_and_no_duplicates(
    tmp_path: Path,
):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = data_dir / "strongstride.sqlite"
    folders = [tmp_path / "runs-0"]
    files = _corpus(folders[0], 0)
    rng = random.Random(SEED)
    kills = attempts = after_commit = before = 0
    while kills < KILLS and attempts < 3 * KILLS:
        attempts += 1
        proc = _start_import(data_dir, folders[-1])
        if rng.random() < 0.25:
            time.sleep(rng.uniform(0.1, 2.0))  # any moment: start-up, decoding, writing
        else:
            _wait_for_first_commit(proc, database, before)
            time.sleep(rng.uniform(0.0, 0.5))  # a 240-file import takes seconds at most
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        elif len(folders) < MAX_FOLDERS:  # it got to the end: give the next runs new work
            folders.append(tmp_path / f"runs-{len(folders)}")
            files += _corpus(folders[-1], len(folders) - 1)
        proc.wait(timeout=60)
        proc.stderr.close()
        if database.exists() and database.stat().st_size:
            assert integrity(database) == "ok", f"after kill {kills}"
            activities, distinct, _ = _counts(database)
            assert activities == distinct, f"duplicates after kill {kills}"
            assert activities >= before, "a kill lost activities stored before it"
            after_commit += activities > before
            before = activities
    assert kills >= KILLS, f"only {kills} of {attempts} runs were still going when killed"
    assert after_commit >= KILLS // 2, f"only {after_commit} runs stored anything before the kill"
    count_cases("SIGKILLs during an import, database intact after each", kills)
    count_cases("SIGKILLs during an import: runs that had committed some when killed", after_commit)

    final = _start_import(data_dir, *folders)
    _, err = final.communicate(timeout=600)
    assert final.returncode == 0, err.decode()

    clean_dir = tmp_path / "clean"
    clean_dir.mkdir()
    clean = _start_import(clean_dir, *folders)
    _, err = clean.communicate(timeout=600)
    assert clean.returncode == 0, err.decode()

    assert integrity(database) == "ok"
    activities, distinct, imported = _counts(database)
    assert (activities, distinct) == _counts(clean_dir / "strongstride.sqlite")[:2]
    assert activities == distinct
    assert imported == files
