"""The seven days of a week as placement sees them: what each holds and what it allows.

Past days use what was actually run; today and later use the runner's usual week. Race days are
key days; the days after an A or B race are post-race days.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta

from planner.history import LoadHistory
from planner.load import is_run
from planner.model import Activity, DayType, Priority, Profile, Race
from planner.placement import DayRule, day_rule
from planner.schedule import actual_day_type, usual_week
from planner.season import recovery_days

_RUN_TYPES = (DayType.EASY, DayType.KEY, DayType.LONG)


@dataclass(frozen=True, slots=True)
class WeekDays:
    types: dict[date, DayType]  # as shown: the week plus one day either side
    activities: dict[date, tuple[Activity, ...]]
    rules: list[DayRule]
    source: str  # where the usual week came from
    any_day_rules: list[DayRule]  # the same days as if every day were available (rule 4 off)

    def rule_for(self, day: date) -> DayRule:
        return next(r for r in self.rules if r.day == day)

    def any_day_rule_for(self, day: date) -> DayRule:
        """The day's rules 1-2 alone: what a session moved there by hand must respect."""
        return next(r for r in self.any_day_rules if r.day == day)


def _by_day(history: LoadHistory, first: date, last: date) -> dict[date, tuple[Activity, ...]]:
    acts = history.activities
    days = [a.day for a in acts]
    lo, hi = bisect.bisect_left(days, first), bisect.bisect_right(days, last)
    out: dict[date, list[Activity]] = {}
    for a in acts[lo:hi]:
        out.setdefault(a.day, []).append(a)
    return {d: tuple(v) for d, v in out.items()}


def week_days(
    week_start: date, history: LoadHistory, profile: Profile, races: tuple[Race, ...], today: date
) -> WeekDays:
    """Day types for placement and for display.

    A day that holds runs uses what was run. A past day without any activity keeps its planned
    type for placement (so sessions planned before it stay put) but shows as a rest day.
    """
    current = today - timedelta(days=today.weekday())
    usual = usual_week(history.activities, profile, history.heart, min(week_start, current))
    first, last = week_start - timedelta(days=1), week_start + timedelta(days=7)
    acts = _by_day(history, first, last)
    types: dict[date, DayType] = {}
    shown: dict[date, DayType] = {}
    d = first
    while d <= last:
        runs = [a for a in acts.get(d, ()) if is_run(a)]
        if any(r.day == d for r in races):
            types[d] = DayType.RACE
        elif any(
            r.priority is not Priority.C and r.day < d <= r.day + timedelta(days=recovery_days(r))
            for r in races
        ):
            types[d] = DayType.POST_RACE
        elif runs:
            types[d] = actual_day_type(runs, history.heart, usual.median_run_s)
        else:
            types[d] = usual.type_of(d)
        shown[d] = DayType.REST if d < today and not runs and types[d] in _RUN_TYPES else types[d]
        d += timedelta(days=1)
    available = set(profile.strength_weekdays)
    week = [week_start + timedelta(days=k) for k in range(7)]
    rules = [day_rule(d, types, races, available) for d in week]
    any_day = rules if not available else [day_rule(d, types, races, ()) for d in week]
    week_acts = {d: a for d, a in acts.items() if week_start <= d < last}
    return WeekDays(shown, week_acts, rules, usual.source, any_day)
