"""Writing and clearing the synthetic demo season."""

from __future__ import annotations

import json
import struct
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from store.models import (
    Activity,
    AthleteProfile,
    ChecklistEntry,
    HrBin,
    PlannedSession,
    Race,
    SessionLog,
)

DEMO_SOURCE = "demo"


def holds_own_data(session: Session) -> bool:
    """True when the database has activities that did not come from the demo."""
    return bool(session.scalar(select(exists().where(Activity.source != DEMO_SOURCE))))


def clear_demo(session: Session) -> None:
    for model in (Activity, Race, SessionLog, PlannedSession, ChecklistEntry, AthleteProfile):
        session.execute(delete(model))


def pack_series(series: Iterable[tuple[float, float | None, float | None]]) -> bytes:
    """(t, hr, speed) triples as little-endian float32; NaN where a value is missing."""
    flat: list[float] = []
    for t, hr, speed in series:
        flat += [t, float("nan") if hr is None else hr, float("nan") if speed is None else speed]
    return struct.pack(f"<{len(flat)}f", *flat)


def insert_activity_records(session: Session, records: Iterable[Any]) -> list[Activity]:
    rows = []
    for rec in records:
        row = Activity(
            source=rec.source,
            external_id=rec.external_id,
            sport=rec.sport,
            sub_sport=rec.sub_sport,
            name=rec.name,
            start_utc=rec.start_utc.replace(tzinfo=None),
            utc_offset_s=rec.utc_offset_s,
            timer_s=rec.timer_s,
            elapsed_s=rec.elapsed_s,
            distance_m=rec.distance_m,
            grade_adjusted_distance_m=rec.grade_adjusted_distance_m,
            ascent_m=rec.ascent_m,
            avg_hr=rec.avg_hr,
            max_hr=rec.max_hr,
            rpe=rec.rpe,
            device=rec.device,
            partial=rec.partial,
            is_race=rec.is_race,
            series=pack_series(rec.series) if rec.series else None,
            speed_histogram=json.dumps(rec.speed_histogram) if rec.speed_histogram else None,
        )
        row.hr_bins = [HrBin(bpm=bpm, seconds=sec) for bpm, sec in rec.hr_histogram]
        session.add(row)
        rows.append(row)
    session.flush()
    return rows
