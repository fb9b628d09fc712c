"""`strongstride --self-test`: prove an installed or packaged app works, in a few seconds.

A build can look complete and still miss a module, a data file or a Qt plugin that only one
code path loads. The self-test walks every such path once, in a temporary folder that is
removed afterwards, and never touches the runner's data or keychain: a new database (every
migration), the bundled sample run decoded in a worker process (as imports do) and imported,
a week planned, and then whatever steps the caller adds (the window layer adds the weekly PDF,
the icons and the platform plugin), and last that the platform's keychain backend is there.

One line per step; the first failing step stops the run and is named, with exit code 1.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata, resources
from pathlib import Path

from planner.model import WeekPlan
from store import Database

SAMPLE_FIT = ("sample", "sample_run.fit")

# The keychain each platform brings, by its name among keyring's entry points.
PLATFORM_KEYCHAINS = {"win32": "Windows", "darwin": "macOS"}
LINUX_KEYCHAIN = "SecretService"


@dataclass
class SelfTest:
    """What the steps hand on to each other."""

    folder: Path
    today: date
    db: Database | None = None
    weeks: list[WeekPlan] = field(default_factory=list)
    pool: ProcessPoolExecutor | None = None
    decoding: Future | None = None  # the sample, decoding in a worker while the database opens

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        if self.db is not None:
            self.db.close()


Step = tuple[str, Callable[[SelfTest], str]]


def sample_fit() -> Path:
    """The bundled sample run (a real FIT file; its source is in resources/sample)."""
    folder, name = SAMPLE_FIT
    return Path(str(resources.files("resources").joinpath(folder).joinpath(name)))


def open_database(state: SelfTest) -> str:
    from operations.paths import database_path
    from store import migrate

    start_worker(state)  # a worker process takes a second to start: let it overlap
    state.db = Database.open(database_path(state.folder))
    return f"new database migrated to schema {migrate.head_revision()}"


def start_worker(state: SelfTest) -> None:
    """Send the sample to a spawned worker process, as every large import does."""
    import multiprocessing

    from importers import decode_worker
    from importers.sources import Candidate

    path = sample_fit()
    candidate = Candidate(str(path), path.stat().st_size, path.stat().st_mtime, "fit")
    state.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    state.decoding = state.pool.submit(decode_worker.decode, candidate)


def decode_in_worker(state: SelfTest) -> str:
    """The worker process started, decoded the sample and sent the activity back."""
    if state.decoding is None:
        start_worker(state)
    decoded = state.decoding.result(timeout=60)  # type: ignore[union-attr]
    if decoded.error or decoded.result is None:
        raise RuntimeError(f"{sample_fit().name}: {decoded.error or 'no result'}")
    return f"{sample_fit().name} decoded in a worker process"


def import_sample(state: SelfTest) -> str:
    from operations.imports import drive, import_paths

    report = drive(import_paths(_db(state), paths=[sample_fit()], workers=1))
    if report.failed or report.activities != 1:
        problems = "; ".join(f"{p.path}: {p.reason}" for p in report.failed)
        raise RuntimeError(problems or f"{report.activities} activities imported, expected 1")
    return f"1 activity imported, load computed for {report.loads_recomputed or 0}"


def plan_week(state: SelfTest) -> str:
    from operations.training import plan_weeks

    state.weeks = plan_weeks(_db(state), start=state.today, weeks=1, today=state.today)
    week = state.weeks[0]
    return f"week of {week.week_start} planned, {week.strength_sessions} strength session(s)"


def keychain(state: SelfTest) -> str:
    """The platform's keychain backend is bundled and loads; nothing is read or written."""
    import keyring

    wanted = PLATFORM_KEYCHAINS.get(sys.platform, LINUX_KEYCHAIN)
    points = {ep.name: ep for ep in metadata.entry_points(group="keyring.backends")}
    if wanted not in points:
        raise RuntimeError(f"keyring's {wanted} backend is not installed")
    points[wanted].load()
    active = keyring.get_keyring()
    name = f"{type(active).__module__}.{type(active).__name__}"
    if "fail" in name.lower() or "null" in name.lower():
        return f"{wanted} backend present; no keychain service is running here ({name})"
    return f"{wanted} backend present, in use: {name}"


def _db(state: SelfTest) -> Database:
    if state.db is None:
        raise RuntimeError("no database (an earlier step did not run)")
    return state.db


def core_steps() -> list[Step]:
    """The steps that need no Qt, in order."""
    return [
        ("database", open_database),
        ("worker process", decode_in_worker),
        ("import", import_sample),
        ("plan", plan_week),
    ]


def run_self_test(
    extra_steps: Iterable[Step] = (),
    *,
    today: date | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """Run the core steps, then `extra_steps`, then the keychain check; 0 when all passed."""
    steps = [*core_steps(), *extra_steps, ("keychain", keychain)]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="strongstride-self-test-") as folder:
        state = SelfTest(folder=Path(folder), today=today or date.today())
        try:
            for name, step in steps:
                t0 = time.perf_counter()
                try:
                    detail = step(state)
                except Exception as exc:
                    out(f"FAILED {name}: {type(exc).__name__}: {exc}")
                    out(f"self-test failed at step '{name}'")
                    return 1
                out(f"ok {name}: {detail} ({(time.perf_counter() - t0) * 1000:.0f} ms)")
        finally:
            state.close()
    out(f"self-test passed: {len(steps)} steps in {time.perf_counter() - started:.1f} s")
    return 0
