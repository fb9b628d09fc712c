"""Killing an import at any moment loses nothing stored and leaves no half-written activity.

A folder of 480 distinct FIT files (real fixtures, every date moved, see fit_variants) is
imported by the real command in its own process group; at a seeded random moment the whole
group (command and decode workers) gets SIGKILL. After every kill the database must pass
SQLite's integrity check and hold no more than before a later run; a last run to the end must
then give exactly the activities a clean import gives, each once.
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
COPIES = 80


def _corpus(folder: Path) -> int:
    folder.mkdir()
    for s, name in enumerate(SOURCES):
        data = (FIT_FIXTURES / name).read_bytes()
        for i in range(COPIES):
            shifted = shift_fit(data, -86400 * (i + 1) - 3600 * s)
            (folder / f"{name[:-4]}-{i:03}.fit").write_bytes(shifted)
    return len(SOURCES) * COPIES


def _start_import(data_dir: Path, folder: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "cli", "--data-dir", str(data_dir), "import", str(folder), "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own group: the decode workers die with it
    )


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
    folder = tmp_path / "runs"
    files = _corpus(folder)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = data_dir / "strongstride.sqlite"
    rng = random.Random(SEED)
    kills = attempts = 0
    before = 0
    while kills < KILLS and attempts < 3 * KILLS:
        attempts += 1
        proc = _start_import(data_dir, folder)
        time.sleep(rng.uniform(0.4, 3.0))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        proc.stderr.close()
        if database.exists() and database.stat().st_size:
            assert integrity(database) == "ok", f"after kill {kills}"
            activities, distinct, _ = _counts(database)
            assert activities == distinct, f"duplicates after kill {kills}"
            assert activities >= before, "a kill lost activities stored before it"
            before = activities
    assert kills >= KILLS, f"only {kills} of {attempts} runs were still going when killed"
    count_cases("SIGKILLs during an import, database intact after each", kills)

    final = _start_import(data_dir, folder)
    _, err = final.communicate(timeout=600)
    assert final.returncode == 0, err.decode()

    clean_dir = tmp_path / "clean"
    clean_dir.mkdir()
    clean = _start_import(clean_dir, folder)
    _, err = clean.communicate(timeout=600)
    assert clean.returncode == 0, err.decode()

    assert integrity(database) == "ok"
    activities, distinct, imported = _counts(database)
    assert (activities, distinct) == _counts(clean_dir / "strongstride.sqlite")[:2]
    assert activities == distinct
    assert imported == files
