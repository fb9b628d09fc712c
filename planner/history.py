"""Everything the planner derives from the activity history, computed once and reused.

`build_history` turns activities into load figures, the daily ledger, fitness/fatigue and the
volume level of every week. Planning one week after this is cheap; the desktop keeps one
`LoadHistory` per data change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner import defaults as D
from planner.heart import HeartRates, estimate_heart_rates
from planner.load import Calibration, activity_load, calibrate, sport_kind
from planner.model import (
    Activity,
    LoadFigure,
    LogStatus,
    Profile,
    SessionLog,
    VolumeLevel,
    WeekLoad,
)
from planner.series import (
    Context,
    DailySeries,
    acwr,
    build_context,
    daily_series,
    fitness,
    last_days,
    monday,
    monotony,
    strain,
)
from planner.volume import VolumeFacts, volume_levels

WEEK = timedelta(days=7)
LOGGED_MINUTES_DEFAULT = 45  # a logged session without minutes: the planned session's length


@dataclass(frozen=True, slots=True)
class LoadHistory:
    activities: tuple[Activity, ...]
    heart: HeartRates
    calibration: Calibration
    figures: tuple[LoadFigure, ...]
    context: Context
    week_minutes: dict[date, tuple[float, int]]
    levels: dict[date, VolumeFacts]
    today: date
    week_km: dict[date, float] = field(default_factory=dict)
    week_strain: dict[date, float] = field(default_factory=dict)  # complete or current weeks

    def km_per_minute(self, week_start: date, weeks: int = 26) -> float | None:
        """The runner's usual pace over the weeks before `week_start` (to show minutes as km)."""
        start = min(week_start, monday(self.today))
        keys = [start - k * WEEK for k in range(1, weeks + 1)]
        minutes = sum(self.week_minutes.get(w, (0.0, 0))[0] for w in keys)
        km = sum(self.week_km.get(w, 0.0) for w in keys)
        return km / minutes if minutes > 0 and km > 0 else None

    def volume(self, week_start: date) -> VolumeFacts:
        """Facts for any week; weeks after the current one keep the current week's level."""
        if week_start in self.levels:
            return self.levels[week_start]
        current = monday(self.today)
        if week_start > current and current in self.levels:
            return self.levels[current]
        return VolumeFacts(VolumeLevel.NORMAL)


def load_figures(
    activities: Sequence[Activity],
    profile: Profile,
    today: date,
    resting_values: Sequence[tuple[date, float]] = (),
) -> tuple[HeartRates, Calibration, tuple[LoadFigure, ...]]:
    """Recompute every activity's load on one scale (after imports or HR profile changes)."""
    heart = estimate_heart_rates(profile, activities, today, resting_values)
    cal = calibrate(activities, profile, heart, today)
    figures = tuple(activity_load(a, heart, profile.sex, cal) for a in activities)
    return heart, cal, figures


def build_history(
    activities: Sequence[Activity],
    profile: Profile,
    today: date,
    resting_values: Sequence[tuple[date, float]] = (),
    logs: Sequence[SessionLog] = (),
) -> LoadHistory:
    """Loads (stored figures where present), daily series, fitness and weekly volume levels.

    Sessions logged done on a day without a recorded strength activity add their session-RPE
    load (RPE default 5, minutes default 45) to the total load and the strength count.
    """
    activities = tuple(sorted(activities, key=lambda a: a.start))
    heart = estimate_heart_rates(profile, activities, today, resting_values)
    cal = calibrate(activities, profile, heart, today)
    figures = tuple(a.load or activity_load(a, heart, profile.sex, cal) for a in activities)
    end = max([today, *(a.day for a in activities)])
    series = daily_series(activities, figures, end, _logged_strength(activities, logs, cal))
    context = build_context(series)
    minutes: dict[date, tuple[float, int]] = {}
    km: dict[date, float] = {}
    for i, (secs, n) in enumerate(zip(series.run_s, series.runs, strict=True)):
        if n:
            w = monday(series.first_day + timedelta(days=i))
            m, r = minutes.get(w, (0.0, 0))
            minutes[w] = (m + secs / 60.0, r + n)
            km[w] = km.get(w, 0.0) + series.run_m[i] / 1000.0
    first_week = monday(series.first_day)
    levels = volume_levels(minutes, first_week, monday(today), profile.usual_weekly_run_minutes)
    strains = _week_strains(series, first_week, monday(today))
    return LoadHistory(
        activities, heart, cal, figures, context, minutes, levels, today, km, strains
    )


def _week_strains(series: DailySeries, first_week: date, last_week: date) -> dict[date, float]:
    """Strain of every week from the first one to the current one (weeks without load: none)."""
    out: dict[date, float] = {}
    week = first_week
    while week <= last_week:
        value = strain(last_days(series.total_load, series.first_day, week + timedelta(days=6), 7))
        if value is not None:
            out[week] = value
        week += WEEK
    return out


def strain_p90(history: LoadHistory, week_start: date) -> float | None:
    """The runner's own 90th percentile of weekly strain over the 26 weeks up to this one.

    DOMAIN.md §2.8: strain is only judged against the runner's own history; None until
    enough weeks carry a strain (STRAIN_PERCENTILE).
    """
    weeks, q, min_weeks = D.STRAIN_PERCENTILE
    values = sorted(
        v for k in range(weeks) if (v := history.week_strain.get(week_start - k * WEEK)) is not None
    )
    if len(values) < min_weeks:
        return None
    pos = q * (len(values) - 1)  # linear interpolation between closest ranks
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def _logged_strength(
    activities: Sequence[Activity], logs: Sequence[SessionLog], cal: Calibration
) -> list[tuple[date, float]]:
    recorded = {a.day for a in activities if sport_kind(a.sport, a.sub_sport) == "strength"}
    out = []
    for log in logs:
        if log.status is LogStatus.DONE and log.planned_day not in recorded:
            rpe = log.rpe or D.STRENGTH_RPE_DEFAULT
            out.append((log.planned_day, rpe * (log.minutes or LOGGED_MINUTES_DEFAULT) * cal.c_rpe))
    return out


def week_load(history: LoadHistory, week_start: date) -> WeekLoad:
    """Sums and context for one Monday-Sunday week, measured at its last day up to today."""
    s = history.context.series
    days = [week_start + timedelta(days=k) for k in range(7)]
    idx = [s.index(d) for d in days if 0 <= s.index(d) < len(s)]
    end = min(days[-1], max(history.today, s.first_day))
    future = days[0] > history.today
    ctl, atl, tsb = (None, None, None) if future else fitness(history.context, end)
    week_total = last_days(s.total_load, s.first_day, days[-1], 7)
    mono = None if future else monotony(week_total)
    return WeekLoad(
        week_start=week_start,
        run_km=round(sum(s.run_m[i] for i in idx) / 1000.0, 2),
        run_s=round(sum(s.run_s[i] for i in idx), 1),
        runs=sum(s.runs[i] for i in idx),
        running_load=round(sum(s.running_load[i] for i in idx), 1),
        total_load=round(sum(s.total_load[i] for i in idx), 1),
        strength_sessions=sum(s.strength[i] for i in idx),
        ctl=_r(ctl),
        atl=_r(atl),
        tsb=_r(tsb),
        acwr=None if future else _r(acwr(history.context, end), 2),
        monotony=_r(mono, 2),
        strain=_r(strain(week_total) if mono is not None else None),
        volume_level=history.volume(week_start).level,
        strain_p90=None if future else _r(strain_p90(history, week_start)),
    )


def weekly_loads(history: LoadHistory, weeks: int) -> list[WeekLoad]:
    """The last `weeks` weeks up to and including the current one, oldest first."""
    current = monday(history.today)
    return [week_load(history, current - k * WEEK) for k in range(weeks - 1, -1, -1)]


def _r(x: float | None, nd: int = 1) -> float | None:
    return None if x is None else round(x, nd)
