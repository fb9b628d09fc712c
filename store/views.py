"""Read-only queries the desktop views need: the activities table, one series, day summaries.

Rows come back as plain tuples so the window can hold 10,000 of them cheaply; nothing here
knows about Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import Activity, AthleteProfile, SyncState
from store.series import unpack_series


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """One line of the activities table; `start` is local wall-clock time."""

    id: int
    start: datetime
    sport: str
    name: str | None
    distance_m: float | None
    timer_s: float
    avg_hr: float | None
    max_hr: float | None
    load: float | None
    load_method: str | None
    source: str
    partial: bool
    is_race: bool


_ROW_COLUMNS = (
    Activity.id,
    Activity.start_utc,
    Activity.utc_offset_s,
    Activity.sport,
    Activity.name,
    Activity.distance_m,
    Activity.timer_s,
    Activity.avg_hr,
    Activity.max_hr,
    Activity.load,
    Activity.load_method,
    Activity.source,
    Activity.partial,
    Activity.is_race,
)


def _row(r: tuple) -> ActivityRow:
    start = r[1] + timedelta(seconds=r[2] or 0)
    return ActivityRow(r[0], start, *r[3:])


def activity_rows(session: Session) -> list[ActivityRow]:
    """Every activity, newest first."""
    result = session.execute(select(*_ROW_COLUMNS).order_by(Activity.start_utc.desc()))
    return [_row(r) for r in result]


def activity_series(session: Session, activity_id: int) -> list[tuple[float, float, float]]:
    """The chart series (t s, hr bpm, speed m/s) of one activity; NaN marks a missing value."""
    blob = session.scalar(select(Activity.series).where(Activity.id == activity_id))
    if not blob:
        return []
    return unpack_series(blob)


def is_onboarded(session: Session) -> bool:
    """True once the runner finished (or skipped) the first-run questions, or has activities."""
    if session.scalar(select(AthleteProfile.onboarded).where(AthleteProfile.id == 1)):
        return True
    return bool(session.scalar(select(func.count()).select_from(Activity)))


def last_syncs(session: Session) -> dict[str, datetime]:
    """When each source last synced (UTC)."""
    rows = session.execute(select(SyncState.source, SyncState.last_sync_utc))
    return {src: when for src, when in rows if when is not None}
