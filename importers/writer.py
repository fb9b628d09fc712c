"""Storing decoded files: a batch of files per transaction, each file whole or not at all.

Duplicates are recognised against an in-memory `ActivityIndex` of what the database holds
(kept in step with every write, rebuilt after a rollback). If a batch fails, its files are
stored again one transaction each, so one bad file costs only itself.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import UTC, datetime

from importers.activity_index import ActivityIndex
from importers.decode_worker import Decoded
from importers.records import ActivityRecord
from importers.report import FileProblem, ImportReport
from store import Database
from store import activities as store

BATCH_FILES = 100
BATCH_SECONDS = 1.0


class BatchWriter:
    """Stores decoded files in batches; one thread only (SQLite has one writer)."""

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
        self.last_activity_id = -1  # highest activity id when this writer last committed

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
        try:
            staged, hashes = self._write(batch, now)
        except Exception:
            # One bad file must not cost the batch: store each in its own transaction.
            self.index = None
            for d in batch:
                try:
                    single, hashes = self._write([d], now)
                except Exception as exc:
                    self.index = None
                    single = ImportReport(failed=[FileProblem(d.path, f"not stored: {exc}")])
                else:
                    self.hashes = hashes
                _merge(self.report, single)
            return
        self.hashes = hashes
        _merge(self.report, staged)

    def _write(self, batch: list[Decoded], now: datetime) -> tuple[ImportReport, dict]:
        """One transaction for the batch, holding the write lock from its first statement."""
        staged = ImportReport()
        hashes = dict(self.hashes)
        with self.db.session() as s:
            self._catch_up(s, batch, hashes)
            for d in batch:
                self._store(s, d, now, staged, hashes)
            self.last_activity_id = store.last_activity_id(s)
        return staged, hashes

    def _catch_up(self, s, batch: list[Decoded], hashes: dict) -> None:
        """See what another import running at the same time stored since we last looked:
        its activities join the index and its files count as known, so each file's status
        is written once, correctly, whoever stores it first."""
        store.hold_write_lock(s)
        last = store.last_activity_id(s)
        if self.index is None or last != self.last_activity_id:
            self.index = ActivityIndex.load(s)
        stored = store.files_at(s, (d.path for d in batch))
        for d in batch:
            f = stored.get(d.path)
            if f is None:  # never stored (or only in a transaction that was rolled back)
                self.file_ids.pop(d.path, None)
                continue
            self.file_ids[d.path] = f.id
            if f.status != "failed" and f.sha256:
                hashes.setdefault(f.sha256, f)

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
            rep.add_profile(result.profile)
        for w in result.warnings:
            rep.warnings.append(FileProblem(d.path, w))
        if result.skipped:
            record("skipped", result.skipped)
            rep.skipped.append(FileProblem(d.path, result.skipped))
            hashes[d.sha256] = store.KnownFile(0, d.path, d.sha256, d.size, d.mtime, "skipped")
            return
        status = "partial" if result.partial else "imported"
        flagged = "implausible parts left out: " + "; ".join(result.implausible)
        file_id = record(status, flagged if result.implausible else None)
        if result.implausible:
            rep.implausible.append(FileProblem(d.path, "; ".join(result.implausible)))
        added, dups = [], []
        for act in result.activities:
            new_id, note, replaced = _store_activity(s, act, file_id, self.index)
            if replaced in added:
                added.remove(replaced)
            elif replaced in rep.activity_ids:  # added earlier in this batch
                rep.activity_ids.remove(replaced)
                rep.activities -= 1
            elif replaced is not None:  # perhaps added in an earlier batch of this run
                rep.superseded.append(replaced)
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


def store_records(db: Database, records: Iterable[ActivityRecord]) -> tuple[list[int], list[str]]:
    """Store activities that come without a file (a web service, a manual entry) under the
    same duplicate rule as files, in one transaction. Returns (new ids, duplicate notes)."""
    added: list[int] = []
    notes: list[str] = []
    with db.session() as s:
        index = ActivityIndex.load(s)
        for rec in records:
            new_id, note, replaced = _store_activity(s, rec, None, index)
            if replaced in added:
                added.remove(replaced)
            if new_id is not None:
                added.append(new_id)
            if note:
                notes.append(note)
    return added, notes


def _store_activity(
    s, act: ActivityRecord, file_id: int | None, index: ActivityIndex
) -> tuple[int | None, str | None, int | None]:
    """Insert unless known; returns (new id or None, note: why a duplicate or what it replaced,
    the id of the activity it replaced)."""
    existing = index.id_for(act.source, act.external_id)
    moved_aliases: list[tuple[str, str]] = []
    if existing is not None:
        if act.partial or not index.acts[existing].partial:
            return None, f"{_label(act)} is already imported", None
        # A complete copy of a recording we only had cut short: it takes the place.
        moved_aliases = store.supersede_same_key(s, old_id=existing)
        index.remove(existing)
    same = index.same_activity(act.start_utc, act.timer_s, act.distance_m)
    if same is not None and not _richer(act, same):
        store.add_alias(s, activity_id=same.id, source=act.source, external_id=act.external_id)
        index.alias(act.source, act.external_id, same.id)
        return None, f"{_label(act)} is the same as activity {same.id} ({same.source})", None
    new_id = _insert(s, act, file_id)
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
        return new_id, f"{_label(act)} replaces the incomplete copy imported before", existing
    if same is not None:
        store.replace_activity(s, old_id=same.id, new_id=new_id)
        index.remove(same.id, moved_to=new_id)
        return new_id, f"{_label(act)} replaces the less detailed activity {same.id}", same.id
    return new_id, None, None


def _richer(act: ActivityRecord, other: store.StoredActivity) -> bool:
    """Heart-rate samples beat a summary; then a chart series; then a complete file."""
    mine = (bool(act.hr_histogram), bool(act.series), not act.partial)
    theirs = (other.has_hr, other.has_series, not other.partial)
    return mine > theirs


def insert_records(session, records: Iterable[ActivityRecord]) -> list[int]:
    """Insert records as they are, in the caller's transaction, without the duplicate rule:
    for data that is known to be new, such as the demo season or a benchmark's history."""
    return [_insert(session, act, None) for act in records]


def _insert(s, act: ActivityRecord, file_id: int | None) -> int:
    return store.insert_activity(
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
        "peak_hr_10s": act.peak_hr_10s,
        "rpe": act.rpe,
        "device": act.device,
        "partial": act.partial,
        "is_race": act.is_race,
        "series": act.series,
        "speed_histogram": act.speed_histogram,
    }


def _merge(into: ImportReport, part: ImportReport) -> None:
    into.imported += part.imported
    for old in part.superseded:  # added earlier in this run, replaced by a better copy since
        if old in into.activity_ids:
            into.activity_ids.remove(old)
            into.activities -= 1
    into.activities += part.activities
    into.activity_ids += part.activity_ids
    into.duplicates += part.duplicates
    into.skipped += part.skipped
    into.failed += part.failed
    into.partial += part.partial
    into.moved += part.moved
    into.unchanged += part.unchanged
    into.implausible += part.implausible
    into.warnings += part.warnings
    if part.profile is not None:
        into.add_profile(part.profile)
