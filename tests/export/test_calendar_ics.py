"""Calendar export, parsed back with icalendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from operations.export.calendar import CalendarExportError, export_ics, session_uid
from tests.printing import plans


def events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return [c for c in cal.walk("VEVENT")]


def strength_events(path):
    return [e for e in events(path) if str(e["uid"]).startswith("strength-")]


def test_one_event_per_strength_session(tmp_path):
    weeks = [plans.normal_week(), plans.full_week(), plans.race_week()]
    out = export_ics(weeks, tmp_path / "plan.ics")
    sessions = [d.strength for w in weeks for d in w.days if d.strength]
    found = strength_events(out)
    assert len(found) == len(sessions) == 6
    assert {str(e["uid"]) for e in found} == {session_uid(s) for s in sessions}


def test_description_lists_every_exercise_with_its_dose(tmp_path):
    week = plans.normal_week()
    out = export_ics([week], tmp_path / "w.ics")
    by_day = {e.decoded("dtstart").date(): str(e["description"]) for e in strength_events(out)}
    for day in week.days:
        if day.strength:
            text = by_day[day.day]
            for ex in day.strength.exercises:
                assert ex.name in text
            assert "Back squat: 3 × 4–6, RPE 7–8" in text or day.strength.variant == "B"


def test_uids_are_the_same_on_a_second_export(tmp_path):
    weeks = [plans.normal_week(), plans.full_week()]
    first = export_ics(weeks, tmp_path / "a.ics", now=datetime(2026, 11, 1, tzinfo=UTC))
    second = export_ics(weeks, tmp_path / "b.ics", now=datetime(2026, 11, 2, tzinfo=UTC))
    uids = lambda p: sorted(str(e["uid"]) for e in events(p))  # noqa: E731
    assert uids(first) == uids(second)
    seq = lambda p: {int(e["sequence"]) for e in events(p)}  # noqa: E731
    assert min(seq(second)) > max(seq(first))  # calendars take the newer copy


def test_moved_session_keeps_its_uid_and_moves(tmp_path):
    week = plans.normal_week()
    wed = week.days[2]
    moved = replace(wed.strength, day=wed.day + timedelta(days=1), status="moved")
    days = list(week.days)
    days[2] = replace(wed, strength=None)
    days[3] = replace(days[3], strength=moved)
    before = {str(e["uid"]): e for e in strength_events(export_ics([week], tmp_path / "a.ics"))}
    after_week = replace(week, days=tuple(days))
    after = {
        str(e["uid"]): e for e in strength_events(export_ics([after_week], tmp_path / "b.ics"))
    }
    uid = session_uid(wed.strength)
    assert set(before) == set(after)
    assert before[uid].decoded("dtstart").date() == date(2026, 11, 25)
    assert after[uid].decoded("dtstart").date() == date(2026, 11, 26)


def test_times_are_in_the_runners_timezone(tmp_path):
    out = export_ics([plans.normal_week()], tmp_path / "tz.ics", tz_name="Europe/Berlin")
    raw = out.read_text()
    assert "BEGIN:VTIMEZONE" in raw and "TZID:Europe/Berlin" in raw
    start = strength_events(out)[0].decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Berlin"
    assert (start.hour, start.minute) == (18, 0)
    end = strength_events(out)[0].decoded("dtend")
    assert end - start == timedelta(minutes=45)


def test_floating_times_carry_no_timezone(tmp_path):
    out = export_ics([plans.normal_week()], tmp_path / "f.ics", tz_name="floating")
    assert strength_events(out)[0].decoded("dtstart").tzinfo is None
    assert "VTIMEZONE" not in out.read_text()


def test_by_default_times_are_in_this_computers_timezone(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "America/Chicago")
    out = export_ics([plans.normal_week()], tmp_path / "d.ics")
    assert str(strength_events(out)[0].decoded("dtstart").tzinfo) == "America/Chicago"
    assert "X-WR-TIMEZONE:America/Chicago" in out.read_text()


def test_unknown_timezone_is_refused(tmp_path):
    with pytest.raises(CalendarExportError, match="Mars/Olympus"):
        export_ics([plans.normal_week()], tmp_path / "x.ics", tz_name="Mars/Olympus")


def test_checklist_reminders_are_all_day_and_only_on_request(tmp_path):
    week = plans.normal_week()
    without = export_ics([week], tmp_path / "a.ics")
    assert all(str(e["uid"]).startswith("strength-") for e in events(without))
    with_lists = export_ics([week], tmp_path / "b.ics", checklist_reminders=True)
    reminders = [e for e in events(with_lists) if str(e["uid"]).startswith("checklist-")]
    assert len(reminders) == 7
    monday = next(e for e in reminders if e.decoded("dtstart") == date(2026, 11, 23))
    assert "Foam roll" in str(monday["description"])
    assert str(monday["transp"]) == "TRANSPARENT"


def test_skipped_session_is_cancelled(tmp_path):
    week = plans.normal_week()
    days = list(week.days)
    days[2] = replace(days[2], strength=replace(days[2].strength, status="skipped"))
    out = export_ics([replace(week, days=tuple(days))], tmp_path / "s.ics")
    statuses = sorted(str(e["status"]) for e in strength_events(out))
    assert statuses == ["CANCELLED", "CONFIRMED"]
