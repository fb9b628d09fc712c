"""The words and numbers printed on the weekly sheet, as plain strings.

Kept apart from the painting so the same phrasing can be checked without Qt and reused by the
calendar export (a session's description reads like its printed table).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from planner.model import (
    Activity,
    ChecklistItem,
    DayPlan,
    DayType,
    ExercisePrescription,
    Intensity,
    Phase,
    StrengthSession,
    WeekPlan,
)

KM_PER_MILE = 1.609344

PHASE_NAMES = {
    Phase.NO_RACE: "No race planned",
    Phase.OFF_SEASON: "Off-season",
    Phase.BASE: "Base",
    Phase.BUILD: "Build",
    Phase.PEAK: "Peak",
    Phase.TAPER: "Taper",
    Phase.RACE_WEEK: "Race week",
    Phase.RECOVERY: "Recovery",
    Phase.TRANSITION: "Transition",
}

INTENSITY_NAMES = {
    Intensity.FULL: "full session",
    Intensity.UPPER_CORE: "upper body + core",
    Intensity.LIGHT: "light session",
    Intensity.MOBILITY: "mobility only",
}

# What a day without a logged run holds, in the runner's words (future days show the pattern).
USUAL_RUN = {
    DayType.REST: "Rest day",
    DayType.EASY: "Easy run",
    DayType.KEY: "Key run (intervals, tempo or hills)",
    DayType.LONG: "Long run",
    DayType.RACE: "Race",
    DayType.POST_RACE: "Recovery: walk or rest",
    DayType.STRENGTH: "No run today",
}

RUN_DAY_TYPES = (DayType.EASY, DayType.KEY, DayType.LONG, DayType.RACE)

SPORT_NAMES = {
    "running": "Run",
    "cycling": "Ride",
    "swimming": "Swim",
    "walking": "Walk",
    "hiking": "Hike",
    "strength": "Strength",
    "other": "Other",
}


def week_dates(week_start: date) -> str:
    """'23–29 Nov 2026', '30 Nov – 6 Dec 2026' or '28 Dec 2026 – 3 Jan 2027'."""
    end = week_start + timedelta(days=6)
    if week_start.year != end.year:
        return f"{week_start:%-d %b %Y} – {end:%-d %b %Y}"
    if week_start.month != end.month:
        return f"{week_start:%-d %b} – {end:%-d %b %Y}"
    return f"{week_start.day}–{end:%-d %b %Y}"


def week_title(week: WeekPlan) -> str:
    iso_week = week.week_start.isocalendar().week
    return f"Week {iso_week} · {week_dates(week.week_start)}"


def distance(km: float, units: str) -> str:
    if units == "mi":
        return f"{km / KM_PER_MILE:.1f} mi"
    return f"{km:.1f} km"


def duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def ranges(text: str) -> str:
    """Number ranges with an en dash, as printed matter writes them: '4-6' -> '4–6'."""
    return re.sub(r"(\d)\s?-\s?(\d)", "\\1–\\2", text)


def dose(ex: ExercisePrescription) -> str:
    """Sets by reps or by hold time: '3 × 4–6', '2 × 6/side', '3 × 20–40 s'."""
    if ex.seconds:
        return f"{ex.sets} × {ranges(ex.seconds)} s"
    if ex.reps:
        return f"{ex.sets} × {ranges(ex.reps)}"
    return f"{ex.sets} sets"


def rest(ex: ExercisePrescription) -> str:
    if not ex.rest_s:
        return ""
    if ex.rest_s >= 120 and ex.rest_s % 30 == 0:
        return f"rest {ex.rest_s / 60:g} min"
    return f"rest {ex.rest_s} s"


def activity_line(activity: Activity, units: str) -> str:
    """'Run 10.2 km · 52 min · HR 145' for a logged activity."""
    parts = [SPORT_NAMES.get(activity.sport, activity.sport.capitalize())]
    if activity.is_race:
        parts[0] += " (race)"
    if activity.distance_m:
        parts[0] += f" {distance(activity.distance_m / 1000, units)}"
    parts.append(duration(activity.duration_s))
    if activity.avg_hr:
        parts.append(f"HR {activity.avg_hr:.0f}")
    return " · ".join(parts)


def run_lines(day: DayPlan, units: str, today: date | None = None) -> list[str]:
    """What the day holds for running: the logged activities, or the usual pattern."""
    logged = [f"Done: {activity_line(a, units)}" for a in day.activities if a.sport != "strength"]
    if logged:
        return logged
    if day.race is not None:
        return []  # the race marker says it all
    usual = USUAL_RUN.get(day.day_type, str(day.day_type))
    if day.day_type in (DayType.REST, DayType.STRENGTH):
        return [usual]
    if today is not None and day.day < today:
        return [f"{usual} (nothing logged)"]
    return [f"Planned: {usual}"]


def race_line(day: DayPlan, units: str) -> str:
    if day.race is None:
        return ""
    race = day.race
    return f"RACE  {race.name} · {distance(race.distance_km, units)} · priority {race.priority}"


def session_heading(session: StrengthSession) -> str:
    """'Strength A · full session · ~45 min' (+ status once it is no longer planned)."""
    heading = f"{session.title} · {INTENSITY_NAMES.get(session.intensity, session.intensity)}"
    heading += f" · ~{session.minutes} min"
    if session.status != "planned":
        heading += f" · {session.status.upper()}"
    return heading


def checklist_text(item: ChecklistItem) -> str:
    text = item.label
    if item.dose:
        text += f" — {ranges(item.dose)}"
    if item.optional:
        text += " (optional)"
    if item.note:
        text += f" [{item.note}]"
    return text


def not_today(item: ChecklistItem) -> bool:
    """True for an item listed only to say it is ruled out today (e.g. no ice bath)."""
    return item.note.lower().startswith("not today")


def running_so_far_km(week: WeekPlan) -> float:
    if week.load is not None:
        return week.load.run_km
    metres = sum(
        a.distance_m or 0.0 for d in week.days for a in d.activities if a.sport == "running"
    )
    return metres / 1000


def planned_run_km(week: WeekPlan) -> float | None:
    """The planned running volume, when the planner stated one in the week's facts."""
    value = week.facts.typical_run_km
    return float(value) if value is not None else None


def running_so_far_s(week: WeekPlan) -> float:
    if week.load is not None:
        return week.load.run_s
    return sum(a.duration_s for d in week.days for a in d.activities if a.sport == "running")


def planned_runs(week: WeekPlan) -> str:
    """'4 runs planned (2 key, 1 long)' from the days' usual pattern."""
    kinds = [d.day_type for d in week.days if d.day_type in RUN_DAY_TYPES]
    if not kinds:
        return "no runs planned"
    detail = [
        f"{kinds.count(t)} {name}"
        for t, name in ((DayType.KEY, "key"), (DayType.LONG, "long"), (DayType.RACE, "race"))
        if t in kinds
    ]
    text = f"{len(kinds)} run{'s' if len(kinds) != 1 else ''} planned"
    return f"{text} ({', '.join(detail)})" if detail else text


def running_volume(week: WeekPlan, units: str, today: date | None = None) -> str:
    """What the runner has run this week so far, or what is planned for a week not yet begun.

    'Running: 24.3 km (2 h 10) so far of 52.0 km planned', '... · usual week 5 h 00', or
    'Running: 4 runs planned (2 key, 1 long) · usual week 5 h 00'.
    """
    planned = planned_run_km(week)
    if today is not None and today < week.week_start:
        text = f"Running: {planned_runs(week)}"
        if planned is not None:
            return f"{text}, {distance(planned, units)}"
    else:
        so_far_s = running_so_far_s(week)
        text = f"Running: {distance(running_so_far_km(week), units)}"
        if so_far_s:
            text += f" ({duration(so_far_s)})"
        text += " so far"
        if planned is not None:
            return f"{text} of {distance(planned, units)} planned"
    usual_min = week.facts.typical_min
    if isinstance(usual_min, int | float) and usual_min > 0:
        return f"{text} · usual week {duration(usual_min * 60)}"
    return text


def glance_line(week: WeekPlan) -> str:
    """One-line summary for the footer: phase, sessions and their days, races."""
    sessions = [d.strength for d in week.days if d.strength is not None]
    parts = [PHASE_NAMES.get(week.phase, str(week.phase))]
    if sessions:
        days = ", ".join(f"{s.day:%a} {s.variant}" for s in sessions)
        noun = "session" if len(sessions) == 1 else "sessions"
        parts.append(f"{len(sessions)} strength {noun}: {days}")
    else:
        parts.append("no strength session")
    for day in week.days:
        if day.race is not None:
            parts.append(f"race {day.day:%a}: {day.race.name}")
    return " · ".join(parts)
