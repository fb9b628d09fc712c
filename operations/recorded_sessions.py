"""The watch closes the loop: a strength activity recorded on a day with a planned session logs
that session as done, with the sets the watch recorded as the logged results.

Runs after an import (window and command line alike). Sessions already logged are left alone;
each log returns its undo token so the window can offer Undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from operations import diary, training
from operations.export.fit_exercise_names import EXERCISES
from planner.recorded_sets import match_sets
from store import Database
from store import strength as store_strength

CATEGORIES = {ex_id: cat.lower() for ex_id, (cat, _name) in EXERCISES.items()}


@dataclass(frozen=True, slots=True)
class RecordedSession:
    day: date
    title: str
    sets: int  # sets logged against the plan
    recorded: int  # sets the watch recorded
    undo_token: int


def log_recorded_sessions(
    db: Database, *, activity_ids: list[int], today: date
) -> list[RecordedSession]:
    """Log the planned sessions that the watch's strength activities answer."""
    with db.session() as s:
        recorded = store_strength.recorded_strength(s, activity_ids)
    out = []
    for act in recorded:
        day = act["day"]
        plans = training.plan_weeks(db, start=day, weeks=1, today=max(today, day))
        plan = next((d for p in plans for d in p.days if d.day == day), None)
        session = plan.strength if plan is not None else None
        if session is None or session.status != "planned":
            continue
        with db.session() as s:
            if store_strength.is_logged(s, session.key):
                continue
        sets = match_sets(act["sets"], session.exercises, CATEGORIES)
        token = diary.log_session_undoable(
            db, day=day, status="done", minutes=round(act["timer_s"] / 60) or None, sets=sets
        )
        out.append(RecordedSession(day, session.title, len(sets), len(act["sets"]), token))
    return out
