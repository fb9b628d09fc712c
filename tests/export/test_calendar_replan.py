"""Re-exporting after a real re-plan moves the same calendar event (demo season, real SQLite)."""

from __future__ import annotations

from datetime import date, timedelta

from icalendar import Calendar

from operations import training
from operations.export.calendar import export_ics
from store import Database

TODAY = date(2026, 11, 29)


def starts(path) -> dict[str, date]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e.decoded("dtstart").date() for e in cal.walk("VEVENT")}


def test_session_moved_in_the_app_keeps_its_event_uid(tmp_path, demo_database):
    db = Database.open(demo_database(tmp_path, TODAY))
    try:
        first = TODAY + timedelta(days=1)
        weeks = training.plan_weeks(db, start=first, weeks=2, today=TODAY)
        before = starts(export_ics(weeks, tmp_path / "a.ics", tz_name="Europe/Berlin"))
        session = next(d.strength for d in weeks[0].days if d.strength)
        new_day = session.day + timedelta(days=1)
        training.log_session(db, day=session.day, status="moved", moved_to=new_day)
        replanned = training.plan_weeks(db, start=first, weeks=2, today=TODAY)
        after = starts(export_ics(replanned, tmp_path / "b.ics", tz_name="Europe/Berlin"))
    finally:
        db.close()
    assert set(after) == set(before)  # re-import updates, nothing is duplicated
    moved = [uid for uid in before if before[uid] != after[uid]]
    assert len(moved) == 1
    assert (before[moved[0]], after[moved[0]]) == (session.day, new_day)
