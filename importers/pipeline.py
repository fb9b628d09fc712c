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
import functools
import os
import threading
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path

from importers import decode_worker
from importers.decode_worker import Decoded
from importers.progress import Progress
from importers.report import ImportReport
from importers.resync import failed_read, sort_found
from importers.sources import Archives, Candidate, walk
from importers.worker_pool import DecodePool
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
    before_writing: Callable[[], object] | None = None,
) -> Generator[Progress, None, ImportReport]:
    """`before_writing` runs once, after the scan, when there are files to read (a backup)."""
    cancel = cancel or threading.Event()
    report = ImportReport()
    yield Progress(0, None, "Looking for files")
    with db.session() as s:
        known = store.known_files_by_path(s)
        hashes = store.known_hashes(s)
    failed = {f.sha256: f.error or "failed before" for f in known.values() if failed_read(f)}
    decoding = _Decoding(workers or os.cpu_count() or 1, frozenset(hashes), failed)
    try:
        todo: list[Candidate] = []
        for seen, item in enumerate(walk([Path(os.path.abspath(p)) for p in paths]), 1):
            if cancel.is_set():
                report.cancelled = True
                return report
            if seen % 500 == 0:
                yield Progress(0, None, f"Looking for files: {seen} found")
            if sort_found(item, known, report):
                todo.append(item)
                decoding.found(len(todo))
        total = len(todo)
        if todo and before_writing is not None:
            before_writing()
        writer = BatchWriter(db, report, hashes, source, {p: f.id for p, f in known.items()})
        yield Progress(0, total, f"{total} file(s) to read")
        done = 0
        try:
            for decoded in decoding.run(todo, cancel):
                writer.add(decoded)
                done += 1
                yield Progress(done, total, Path(decoded.path.split("::")[-1]).name)
                if cancel.is_set():
                    break
        finally:
            writer.flush()
            _keep_resting_hr(db, report, source)
    finally:
        decoding.close()
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


class _Decoding:
    """Decodes in-process for a few files, in a `DecodePool` for more; the pool starts as soon
    as the scan has found enough new files, so worker start-up overlaps the scan."""

    def __init__(self, workers: int, known: frozenset[str], failed: dict[str, str]) -> None:
        self.workers, self.known, self.failed = workers, known, failed
        self.pool: DecodePool | None = None
        self.archives = Archives()

    def found(self, count: int) -> None:
        if self.pool is None and self.workers > 1 and count >= POOL_MIN_FILES:
            self.pool = DecodePool(
                self.workers, self.known, self.failed, module=decode_worker.__name__
            )

    def run(self, todo: list[Candidate], cancel: threading.Event) -> Iterator[Decoded]:
        load = functools.partial(_load, archives=self.archives)
        if self.pool is not None:
            yield from self.pool.decode_all(iter(todo), load, cancel.is_set)
            return
        decode_worker.init_worker(self.known, self.failed)
        for c in todo:
            if cancel.is_set():
                return
            loaded = load(c)
            yield loaded if isinstance(loaded, Decoded) else decode_worker.decode(loaded)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
        self.archives.close()


def _load(c: Candidate, archives: Archives) -> Candidate | Decoded:
    """Archive members are read here, in the main thread, just before decoding."""
    if not c.chain:
        return c
    try:
        return dataclasses.replace(c, data=archives.read(c))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        return Decoded(c.path, c.size, c.mtime, c.kind, error=f"cannot unpack: {exc}")
