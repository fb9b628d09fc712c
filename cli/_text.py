"""Plain-text rendering of plans and loads for the terminal (not a command)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.model import StrengthSession, WeekLoad, WeekPlan


def _sessions(n: int) -> str:
    return f"{n} strength session" + ("" if n == 1 else "s")


def _status(s: StrengthSession, today: date | None) -> str:
    """A planned session whose day has passed is "not logged" until the runner answers it."""
    if s.status == "planned" and today is not None and s.day < today:
        return "not logged: log it done, skipped or moved"
    return s.status


def print_week(week: WeekPlan, today: date | None = None) -> None:
    print(
        f"Week of {week.week_start:%a %d %b %Y} · {week.phase.value.replace('_', ' ')} · "
        f"volume {week.volume_level.value} · {_sessions(week.strength_sessions)}"
    )
    print(f"  {week.reason}")
    if week.done_note:  # what was done, beside the planner's own count
        print(f"  {week.done_note}")
    for day in week.days:
        runs = ", ".join(f"{a.sport} {a.duration_s / 60:.0f} min" for a in day.activities)
        race = f" RACE {day.race.name} ({day.race.priority.value})" if day.race else ""
        print(f"  {day.day:%a %d %b}  {day.day_type.value:<9}{race} {runs}".rstrip())
        s = day.strength
        if s is not None:
            print(f"      {s.title} [{s.intensity.value}, {_status(s, today)}, ~{s.minutes} min]")
            print(f"      {s.reason}")
            for e in s.exercises:
                dose = e.reps or e.seconds or ""
                unit = " s" if e.seconds else ""
                print(f"        - {e.name}: {e.sets} x {dose}{unit}  ({e.load_hint})")
    print()


def print_loads(loads: list[WeekLoad]) -> None:
    print(
        f"{'week':<11} {'km':>6} {'h':>5} {'load':>6} {'CTL':>6} {'ATL':>6} {'TSB':>6} "
        f"{'ACWR':>5} {'mono':>5} {'strain':>6}  level"
    )
    for w in loads:
        print(
            f"{w.week_start.isoformat():<11} {w.run_km:>6.1f} {w.run_s / 3600:>5.1f} "
            f"{w.total_load:>6.0f} {_f(w.ctl)} {_f(w.atl)} {_f(w.tsb)} {_f(w.acwr, 5, 2)} "
            f"{_f(w.monotony, 5, 2)} {_f(w.strain)}{_mark(w)} {w.volume_level.value}"
        )


def _mark(w: WeekLoad) -> str:
    """'!' when the week's strain is above the runner's own 90th percentile (§2.8)."""
    high = w.strain is not None and w.strain_p90 is not None and w.strain > w.strain_p90
    return "!" if high else " "


def _f(x: float | None, width: int = 6, nd: int = 0) -> str:
    return f"{'-':>{width}}" if x is None else f"{x:>{width}.{nd}f}"
