"""Races, planned strength sessions and session logs: the planner's own tables.

Planned sessions are keyed (e.g. "2026-11-23#1") so a re-plan updates a slot in place and a
calendar export keeps its identity when a session moves. Logs are append-only; the newest log
for a planned day wins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from store.models import PlannedSession, Race, SessionLog


def race_dicts(session: Session) -> list[dict[str, Any]]:
    rows = session.scalars(select(Race).order_by(Race.day, Race.id))
    return [
        {
            "id": r.id,
            "day": r.day,
            "name": r.name,
            "distance_km": r.distance_km,
            "priority": r.priority,
        }
        for r in rows
    ]


def insert_race(
    session: Session, *, day: date, name: str, distance_km: float, priority: str
) -> int:
    race = Race(day=day, name=name, distance_km=distance_km, priority=priority)
    session.add(race)
    session.flush()
    return race.id


def delete_race(session: Session, race_id: int) -> bool:
    return bool(session.execute(delete(Race).where(Race.id == race_id)).rowcount)


def log_dicts(session: Session) -> list[dict[str, Any]]:
    """Every session log, oldest first, with the variant of the session it answers."""
    variants = dict(session.execute(select(PlannedSession.key, PlannedSession.variant)).all())
    rows = session.scalars(select(SessionLog).order_by(SessionLog.id))
    return [
        {
            "id": r.id,
            "session_key": r.session_key,
            "planned_day": r.planned_day,
            "status": r.status,
            "moved_to": r.moved_to,
            "rpe": r.rpe,
            "minutes": r.minutes,
            "lower_body": bool(r.lower_body),
            "results": json.loads(r.results_json) if r.results_json else [],
            "variant": variants.get(r.session_key) if r.session_key else None,
        }
        for r in rows
    ]


def planned_session_on(session: Session, day: date) -> dict[str, Any] | None:
    """The session planned (or moved) to `day`, if any."""
    row = session.scalars(
        select(PlannedSession).where(PlannedSession.day == day).order_by(PlannedSession.id)
    ).first()
    if row is None:
        return None
    return {"key": row.key, "day": row.day, "intensity": row.intensity, "variant": row.variant}


def planned_days(session: Session) -> frozenset[date]:
    """Days that hold a session in a plan the runner has been shown (kept by `save_planned`)."""
    return frozenset(session.scalars(select(PlannedSession.day)))


def insert_log(session: Session, *, results: Iterable[Iterable[Any]] = (), **fields: Any) -> int:
    """Append one log; `results` are its sets as (exercise id, kg, reps or seconds)."""
    fields.setdefault("logged_at", datetime.now())
    rows = [list(r) for r in results]
    if rows:
        fields["results_json"] = json.dumps(rows)
    log = SessionLog(**fields)
    session.add(log)
    session.flush()
    return log.id


def save_planned(session: Session, week_start: date, sessions: Iterable[Mapping[str, Any]]) -> None:
    """Replace the week's planned sessions by key; rows of the week not in `sessions` go."""
    rows = {
        r.key: r
        for r in session.scalars(
            select(PlannedSession).where(PlannedSession.week_start == week_start)
        )
    }
    keep = set()
    for s in sessions:
        row = (
            rows.get(s["key"])
            or session.scalars(select(PlannedSession).where(PlannedSession.key == s["key"])).first()
        )
        if row is None:
            row = PlannedSession(key=s["key"])
            session.add(row)
        row.week_start = week_start
        row.day = s["day"]
        row.title = s["title"]
        row.intensity = s["intensity"]
        row.variant = s["variant"]
        row.reason = s["reason"]
        row.exercises_json = json.dumps(s["exercises"], ensure_ascii=False)
        keep.add(s["key"])
    logged = set(
        session.scalars(
            select(SessionLog.session_key).where(
                SessionLog.session_key.in_([k for k in rows if k not in keep])
            )
        )
    )
    for key, row in rows.items():
        if key not in keep and key not in logged:  # a logged session keeps its row (variant)
            session.delete(row)
