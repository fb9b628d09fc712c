"""Strength activities a watch recorded, with their sets, for logging the planned session."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Activity, SessionLog, StrengthSet


def recorded_strength(session: Session, activity_ids: Iterable[int]) -> list[dict[str, Any]]:
    """The strength activities among `activity_ids`: local day, moving time and sets in order
    as (category, reps, kg, seconds)."""
    ids = list(activity_ids)
    if not ids:
        return []
    acts = session.scalars(
        select(Activity)
        .where(Activity.id.in_(ids), Activity.sport == "strength")
        .order_by(Activity.start_utc)
    )
    out = []
    for a in acts:
        sets = session.scalars(
            select(StrengthSet)
            .where(StrengthSet.activity_id == a.id)
            .order_by(StrengthSet.position)
        )
        out.append(
            {
                "id": a.id,
                "day": (a.start_utc + timedelta(seconds=a.utc_offset_s or 0)).date(),
                "timer_s": a.timer_s,
                "sets": [(s.category, s.reps, s.weight_kg, s.duration_s) for s in sets],
            }
        )
    return out


def is_logged(session: Session, session_key: str) -> bool:
    """Whether the runner (or the watch) already logged the session with this key."""
    return (
        session.scalar(select(SessionLog.id).where(SessionLog.session_key == session_key))
        is not None
    )
