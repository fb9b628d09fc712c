"""Daily resting heart rate from the watch: the fallback for HRrest when none was entered."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from store.models import RestingHeartRate


def save_resting_hr(session: Session, values: Iterable[tuple[date, float]], *, source: str) -> int:
    """Store one value per day; a newer reading of the same day replaces the older one."""
    rows = [{"day": d, "bpm": float(bpm), "source": source} for d, bpm in values]
    if rows:
        stmt = insert(RestingHeartRate).values(rows)
        stmt = stmt.on_conflict_do_update(
            index_elements=[RestingHeartRate.day],
            set_={"bpm": stmt.excluded.bpm, "source": stmt.excluded.source},
        )
        session.execute(stmt)
    return len(rows)


def resting_hr_values(session: Session, *, since: date) -> list[tuple[date, float]]:
    query = (
        select(RestingHeartRate.day, RestingHeartRate.bpm)
        .where(RestingHeartRate.day >= since)
        .order_by(RestingHeartRate.day)
    )
    return [(d, bpm) for d, bpm in session.execute(query)]
