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
import time
import zipfile
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from importers import decode_worker
from importers.activity_index import ActivityIndex
from importers.decode_worker import Decoded
from importers.progress import Progress
from importers.records import ActivityRecord
from importers.report import FileProblem, ImportReport
from importers.sources import Archives, Candidate, Rejected, walk
from store import Database
from store import activities as store

BATCH_FILES = 100
BATCH_SECONDS = 1.0
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
    for item in walk([Path(os.path.abspath(p)) for p in paths], known=retry_known):
        if cancel.is_set():
            report.cancelled = True
            return report
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
    writer = _Writer(db, report, hashes, source, {p: f.id for p, f in known.items()})
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
    report.cancelled = cancel.is_set() and done < total
    return report


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
    ctx = multiprocessing.get_context("spawn")  # never fork a process holding SQLite or Qt
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=decode_worker.init_worker,
        initargs=(known,),
    )
    pending: set[Future[Decoded]] = set()
    queue = iter(todo)
    in_flight = workers * 8
    ready: list[Decoded] = []  # archive members that could not even be unpacked

    def submit_more() -> None:
        for c in queue:
            loaded = _load(c, archives)
            if isinstance(loaded, Decoded):
                ready.append(loaded)
                continue
            pending.add(pool.submit(decode_worker.decode, loaded))
            if len(pending) >= in_flight:
                break

    try:
        submit_more()
        while pending or ready:
            yield from ready
            ready.clear()
            if not pending:
                submit_more()
                continue
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                yield fut.result()
            if cancel.is_set():
                return
            submit_more()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Outcome:
    status: str
    error: str | None = None


class _Writer:
    """Stores decoded files in batches; one thread only."""

    def __init__(
        self,
        db: Database,
        report: ImportReport,
        hashes: dict,
        source: str,
        file_ids: dict[str, int],
    ) -> None:
        self.db = db
        self.report = report
        self.hashes = dict(hashes)  # sha -> first file with it, grows as files are stored
        self.source = source
        self.file_ids = dict(file_ids)  # path -> imported_file.id
        self.batch: list[Decoded] = []
        self.last_flush = time.monotonic()
        self.index: ActivityIndex | None = None

    def _reload(self) -> None:
        with self.db.session() as s:
            self.index = ActivityIndex.load(s)
            self.file_ids = {p: f.id for p, f in store.known_files_by_path(s).items()}

    def add(self, decoded: Decoded) -> None:
        self.batch.append(decoded)
        if len(self.batch) >= BATCH_FILES or time.monotonic() - self.last_flush > BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        self.last_flush = time.monotonic()
        if not batch:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        staged = ImportReport()
        hashes = dict(self.hashes)
        if self.index is None:
            self._reload()
        try:
            with self.db.session() as s:
                for d in batch:
                    self._store(s, d, now, staged, hashes)
        except Exception:
            # One bad file must not cost the batch: store each in its own transaction.
            for d in batch:
                self._reload()
                single = ImportReport()
                single_hashes = dict(self.hashes)
                try:
                    with self.db.session() as s:
                        self._store(s, d, now, single, single_hashes)
                except Exception as exc:
                    single = ImportReport(failed=[FileProblem(d.path, f"not stored: {exc}")])
                else:
                    self.hashes = single_hashes
                _merge(self.report, single)
            self._reload()
            return
        self.hashes = hashes
        _merge(self.report, staged)

    def _store(self, s, d: Decoded, now: datetime, rep: ImportReport, hashes: dict) -> None:
        source = "garmin_export" if d.kind == "zip-member" else self.source

        def record(status: str, error: str | None = None) -> int:
            file_id = store.record_file(
                s,
                path=d.path,
                sha256=d.sha256,
                size=d.size,
                mtime=d.mtime,
                source=source,
                status=status,
                error=error,
                now=now,
                file_id=self.file_ids.get(d.path),
            )
            self.file_ids[d.path] = file_id
            return file_id

        if d.error is not None:
            record("failed", d.error)
            rep.failed.append(FileProblem(d.path, d.error))
            return
        first = hashes.get(d.sha256)
        if first is not None and first.path == d.path:  # touched, not changed
            record(first.status)
            rep.unchanged += 1
            return
        if d.known_content or first is not None:
            where = first.path if first is not None else "another file"
            record("duplicate", f"same content as {where}")
            rep.moved.append(FileProblem(d.path, f"same content as {where}"))
            return
        result = d.result
        assert result is not None
        if result.profile is not None:
            rep.profile = result.profile
        for w in result.warnings:
            rep.warnings.append(FileProblem(d.path, w))
        if result.skipped:
            record("skipped", result.skipped)
            rep.skipped.append(FileProblem(d.path, result.skipped))
            hashes[d.sha256] = store.KnownFile(0, d.path, d.sha256, d.size, d.mtime, "skipped")
            return
        status = "partial" if result.partial else "imported"
        file_id = record(status)
        added, dups = [], []
        for act in result.activities:
            new_id, note = _store_activity(s, act, file_id, self.index)
            if new_id is not None:
                added.append(new_id)
                if note:
                    rep.warnings.append(FileProblem(d.path, note))
            elif note:
                dups.append(note)
        if not added:
            record("duplicate", "; ".join(dups) or None)
            rep.duplicates.append(FileProblem(d.path, "; ".join(dups)))
        else:
            rep.imported.append(d.path)
            rep.activities += len(added)
            rep.activity_ids.extend(added)
            if result.partial:
                rep.partial.append(d.path)
            rep.duplicates.extend(FileProblem(d.path, reason) for reason in dups)
        hashes[d.sha256] = store.KnownFile(file_id, d.path, d.sha256, d.size, d.mtime, status)


def _store_activity(
    s, act: ActivityRecord, file_id: int, index: ActivityIndex
) -> tuple[int | None, str | None]:
    """Insert unless known; returns (new id or None, note: why a duplicate, or what it replaced)."""
    existing = index.id_for(act.source, act.external_id)
    moved_aliases: list[tuple[str, str]] = []
    if existing is not None:
        if act.partial or not index.acts[existing].partial:
            return None, f"{_label(act)} is already imported"
        # A complete copy of a recording we only had cut short: it takes the place.
        moved_aliases = store.supersede_same_key(s, old_id=existing)
        index.remove(existing)
    same = index.same_activity(act.start_utc, act.timer_s, act.distance_m)
    if same is not None and not _richer(act, same):
        store.add_alias(s, activity_id=same.id, source=act.source, external_id=act.external_id)
        index.alias(act.source, act.external_id, same.id)
        return None, f"{_label(act)} is the same as activity {same.id} ({same.source})"
    new_id = store.insert_activity(
        s,
        _row(act),
        hr_histogram=act.hr_histogram,
        strength_sets=[
            {
                "position": st.position,
                "category": st.category,
                "reps": st.reps,
                "weight_kg": st.weight_kg,
                "duration_s": st.duration_s,
            }
            for st in act.strength_sets
        ],
        file_id=file_id,
    )
    index.add(
        store.StoredActivity(
            new_id,
            act.source,
            act.external_id,
            act.timer_s,
            act.distance_m,
            bool(act.hr_histogram),
            bool(act.series),
            act.partial,
            act.start_utc.replace(tzinfo=None),
        )
    )
    for alias_source, alias_ext in moved_aliases:
        store.add_alias(s, activity_id=new_id, source=alias_source, external_id=alias_ext)
        index.alias(alias_source, alias_ext, new_id)
    if existing is not None:
        return new_id, f"{_label(act)} replaces the incomplete copy imported before"
    if same is not None:
        store.replace_activity(s, old_id=same.id, new_id=new_id)
        index.remove(same.id, moved_to=new_id)
        return new_id, f"{_label(act)} replaces the less detailed activity {same.id}"
    return new_id, None


def _richer(act: ActivityRecord, other: store.StoredActivity) -> bool:
    """Heart-rate samples beat a summary; then a chart series; then a complete file."""
    mine = (bool(act.hr_histogram), bool(act.series), not act.partial)
    theirs = (other.has_hr, other.has_series, not other.partial)
    return mine > theirs


def _label(act: ActivityRecord) -> str:
    return f"{act.sport} of {act.start_utc:%Y-%m-%d %H:%M} UTC"


def _row(act: ActivityRecord) -> dict:
    return {
        "source": act.source,
        "external_id": act.external_id,
        "sport": act.sport,
        "sub_sport": act.sub_sport,
        "name": act.name,
        "start_utc": act.start_utc,
        "utc_offset_s": act.utc_offset_s,
        "timer_s": act.timer_s,
        "elapsed_s": act.elapsed_s,
        "distance_m": act.distance_m,
        "grade_adjusted_distance_m": act.grade_adjusted_distance_m,
        "ascent_m": act.ascent_m,
        "avg_hr": act.avg_hr,
        "max_hr": act.max_hr,
        "rpe": act.rpe,
        "device": act.device,
        "partial": act.partial,
        "is_race": act.is_race,
        "series": act.series,
        "speed_histogram": act.speed_histogram,
    }


def _merge(into: ImportReport, part: ImportReport) -> None:
    into.imported += part.imported
    into.activities += part.activities
    into.activity_ids += part.activity_ids
    into.duplicates += part.duplicates
    into.skipped += part.skipped
    into.failed += part.failed
    into.partial += part.partial
    into.moved += part.moved
    into.unchanged += part.unchanged
    into.warnings += part.warnings
    if part.profile is not None:
        into.profile = part.profile
