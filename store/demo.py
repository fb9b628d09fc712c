"""Making room for the synthetic demo season, and refusing to when real data is there."""

from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from store.models import (
    Activity,
    AthleteProfile,
    ChecklistEntry,
    ExerciseSwap,
    PlannedSession,
    Race,
    RestingHeartRate,
    SessionLog,
)

DEMO_SOURCE = "demo"


def holds_own_data(session: Session) -> bool:
    """True when the database has activities that did not come from the demo."""
    return bool(session.scalar(select(exists().where(Activity.source != DEMO_SOURCE))))


def clear_demo(session: Session) -> None:
    for model in (
        Activity,
        Race,
        SessionLog,
        PlannedSession,
        ExerciseSwap,
        ChecklistEntry,
        RestingHeartRate,
        AthleteProfile,
    ):
        session.execute(delete(model))
