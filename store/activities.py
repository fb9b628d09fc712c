"""Activities and the files they came from: lookups and batched writes for the importers.

The importer decides; this module only reads and writes. Rows come in as plain dicts (the store
does not know the importers' record types). All functions take the caller's session, so a batch
of files is one transaction and each file inside it a savepoint.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from store.known_files import KnownFile
from store.models import Activity, ActivityAlias, HrBin, ImportedFile, StrengthSet
from store.series import pack_series

DUPLICATE_START_S = 60
DUPLICATE_TOLERANCE = 0.05


_FILE_COLUMNS = (
    ImportedFile.id,
    ImportedFile.path,
    ImportedFile.sha256,
    ImportedFile.size,
    ImportedFile.mtime,
    ImportedFile.status,
    ImportedFile.error,
)


def known_files_by_path(session: Session) -> dict[str, KnownFile]:
    """Every file seen before, by path: one query, so a re-sync never re-reads known files."""
    rows = session.execute(select(*_FILE_COLUMNS).order_by(ImportedFile.id))
    return {r.path: KnownFile(*r) for r in rows}


def hold_write_lock(session: Session) -> None:
    """Start the session's write transaction now, so what it reads next is what it writes
    over: another process importing at the same time waits instead of racing."""
    session.execute(update(ImportedFile).where(ImportedFile.id < 0).values(status="failed"))


def files_at(session: Session, paths: Iterable[str]) -> dict[str, KnownFile]:
    """The stored rows of these paths (the latest row when a path has several)."""
    wanted = list(dict.fromkeys(paths))
    out: dict[str, KnownFile] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = session.execute(
            select(*_FILE_COLUMNS).where(ImportedFile.path.in_(chunk)).order_by(ImportedFile.id)
        )
        out.update({r.path: KnownFile(*r) for r in rows})
    return out


def last_activity_id(session: Session) -> int:
    """The highest activity id: a change tells that another process added activities."""
    return session.scalar(select(func.max(Activity.id))) or 0


def known_hashes(session: Session) -> dict[str, KnownFile]:
    """sha256 -> the first file seen with that content (a moved or copied file is known)."""
    out: dict[str, KnownFile] = {}
    for f in known_files_by_path(session).values():
        if f.status != "failed":
            out.setdefault(f.sha256, f)
    return out


def record_file(
    session: Session,
    *,
    path: str,
    sha256: str,
    size: int,
    mtime: float | None,
    source: str,
    status: str,
    error: str | None = None,
    now: datetime,
    file_id: int | None = -1,
) -> int:
    """Insert or update the file's row (one row per path) and return its id. Pass `file_id`
    (the row's id, or None for a path never seen) when the caller knows it: saves a query."""
    if file_id == -1:
        existing = session.scalar(select(ImportedFile.id).where(ImportedFile.path == path))
    else:
        existing = file_id
    values = dict(
        sha256=sha256,
        size=size,
        mtime=mtime,
        source=source,
        status=status,
        error=error,
        imported_at=now,
    )
    if existing is not None:
        session.execute(update(ImportedFile).where(ImportedFile.id == existing).values(**values))
        return existing
    # Table-level insert with bound parameters: one cached statement for thousands of files.
    result = session.execute(insert(ImportedFile.__table__), dict(path=path, **values))
    return result.inserted_primary_key[0]


def activity_id_for(session: Session, source: str, external_id: str) -> int | None:
    """The activity already holding this (source, external id), directly or as an alias."""
    found = session.scalar(
        select(Activity.id).where(Activity.source == source, Activity.external_id == external_id)
    )
    if found is not None:
        return found
    return session.scalar(
        select(ActivityAlias.activity_id).where(
            ActivityAlias.source == source, ActivityAlias.external_id == external_id
        )
    )


@dataclass(frozen=True)
class StoredActivity:
    id: int
    source: str
    external_id: str
    timer_s: float
    distance_m: float | None
    has_hr: bool
    has_series: bool
    partial: bool
    start_utc: datetime | None = None


def activity_index_rows(
    session: Session,
) -> tuple[list[StoredActivity], list[tuple[str, str, int]]]:
    """Every activity's identity, timing and richness, plus every alias: what an import needs
    to recognise duplicates in memory instead of querying per activity."""
    with_hr = set(session.scalars(select(HrBin.activity_id).distinct()))
    acts = [
        StoredActivity(
            r.id,
            r.source,
            r.external_id,
            r.timer_s,
            r.distance_m,
            r.id in with_hr,
            bool(r.has_series),
            bool(r.partial),
            r.start_utc,
        )
        for r in session.execute(
            select(
                Activity.id,
                Activity.source,
                Activity.external_id,
                Activity.timer_s,
                Activity.distance_m,
                Activity.series.is_not(None).label("has_series"),
                Activity.partial,
                Activity.start_utc,
            )
        )
    ]
    aliases = [
        (r.source, r.external_id, r.activity_id)
        for r in session.execute(
            select(ActivityAlias.source, ActivityAlias.external_id, ActivityAlias.activity_id)
        )
    ]
    return acts, aliases


def find_same_activity(
    session: Session, *, start_utc: datetime, timer_s: float, distance_m: float | None
) -> StoredActivity | None:
    """An activity that is the same one from another source: start within 60 s, duration
    and distance within 5 % (distance compared only when both have one)."""
    start = start_utc.replace(tzinfo=None)
    window = timedelta(seconds=DUPLICATE_START_S)
    rows = session.execute(
        select(
            Activity.id,
            Activity.source,
            Activity.external_id,
            Activity.timer_s,
            Activity.distance_m,
            Activity.series,
            Activity.partial,
        ).where(Activity.start_utc.between(start - window, start + window))
    ).all()
    for r in rows:
        if not _within(r.timer_s, timer_s):
            continue
        if r.distance_m and distance_m and not _within(r.distance_m, distance_m):
            continue
        has_hr = session.scalar(select(HrBin.bpm).where(HrBin.activity_id == r.id).limit(1))
        return StoredActivity(
            r.id,
            r.source,
            r.external_id,
            r.timer_s,
            r.distance_m,
            has_hr is not None,
            r.series is not None,
            bool(r.partial),
        )
    return None


def _within(a: float, b: float) -> bool:
    return abs(a - b) <= DUPLICATE_TOLERANCE * max(abs(a), abs(b))


def insert_activity(
    session: Session,
    row: Mapping[str, Any],
    *,
    hr_histogram: Iterable[tuple[int, float]] = (),
    strength_sets: Iterable[Mapping[str, Any]] = (),
    file_id: int | None = None,
) -> int:
    """Insert one activity with its HR bins and strength sets; returns its id. `load` stays
    NULL: the planner's recompute fills it."""
    values = dict(row)
    values["start_utc"] = values["start_utc"].replace(tzinfo=None)
    series = values.pop("series", None)
    values["series"] = pack_series(series) if series else None
    speed = values.pop("speed_histogram", None)
    values["speed_histogram"] = json.dumps([list(p) for p in speed]) if speed else None
    values["file_id"] = file_id
    values.setdefault("load", None)
    activity_id = session.execute(insert(Activity.__table__), values).inserted_primary_key[0]
    bins = [{"activity_id": activity_id, "bpm": b, "seconds": s} for b, s in hr_histogram]
    if bins:
        session.execute(insert(HrBin.__table__), bins)
    sets = [dict(s, activity_id=activity_id) for s in strength_sets]
    if sets:
        session.execute(insert(StrengthSet.__table__), sets)
    return activity_id


def add_alias(session: Session, *, activity_id: int, source: str, external_id: str) -> None:
    exists = session.scalar(
        select(ActivityAlias.id).where(
            ActivityAlias.source == source, ActivityAlias.external_id == external_id
        )
    )
    if exists is None:
        session.execute(
            insert(ActivityAlias).values(
                activity_id=activity_id, source=source, external_id=external_id
            )
        )


def replace_activity(session: Session, *, old_id: int, new_id: int) -> None:
    """The new activity supersedes the old one: aliases move over, the old one becomes one."""
    old = session.execute(
        select(Activity.source, Activity.external_id).where(Activity.id == old_id)
    ).one()
    session.execute(
        update(ActivityAlias).where(ActivityAlias.activity_id == old_id).values(activity_id=new_id)
    )
    session.execute(delete(Activity).where(Activity.id == old_id))
    add_alias(session, activity_id=new_id, source=old.source, external_id=old.external_id)


def supersede_same_key(session: Session, *, old_id: int) -> list[tuple[str, str]]:
    """Delete an activity that a complete copy of the same recording replaces; returns its
    aliases so the caller can attach them to the new row."""
    aliases = [
        (a.source, a.external_id)
        for a in session.execute(
            select(ActivityAlias.source, ActivityAlias.external_id).where(
                ActivityAlias.activity_id == old_id
            )
        )
    ]
    session.execute(delete(Activity).where(Activity.id == old_id))
    return aliases


def list_activities(session: Session, *, since: datetime | None = None) -> list[dict[str, Any]]:
    """Activities oldest first as plain dicts (the command line's and exports' view)."""
    query = select(Activity).order_by(Activity.start_utc, Activity.id)
    if since is not None:
        query = query.where(Activity.start_utc >= since)
    out = []
    for a in session.scalars(query):
        out.append(
            {
                "id": a.id,
                "source": a.source,
                "sport": a.sport,
                "sub_sport": a.sub_sport,
                "start_utc": a.start_utc,
                "utc_offset_s": a.utc_offset_s,
                "timer_s": a.timer_s,
                "elapsed_s": a.elapsed_s,
                "distance_m": a.distance_m,
                "ascent_m": a.ascent_m,
                "avg_hr": a.avg_hr,
                "max_hr": a.max_hr,
                "device": a.device,
                "partial": bool(a.partial),
                "load": a.load,
                "load_method": a.load_method,
            }
        )
    return out


def count_rows(session: Session) -> dict[str, int]:
    """Row counts of the import tables (for consistency checks and reports)."""

    return {
        model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
        for model in (ImportedFile, Activity, HrBin, StrengthSet, ActivityAlias)
    }
