"""Reading activities for the load model and writing the loads it computes.

Rows come back as plain dicts with local start times and 1-bpm HR histograms; heart-rate bins
are read in one query and only for the activities that need them, so a ten-year history stays
quick to load.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from store.models import Activity, HrBin

_COLUMNS = (
    Activity.id,
    Activity.start_utc,
    Activity.utc_offset_s,
    Activity.sport,
    Activity.sub_sport,
    Activity.timer_s,
    Activity.distance_m,
    Activity.grade_adjusted_distance_m,
    Activity.avg_hr,
    Activity.max_hr,
    Activity.peak_hr_10s,
    Activity.rpe,
    Activity.is_race,
    Activity.load,
    Activity.load_method,
    Activity.load_confidence,
)


def activity_dicts(
    session: Session, *, bins_since_utc: datetime | None = None, all_bins: bool = False
) -> list[dict]:
    """Every activity, oldest first; `hr_histogram` filled for those started after
    `bins_since_utc`, for those without a stored load, or for all when `all_bins`."""
    rows = session.execute(select(*_COLUMNS).order_by(Activity.start_utc, Activity.id)).all()
    out = []
    want: list[int] = []
    for r in rows:
        d = {
            "id": r.id,
            "start": r.start_utc + timedelta(seconds=r.utc_offset_s or 0),
            "sport": r.sport,
            "sub_sport": r.sub_sport,
            "duration_s": r.timer_s or 0.0,
            "distance_m": r.distance_m,
            "grade_adjusted_distance_m": r.grade_adjusted_distance_m,
            "avg_hr": r.avg_hr,
            "max_hr": r.max_hr,
            "peak_hr_10s": r.peak_hr_10s,
            "rpe": r.rpe,
            "is_race": bool(r.is_race),
            "load": r.load,
            "load_method": r.load_method,
            "load_confidence": r.load_confidence,
            "hr_histogram": (),
        }
        out.append(d)
        if all_bins or r.load is None or (bins_since_utc and r.start_utc >= bins_since_utc):
            want.append(r.id)
    if want:
        bins = _bins(session, want, None if all_bins else bins_since_utc)
        for d in out:
            if d["id"] in bins:
                d["hr_histogram"] = tuple(bins[d["id"]])
    return out


def _bins(session: Session, ids: list[int], since: datetime | None) -> dict[int, list]:
    query = select(HrBin.activity_id, HrBin.bpm, HrBin.seconds).order_by(
        HrBin.activity_id, HrBin.bpm
    )
    wanted = set(ids)
    if since is not None and len(ids) > 500:
        query = query.join(Activity, Activity.id == HrBin.activity_id).where(
            (Activity.start_utc >= since) | Activity.load.is_(None)
        )
    elif len(ids) <= 500:
        query = query.where(HrBin.activity_id.in_(ids))
    out: dict[int, list] = {}
    for aid, bpm, secs in session.execute(query):
        if aid in wanted:
            out.setdefault(aid, []).append((bpm, secs))
    return out


def write_loads(session: Session, loads: Iterable[tuple[int, float, str, str]]) -> int:
    """Store (activity id, load, method, confidence) for many activities at once."""
    params = [
        {"_id": i, "load": round(v, 3), "load_method": m, "load_confidence": c}
        for i, v, m, c in loads
    ]
    if params:
        session.connection().execute(
            update(Activity.__table__)
            .where(Activity.__table__.c.id == bindparam("_id"))
            .values(
                load=bindparam("load"),
                load_method=bindparam("load_method"),
                load_confidence=bindparam("load_confidence"),
            ),
            params,
        )
    return len(params)


def data_version(session: Session) -> tuple:
    """Changes whenever activities or their loads change: a cheap cache key."""
    row = session.execute(
        select(func.count(Activity.id), func.max(Activity.id), func.total(Activity.load))
    ).one()
    return tuple(row)
