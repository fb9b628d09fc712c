"""Importing files: find, skip the known, decode in parallel, store in batches, report.

`import_files(db, paths, cancel=...)` is a generator yielding `Progress` and returning an
`ImportReport`. Decoding runs in a process pool (CPU-bound); one thread (the caller's) writes
to SQLite, a batch of files per transaction. A file is stored completely or not at all: if a
batch fails, its files are retried one transaction each. Cancelling stops between files; the
files finished by then are stored. `activity.load` stays NULL for the planner to fill.

Threading: call from one thread; the database writes happen on that thread.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading
import zipfile
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from importers import decode_worker
from importers.decode_worker import Decoded
from importers.progress import Progress
from importers.report import FileProblem, ImportReport
from importers.sources import Archives, Candidate, Rejected, walk
from importers.writer import BatchWriter
from store import Database
from store import activities as store
from store import resting as store_resting

POOL_MIN_FILES = 12  # below this, starting worker processes costs more than it saves


def import_files(
    db: Database,
    paths: Iterable[Path | str],
    *,
    cancel: threading.Event | None = None,
    source: str = "fit",
    workers: int | None = None,
) -> Generator[Progress, None, ImportReport]:
    cancel = cancel or threading.Event()
    report = ImportReport()
    yield Progress(0, None, "Looking for files")
    with db.session() as s:
        known = store.known_files_by_path(s)
        hashes = store.known_hashes(s)
    retry_known = {p: f for p, f in known.items() if f.status != "failed"}
    todo: list[Candidate] = []
    seen = 0
    for item in walk([Path(os.path.abspath(p)) for p in paths], known=retry_known):
        if cancel.is_set():
            report.cancelled = True
            return report
        seen += 1
        if seen % 500 == 0:
            yield Progress(0, None, f"Looking for files: {seen} found")
        if isinstance(item, Rejected):
            target = report.failed if item.failed else report.skipped
            target.append(FileProblem(item.path, item.reason))
            continue
        k = retry_known.get(item.path)
        if k is not None and k.size == item.size and k.mtime == item.mtime:
            report.unchanged += 1
            continue
        todo.append(item)
    total = len(todo)
    writer = BatchWriter(db, report, hashes, source, {p: f.id for p, f in known.items()})
    yield Progress(0, total, f"{total} file(s) to read")
    done = 0
    try:
        for decoded in _decode_all(todo, frozenset(hashes), workers, cancel):
            writer.add(decoded)
            done += 1
            yield Progress(done, total, Path(decoded.path.split("::")[-1]).name)
            if cancel.is_set():
                break
    finally:
        writer.flush()
        _keep_resting_hr(db, report, source)
    report.cancelled = cancel.is_set() and done < total
    return report


def _keep_resting_hr(db: Database, report: ImportReport, source: str) -> None:
    """The watch's daily resting HR is stored: it is HRrest when the runner entered none."""
    if report.profile is not None and report.profile.resting_hr_by_day:
        with db.session() as s:
            store_resting.save_resting_hr(s, report.profile.resting_hr_by_day, source=source)


def run_import(db: Database, paths: Iterable[Path | str], **kwargs) -> ImportReport:
    """Drive `import_files` to the end (scripts and tests that need no progress)."""
    gen = import_files(db, paths, **kwargs)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


def _decode_all(
    todo: list[Candidate], known: frozenset[str], workers: int | None, cancel: threading.Event
) -> Iterator[Decoded]:
    workers = workers or os.cpu_count() or 1
    archives = Archives()
    try:
        if workers <= 1 or len(todo) < POOL_MIN_FILES:
            for c in todo:
                if cancel.is_set():
                    return
                loaded = _load(c, archives)
                yield loaded if isinstance(loaded, Decoded) else decode_worker.decode(loaded, known)
            return
        yield from _decode_in_pool(todo, known, workers, cancel, archives)
    finally:
        archives.close()


def _load(c: Candidate, archives: Archives) -> Candidate | Decoded:
    """Archive members are read here, in the main thread, just before decoding."""
    if not c.chain:
        return c
    try:
        return dataclasses.replace(c, data=archives.read(c))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        return Decoded(c.path, c.size, c.mtime, c.kind, error=f"cannot unpack: {exc}")


def _decode_in_pool(
    todo: list[Candidate],
    known: frozenset[str],
    workers: int,
    cancel: threading.Event,
    archives: Archives,
) -> Iterator[Decoded]:
    """Decode in worker processes, a bounded number of files in flight.

    If a worker dies (a decoder crash in native code), the files in flight are reported as
    failed (a re-run retries them) and a fresh pool carries on with the rest.
    """
    ctx = multiprocessing.get_context("spawn")  # never fork a process holding SQLite or Qt

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=decode_worker.init_worker,
            initargs=(known,),
        )

    pool = new_pool()
    pending: dict[Future[Decoded], Candidate] = {}
    queue = iter(todo)
    in_flight = workers * 8
    ready: list[Decoded] = []  # archive members that could not even be unpacked
    retry: list[Candidate] = []  # loaded, but the pool broke before it could take them

    def submit(loaded: Candidate) -> bool:
        try:
            pending[pool.submit(decode_worker.decode, loaded)] = loaded
        except BrokenProcessPool:  # a worker died since the last wait: keep it for a new pool
            retry.append(loaded)
            return False
        return True

    def submit_more() -> bool:
        """Fill the pool up; False when it turned out to be broken."""
        while retry and len(pending) < in_flight:
            if not submit(retry.pop(0)):
                return False
        for c in queue:
            loaded = _load(c, archives)
            if isinstance(loaded, Decoded):
                ready.append(loaded)
                continue
            if not submit(loaded):
                return False
            if len(pending) >= in_flight:
                break
        return True

    try:
        healthy = submit_more()
        while pending or ready or retry:
            yield from ready
            ready.clear()
            if healthy and not pending:
                healthy = submit_more()
                continue
            broken = not healthy
            if pending:
                finished, _ = wait(set(pending), return_when=FIRST_COMPLETED)
                for fut in finished:
                    c = pending.pop(fut)
                    try:
                        yield fut.result()
                    except BrokenProcessPool:
                        broken = True
                        yield _crashed(c)
            if broken:
                for c in pending.values():
                    yield _crashed(c)
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
            if cancel.is_set():
                return
            healthy = submit_more()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _crashed(c: Candidate) -> Decoded:
    return Decoded(
        c.path,
        c.size,
        c.mtime,
        c.kind,
        error="the decoder crashed on this file or one read alongside it; import again to retry",
    )
