"""What was run: the imported activities, for the table, the chart and `strongstride activities`."""

from __future__ import annotations

from datetime import datetime

from store import Database
from store import activities as store_activities
from store import views as store_views


def activity_list(db: Database, *, since: datetime | None = None) -> list[dict]:
    """Every stored activity (oldest first) with its summary fields, optionally from `since`."""
    with db.session() as s:
        return store_activities.list_activities(s, since=since)


def activity_rows(db: Database) -> list[store_views.ActivityRow]:
    """The rows of the window's activity table."""
    with db.session() as s:
        return store_views.activity_rows(s)


def activity_series(db: Database, *, activity_id: int) -> list[tuple[float, float, float]]:
    """The 10-second heart-rate and speed series of one activity, for its chart."""
    with db.session() as s:
        return store_views.activity_series(s, activity_id)
