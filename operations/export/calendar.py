"""The plan as an iCalendar file: one event per strength session, optional checklist reminders.

Each session's UID comes from its StrengthSession.key, which the planner keeps stable for the
same slot across re-plans. Re-importing an export therefore updates the events a calendar
already has instead of adding copies, and a session moved to another day keeps its UID and
simply moves. SEQUENCE grows with the export time so calendars accept the newer version.

Times are in the runner's timezone: an IANA name such as "Europe/Berlin" (written with a
VTIMEZONE block), by default this computer's zone. With tz_name="floating", or when the
computer's zone cannot be named, they are floating local times, which every calendar shows
at the same wall-clock time wherever the runner is.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event

from operations import wording
from planner.model import DayPlan, StrengthSession, WeekPlan

UID_DOMAIN = "strongstride.app"
DEFAULT_START = time(18, 0)
PRODID = "-//StrongStride//Training plan//EN"
FLOATING = "floating"


class CalendarExportError(Exception):
    """The calendar could not be written (unknown timezone, missing folder)."""


def session_uid(session: StrengthSession) -> str:
    """Stable per planned slot: the same key gives the same UID on every export."""
    digest = hashlib.sha1(session.key.encode()).hexdigest()[:16]
    return f"strength-{digest}@{UID_DOMAIN}"


def checklist_uid(day: date) -> str:
    return f"checklist-{day:%Y%m%d}@{UID_DOMAIN}"


def session_description(session: StrengthSession, units: str = "km") -> str:
    """The exercises as plain lines, like the printed table."""
    lines = [session.reason, ""] if session.reason else []
    for ex in session.exercises:
        parts = [wording.dose(ex)]
        if ex.load_hint:
            parts.append(wording.ranges(ex.load_hint))
        if ex.rest_s:
            parts.append(wording.rest(ex))
        line = f"• {ex.name}: {', '.join(parts)}"
        if ex.cue:
            line += f" — {ex.cue}"
        lines.append(line)
    return "\n".join(lines)


def local_tz_name() -> str | None:
    """This computer's IANA timezone name, or None (then times float in local time)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        localtime = Path("/etc/localtime")
        if localtime.is_symlink():
            target = str(localtime.resolve())
            if "zoneinfo/" in target:
                name = target.split("zoneinfo/", 1)[1]
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def _zone(tz_name: str | None) -> ZoneInfo | None:
    if tz_name == FLOATING:
        return None
    tz_name = tz_name or local_tz_name()
    if not tz_name:
        return None
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise CalendarExportError(f"unknown timezone '{tz_name}' (use e.g. Europe/Berlin)") from exc


def session_event(
    session: StrengthSession, *, zone: ZoneInfo | None, start: time, stamp: datetime
) -> Event:
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp)
    event.add("sequence", int(stamp.timestamp() // 60) % 2**31)
    begin = datetime.combine(session.day, start, tzinfo=zone)
    event.add("dtstart", begin)
    event.add("dtend", begin + timedelta(minutes=session.minutes))
    event.add("summary", f"{session.title} ({wording.INTENSITY_NAMES[session.intensity]})")
    event.add("description", session_description(session))
    event.add("categories", ["Strength training"])
    event.add("status", "CANCELLED" if session.status == "skipped" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def checklist_event(day: DayPlan, *, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", checklist_uid(day.day))
    event.add("dtstamp", stamp)
    event.add("dtstart", day.day)
    event.add("dtend", day.day + timedelta(days=1))
    event.add("summary", "Mobility and recovery checklist")
    event.add("description", "\n".join(f"☐ {wording.checklist_text(i)}" for i in day.checklist))
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar(
    weeks: Iterable[WeekPlan],
    *,
    tz_name: str | None = None,
    checklist_reminders: bool = False,
    start: time = DEFAULT_START,
    now: datetime | None = None,
) -> Calendar:
    zone = _zone(tz_name)
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "StrongStride strength plan")
    if zone is not None:
        cal.add("x-wr-timezone", zone.key)
    for week in weeks:
        for day in week.days:
            if day.strength is not None:
                cal.add_component(session_event(day.strength, zone=zone, start=start, stamp=stamp))
            if checklist_reminders and day.checklist:
                cal.add_component(checklist_event(day, stamp=stamp))
    if zone is not None:
        cal.add_missing_timezones()
    return cal


def export_ics(
    weeks: list[WeekPlan],
    path: str | Path,
    *,
    tz_name: str | None = None,
    checklist_reminders: bool = False,
    start: time = DEFAULT_START,
    now: datetime | None = None,
) -> Path:
    """Write the weeks' strength sessions (and optional checklists) as an .ics file."""
    out = Path(path)
    if not out.parent.is_dir():
        raise CalendarExportError(f"folder {out.parent} does not exist")
    cal = build_calendar(
        weeks, tz_name=tz_name, checklist_reminders=checklist_reminders, start=start, now=now
    )
    out.write_bytes(cal.to_ical())
    return out
