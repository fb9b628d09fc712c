"""The one comparison the window shows everywhere (see `planner.comparison`)."""

from __future__ import annotations

from datetime import date, timedelta

from operations import training
from planner.comparison import USUAL_LOAD_WEEKS, Comparison, compare
from store import Database


def running_comparison(db: Database, *, today: date) -> Comparison:
    """This week's last-4-weeks running against the usual week, and the usual week's load."""
    history = training.load_history(db, today=today)
    week = today - timedelta(days=today.weekday())
    loads = training.weekly_load(db, weeks=USUAL_LOAD_WEEKS + 1, today=today)
    answered = training.load_profile(db).usual_weekly_run_minutes
    return compare(history.volume(week), history.km_per_minute(week), loads, answered)
