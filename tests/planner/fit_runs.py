"""Real runs from the FIT files in tests/data, read by the importer and moved to chosen days."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

from importers.fit import read_fit
from importers.records import ActivityRecord
from planner.model import Activity
from tests.conftest import FIT_FIXTURES


@cache
def fit_record(name: str) -> ActivityRecord:
    result = read_fit(Path(FIT_FIXTURES) / name)
    return next(a for a in result.activities if a.sport == "running")


def fit_run(name: str, day: date, activity_id: int) -> Activity:
    """The fixture's run as the planner sees it, started on `day` at its own local time."""
    rec = fit_record(name)
    local = rec.start_utc.replace(tzinfo=None) + timedelta(seconds=rec.utc_offset_s)
    return Activity(
        id=activity_id,
        start=datetime.combine(day, local.time()),
        sport=rec.sport,
        sub_sport=rec.sub_sport,
        duration_s=rec.timer_s,
        distance_m=rec.distance_m,
        avg_hr=rec.avg_hr,
        max_hr=rec.max_hr,
        hr_histogram=rec.hr_histogram,
        is_race=rec.is_race,
    )
