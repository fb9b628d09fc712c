"""The runner's exercise swaps: a substitute chosen for one exercise of one planned session.

A swap belongs to the session's stable key (e.g. "2026-11-23#1"), so it survives re-plans and
restarts but does not change any other session.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from store.models import ExerciseSwap


def set_swap(session: Session, *, session_key: str, exercise_id: str, substitute_id: str) -> None:
    """Use `substitute_id` for `exercise_id` in that session (replaces an earlier choice)."""
    row = session.get(ExerciseSwap, (session_key, exercise_id))
    if row is None:
        session.add(
            ExerciseSwap(
                session_key=session_key, exercise_id=exercise_id, substitute_id=substitute_id
            )
        )
    else:
        row.substitute_id = substitute_id


def remove_swap(session: Session, *, session_key: str, exercise_id: str) -> bool:
    """Go back to the planned exercise; False when there was no swap."""
    result = session.execute(
        delete(ExerciseSwap).where(
            ExerciseSwap.session_key == session_key, ExerciseSwap.exercise_id == exercise_id
        )
    )
    return bool(result.rowcount)


def swaps_by_session(session: Session) -> dict[str, dict[str, str]]:
    """Every swap as {session_key: {exercise_id: substitute_id}}."""
    out: dict[str, dict[str, str]] = {}
    for row in session.scalars(select(ExerciseSwap)):
        out.setdefault(row.session_key, {})[row.exercise_id] = row.substitute_id
    return out
