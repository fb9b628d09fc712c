"""What the window's status bar says: how many activities are stored and the last sync."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from store import Database
from store import views as store_views
from store.stats import activity_count


@dataclass(frozen=True, slots=True)
class StatusSummary:
    activities: int
    last_sync_source: str = ""
    last_sync_utc: datetime | None = None  # naive UTC, as stored


def status_summary(db: Database) -> StatusSummary:
    """The stored activity count and the most recent sync of any source."""
    with db.session() as s:
        count = activity_count(s)
        syncs = store_views.last_syncs(s)
    if not syncs:
        return StatusSummary(count)
    source, when = max(syncs.items(), key=lambda kv: kv[1])
    return StatusSummary(count, source, when)
