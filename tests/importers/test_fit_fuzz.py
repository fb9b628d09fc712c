"""Ten thousand damaged FIT files: each ends as a plausible activity or one clear reason.

Seeded (`STRONGSTRIDE_FUZZ_SEED`, `STRONGSTRIDE_FUZZ_CASES` to explore further), so a failure
names a case that can be made again with `fit_fuzz.cases`. Most cases go in-process through the
guard every worker runs (`decode_bytes`); a few hundred go through the whole import with worker
processes into a real SQLite file. Inputs that once broke the importer are kept in
`tests/data/fuzz/`. The counts are printed in the terminal summary.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from importers import plausibility as plausible
from importers.decode_worker import decode_bytes
from importers.fit_messages import FIT_MIN_ABSOLUTE
from tests.conftest import FIT_FIXTURES
from tests.importers import fit_fuzz
from tests.importers.conftest import FUZZ_COUNTS

SEED = int(os.environ.get("STRONGSTRIDE_FUZZ_SEED", "20261206"))
CASES = int(os.environ.get("STRONGSTRIDE_FUZZ_CASES", "10000"))
PIPELINE_CASES = 240
HANG_S = 10.0  # a case slower than this counts as a hang
MEMORY_GOAL_MB = 500
PROCESS_BASE_MB = 150  # a decode worker with its modules loaded (benchmarks: 80-100 MB)
REGRESSIONS = Path(__file__).resolve().parents[1] / "data" / "fuzz"
UNEXPECTED = "the decoder failed on this file"  # the guard caught a bug of our own


def _reset_peak() -> None:
    """Start the peak-memory count afresh (Linux), so earlier tests in this process do not count."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    """This process's peak resident memory since `_reset_peak` (Linux), else since it started."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_IMPORT = """
import json, resource, sys
from pathlib import Path
from importers.pipeline import run_import
def peak_mb():  # VmHWM: this process's own peak (ru_maxrss also counts the parent at fork)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
from store import Database
db = Database.open(sys.argv[1])
report = run_import(db, [sys.argv[2]], workers=2)
again = run_import(db, [sys.argv[2]], workers=2)
db.close()
print(json.dumps({
    "imported": len(report.imported), "failed": len(report.failed),
    "skipped": len(report.skipped), "implausible": len(report.implausible),
    "again_activities": again.activities, "again_failed": len(again.failed),
    "again_known": again.unchanged + len(again.failed_before),
    "importer_mb": peak_mb(),
    "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def _implausible(result, latest: float) -> list[str]:
    """What is wrong with a decoded result that claims to be a real activity."""
    problems = []
    for a in result.activities:
        start = a.start_utc.timestamp()
        if not FIT_MIN_ABSOLUTE <= start <= latest:
            problems.append(f"start {a.start_utc}")
        for name in ("elapsed_s", "timer_s"):
            value = getattr(a, name)
            if value is not None and not 0 <= value <= plausible.MAX_ELAPSED_S:
                problems.append(f"{name} {value}")
        if a.distance_m is not None:
            longest = max(a.elapsed_s or 0, a.timer_s or 0)
            if a.distance_m > plausible.max_speed(a.sport) * longest + plausible.DISTANCE_SLACK_M:
                problems.append(f"distance {a.distance_m}")
        if any(not 30 <= bpm <= 240 for bpm, _ in a.hr_histogram):
            problems.append("heart rate bin out of range")
        if len(a.series) > 2 * plausible.MAX_ELAPSED_S / 10 + 2:
            problems.append(f"series of {len(a.series)} steps")
    return problems


def _check(data: bytes, latest: float) -> str:
    """One input through the worker's guard; returns its outcome or raises on a defect."""
    result, error = decode_bytes(data)
    assert (result is None) != (error is None)
    if error is not None:
        assert error.strip() and "\n" not in error
        return "unexpected error" if error.startswith(UNEXPECTED) else "failed with a reason"
    problems = _implausible(result, latest)
    assert not problems, problems
    if result.skipped:
        return "skipped with a reason"
    return "flagged implausible" if result.implausible else "decoded"


def test_ten_thousand_damaged_files_each_end_as_an_activity_or_a_reason():
    pool = [p for p in fit_fuzz.seeds(FIT_FIXTURES) if p[0].startswith("head:")]
    assert len(pool) >= 35  # a head of every FIT fixture
    latest = plausible.latest_time()
    outcomes: Counter[str] = Counter()
    hangs, unexpected = [], []
    began = time.perf_counter()
    _reset_peak()
    base = _peak_mb()
    for case in fit_fuzz.cases(pool, SEED, CASES):
        t0 = time.perf_counter()
        outcome = _check(case.data, latest)
        if time.perf_counter() - t0 > HANG_S:
            hangs.append(case.index)
        if outcome == "unexpected error":
            unexpected.append((case.index, case.source, case.what))
        outcomes[outcome] += 1
    took = time.perf_counter() - began
    rss = _peak_mb()
    FUZZ_COUNTS["in-process"] = (
        f"{sum(outcomes.values())} cases (seed {SEED}) in {took:.0f} s: "
        + ", ".join(f"{n} {what}" for what, n in sorted(outcomes.items()))
        + f"; 0 aborts, {len(hangs)} hangs, peak memory {rss:.0f} MB "
        f"({rss - base:.0f} MB above the test process's {base:.0f} MB)"
    )
    assert sum(outcomes.values()) == CASES
    assert not hangs and not unexpected, (hangs, unexpected[:5])
    assert rss - base + PROCESS_BASE_MB < MEMORY_GOAL_MB  # as a worker of its own would be


def test_damaged_files_through_the_whole_import_leave_a_sound_database(tmp_path):
    """In a fresh process, so its peak memory and its workers' are the import's own."""
    folder = tmp_path / "damaged"
    folder.mkdir()
    pool = fit_fuzz.seeds(FIT_FIXTURES)
    for case in fit_fuzz.cases(pool, SEED + 1, PIPELINE_CASES):
        (folder / f"case{case.index:04}.fit").write_bytes(case.data)
    db_path = tmp_path / "strongstride.sqlite"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT, str(db_path), str(folder)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    r = json.loads(out.stdout.strip().splitlines()[-1])
    with sqlite3.connect(db_path) as con:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        files = con.execute("SELECT count(*), count(DISTINCT path) FROM imported_file").fetchone()
        starts = [row[0] for row in con.execute("SELECT start_utc FROM activity")]
    FUZZ_COUNTS["whole import"] = (
        f"{PIPELINE_CASES} files: {r['imported']} imported, {r['failed']} failed with a reason, "
        f"{r['skipped']} skipped, {r['implausible']} flagged implausible; integrity {integrity}; "
        f"peak memory {r['importer_mb']:.0f} MB importing, {r['worker_mb']:.0f} MB largest worker"
    )
    assert integrity == "ok"
    assert files == (PIPELINE_CASES, PIPELINE_CASES)  # every file recorded once
    assert r["again_activities"] == 0 and r["again_failed"] == 0  # nothing is read twice
    assert r["again_known"] == PIPELINE_CASES
    latest = datetime.fromtimestamp(plausible.latest_time(), UTC).replace(tzinfo=None)
    assert starts and all(_naive(a) <= latest for a in starts)
    assert max(r["importer_mb"], r["worker_mb"]) < MEMORY_GOAL_MB


def _naive(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=None)


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*.fit")), ids=lambda p: p.stem)
def test_inputs_that_once_broke_the_importer_now_give_an_activity_or_a_reason(path):
    assert _check(path.read_bytes(), plausible.latest_time()) != "unexpected error"
