"""Where the Strava connection stands: athlete, sync cursor, streams still to fetch, status.

One `sync_state` row (source "strava"). Never a secret: the client secret and the tokens live
in the OS keychain only; the client id is public (it appears in every authorize URL).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from store.models import Activity, HrBin, SyncState
from store.series import pack_series

SOURCE = "strava"
CONNECTED, NEEDS_RECONNECTING, NOT_CONNECTED = "connected", "needs reconnecting", "not connected"


@dataclass
class StravaState:
    """The sync's memory. `after` is the start (Unix s) of the newest activity synced;
    `pending_streams` holds Strava ids whose heart-rate streams are still to fetch, newest first."""

    status: str = NOT_CONNECTED
    client_id: int | None = None
    athlete_id: int | None = None
    athlete_name: str | None = None
    after: int = 0
    synced: int = 0
    pending_streams: list[str] = field(default_factory=list)
    last_sync_utc: datetime | None = None
    stopped: str | None = None  # why the last sync stopped early, None when it finished
    resume_at: str | None = None  # ISO time the rate limit lifts
    sync_on_start: bool = False


def load_state(session: Session) -> StravaState:
    row = session.get(SyncState, SOURCE)
    if row is None:
        return StravaState()
    details: dict[str, Any] = json.loads(row.details_json or "{}")
    known = StravaState.__dataclass_fields__
    state = StravaState(**{k: v for k, v in details.items() if k in known})
    state.after = int(row.cursor or 0)
    state.last_sync_utc = row.last_sync_utc
    return state


def save_state(session: Session, state: StravaState) -> None:
    details = asdict(state)
    for column in ("after", "last_sync_utc"):
        details.pop(column)
    row = session.get(SyncState, SOURCE)
    if row is None:
        row = SyncState(source=SOURCE)
        session.add(row)
    row.cursor = str(int(state.after))
    row.last_sync_utc = state.last_sync_utc
    row.details_json = json.dumps(details, sort_keys=True)


def forget(session: Session) -> None:
    """Disconnecting: the row goes; every activity already synced stays."""
    session.execute(delete(SyncState).where(SyncState.source == SOURCE))


def has_heart_rate(session: Session, activity_id: int) -> bool:
    found = session.scalar(select(HrBin.bpm).where(HrBin.activity_id == activity_id).limit(1))
    return found is not None


def attach_samples(
    session: Session,
    activity_id: int,
    *,
    hr_histogram: Iterable[tuple[int, float]],
    series: tuple,
    speed_histogram: tuple,
    peak_hr_10s: float | None,
) -> None:
    """Give a summary-only activity the reduced samples its streams brought; its load is
    cleared so the next recompute uses the heart-rate histogram."""
    session.execute(delete(HrBin).where(HrBin.activity_id == activity_id))
    bins = [{"activity_id": activity_id, "bpm": b, "seconds": s} for b, s in hr_histogram]
    if bins:
        session.execute(HrBin.__table__.insert(), bins)
    session.execute(
        update(Activity)
        .where(Activity.id == activity_id)
        .values(
            series=pack_series(series) if series else None,
            speed_histogram=json.dumps([list(p) for p in speed_histogram])
            if speed_histogram
            else None,
            peak_hr_10s=peak_hr_10s,
            load=None,
            load_method=None,
            load_confidence=None,
        )
    )


def count_synced(session: Session) -> int:
    """Activities stored from Strava itself (not those a watch file already held)."""
    return session.scalar(select(func.count(Activity.id)).where(Activity.source == SOURCE)) or 0
