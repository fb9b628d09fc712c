"""Daily load ledger and the display-only context built on it (DOMAIN.md §2.1, §2.5-§2.8).

Days without activity are zeros and appear in every series. CTL/ATL/TSB, the acute:chronic
ratio, monotony and strain describe the past; the planner never decides anything from them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import stdev

from planner import defaults as D
from planner.load import is_run, sport_kind
from planner.model import Activity, LoadFigure


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class DailySeries:
    """One value per day from `first_day` on; index i is first_day + i days."""

    first_day: date
    total_load: tuple[float, ...]
    running_load: tuple[float, ...]
    run_s: tuple[float, ...]
    run_m: tuple[float, ...]
    runs: tuple[int, ...]
    strength: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.total_load)

    def index(self, day: date) -> int:
        return (day - self.first_day).days


def daily_series(
    activities: Sequence[Activity],
    loads: Sequence[LoadFigure],
    end: date,
    strength_logs: Sequence[tuple[date, float]] = (),
) -> DailySeries:
    """Sum same-day activities; the series runs from the first activity to `end`.

    `strength_logs` are (day, load) of logged sessions no watch recorded: they count as strength
    sessions and total load (never running load).
    """
    first = min((a.day for a in activities), default=end)
    first = min(first, end)
    n = (end - first).days + 1
    total, running, run_s, run_m = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n
    runs, strength = [0] * n, [0] * n
    for a, fig in zip(activities, loads, strict=True):
        i = (a.day - first).days
        if not 0 <= i < n:
            continue
        total[i] += fig.value
        if is_run(a):
            running[i] += fig.value
            run_s[i] += a.duration_s
            run_m[i] += a.distance_m or 0.0
            runs[i] += 1
        else:
            running[i] += fig.value * D.NONRUN_WEIGHT
            if sport_kind(a.sport, a.sub_sport) == "strength":
                strength[i] += 1
    for day, load in strength_logs:
        i = (day - first).days
        if 0 <= i < n:
            total[i] += load
            strength[i] += 1
    return DailySeries(
        first,
        tuple(total),
        tuple(running),
        tuple(run_s),
        tuple(run_m),
        tuple(runs),
        tuple(strength),
    )


def ewma(values: Sequence[float], days: int) -> list[float]:
    """X[d] = X[d-1] + k_N * (value[d] - X[d-1]), starting at 0 before the first day."""
    k = D.ewma_k(days)
    out, x = [], 0.0
    for v in values:
        x += k * (v - x)
        out.append(x)
    return out


@dataclass(frozen=True, slots=True)
class Context:
    """CTL, ATL (after each day) and prefix sums, computed once per series."""

    series: DailySeries
    ctl: tuple[float, ...]
    atl: tuple[float, ...]
    run_prefix: tuple[float, ...]  # running load summed over days [0, i)
    runs_prefix: tuple[int, ...]


def build_context(series: DailySeries) -> Context:
    run_prefix, runs_prefix = [0.0], [0]
    for load, n in zip(series.running_load, series.runs, strict=True):
        run_prefix.append(run_prefix[-1] + load)
        runs_prefix.append(runs_prefix[-1] + n)
    return Context(
        series,
        tuple(ewma(series.total_load, D.CTL_DAYS)),
        tuple(ewma(series.total_load, D.ATL_DAYS)),
        tuple(run_prefix),
        tuple(runs_prefix),
    )


def fitness(ctx: Context, day: date) -> tuple[float | None, float | None, float | None]:
    """(CTL, ATL after `day`, TSB going into `day`), hidden while history is too short."""
    i = ctx.series.index(day)
    if i < 0 or i >= len(ctx.series):
        return None, None, None
    ctl = ctx.ctl[i] if i + 1 >= D.CTL_HIDE else None
    atl = ctx.atl[i] if i + 1 >= D.ATL_HIDE else None
    tsb = None
    if i >= 1 and i >= D.CTL_HIDE:
        tsb = ctx.ctl[i - 1] - ctx.atl[i - 1]
    return ctl, atl, tsb


def acwr(ctx: Context, day: date) -> float | None:
    """Coupled ratio: last 7 days of running load over the 28-day weekly average."""
    acute_days, chronic_days = D.ACWR_WINDOWS
    min_days, min_runs = D.ACWR_MIN_HISTORY
    end = ctx.series.index(day) + 1
    if end < min_days or end > len(ctx.series):
        return None
    if ctx.runs_prefix[end] - ctx.runs_prefix[end - chronic_days] < min_runs:
        return None
    acute = ctx.run_prefix[end] - ctx.run_prefix[end - acute_days]
    chronic = (ctx.run_prefix[end] - ctx.run_prefix[end - chronic_days]) / (
        chronic_days / acute_days
    )
    return acute / chronic if chronic > 0 else None


def monotony(week_loads: Sequence[float]) -> float | None:
    """mean / sample SD of seven daily loads, capped; None when there was no load."""
    if len(week_loads) < 2 or sum(week_loads) <= 0:
        return None
    sd = stdev(week_loads)
    if sd == 0:
        return D.MONOTONY_CAP
    return min(D.MONOTONY_CAP, (sum(week_loads) / len(week_loads)) / sd)


def strain(week_loads: Sequence[float]) -> float | None:
    m = monotony(week_loads)
    return None if m is None else sum(week_loads) * m


def last_days(values: Sequence[float], ctx_first: date, day: date, n: int) -> list[float]:
    """The n daily values ending on `day`, zeros before the series starts."""
    end = (day - ctx_first).days + 1
    return [values[i] if 0 <= i < len(values) else 0.0 for i in range(end - n, end)]


def acwr_band(ratio: float) -> str:
    """The §2.7 display band of a 7-day ratio: "below", "usual", "well_above" or "far_above"."""
    below, usual, well_above = D.ACWR_BANDS
    if ratio < below:
        return "below"
    if ratio <= usual:
        return "usual"
    return "well_above" if ratio <= well_above else "far_above"
