"""The runner's week: which days hold the long run, key workouts and easy runs (DOMAIN.md §5).

Planned days come from the profile; otherwise the last 8 weeks decide: the weekday most often
holding the week's long run, weekdays where most runs were hard, weekdays usually run on. Past
days use what was actually run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from planner import defaults as D
from planner.heart import HeartRates
from planner.load import heart_rate_reserve, is_run
from planner.model import Activity, DayType, Profile


@dataclass(frozen=True, slots=True)
class UsualWeek:
    """Weekday (0 = Monday) -> planned day type; `source` says where it came from."""

    types: dict[int, DayType]
    source: str  # profile, history, profile+history, none
    median_run_s: float = 0.0

    def type_of(self, day: date) -> DayType:
        return self.types.get(day.weekday(), DayType.REST)


def hard_minutes(activity: Activity, heart: HeartRates) -> float:
    """Minutes at HRr >= KEY_RUN_RULE's threshold."""
    if not heart.hr_max:
        return 0.0
    threshold = D.KEY_RUN_RULE[2]
    return (
        sum(
            s
            for bpm, s in activity.hr_histogram
            if heart_rate_reserve(bpm, heart.hr_rest, heart.hr_max) >= threshold
        )
        / 60.0
    )


def is_key_run(activity: Activity, heart: HeartRates) -> bool:
    return activity.is_race or hard_minutes(activity, heart) >= D.KEY_RUN_RULE[1]


def is_long_run(activity: Activity, median_run_s: float) -> bool:
    minutes, factor = D.LONG_RUN_RULE
    return activity.duration_s >= minutes * 60 and activity.duration_s >= factor * median_run_s


def usual_week(
    activities: Sequence[Activity], profile: Profile, heart: HeartRates, before: date
) -> UsualWeek:
    """Planned day types for a week starting on or after `before`."""
    since = before - timedelta(weeks=D.DAY_HISTORY_WEEKS)
    runs = [a for a in activities if is_run(a) and since <= a.day < before]
    med = median(a.duration_s for a in runs) if runs else 0.0
    types: dict[int, DayType] = {}
    n_weeks = D.DAY_HISTORY_WEEKS
    run_days = Counter(d.weekday() for d in {a.day for a in runs})
    for weekday, count in run_days.items():
        if count >= n_weeks / 2:
            types[weekday] = DayType.EASY
    by_weekday: dict[int, list[Activity]] = {}
    for a in runs:
        by_weekday.setdefault(a.day.weekday(), []).append(a)
    if profile.key_run_weekdays:
        key_days = set(profile.key_run_weekdays)
    else:
        key_days = {
            wd
            for wd, acts in by_weekday.items()
            if run_days[wd] >= 2
            and sum(is_key_run(a, heart) for a in acts) >= D.KEY_RUN_RULE[0] * len(acts)
        }
    for wd in key_days:
        types[wd] = DayType.KEY
    long_day = profile.long_run_weekday
    if long_day is None:
        long_day = _inferred_long_day(runs, med)
    if long_day is not None:
        types[long_day] = DayType.LONG
    has_profile = profile.long_run_weekday is not None or bool(profile.key_run_weekdays)
    source = (
        ("profile+history" if runs else "profile")
        if has_profile
        else ("history" if runs else "none")
    )
    return UsualWeek(types, source, med)


def _inferred_long_day(runs: Sequence[Activity], median_run_s: float) -> int | None:
    weekly: dict[date, Activity] = {}
    for a in runs:
        wk = a.day - timedelta(days=a.day.weekday())
        if wk not in weekly or a.duration_s > weekly[wk].duration_s:
            weekly[wk] = a
    counts = Counter(a.day.weekday() for a in weekly.values() if is_long_run(a, median_run_s))
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]


def actual_day_type(
    day_runs: Sequence[Activity], heart: HeartRates, median_run_s: float
) -> DayType:
    """What a past day held: long, key, easy or rest."""
    if not day_runs:
        return DayType.REST
    if any(is_long_run(a, median_run_s or a.duration_s) for a in day_runs):
        return DayType.LONG
    if any(is_key_run(a, heart) for a in day_runs):
        return DayType.KEY
    return DayType.EASY
