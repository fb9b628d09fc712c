"""What the runner should see first: today's run and strength, the next session, and sessions
whose day has passed without a log (DOMAIN.md §5: "not logged" until done, skipped or moved)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from planner.model import Activity, DayPlan, DayType, StrengthSession

RUN_DAY_TYPES = (DayType.LONG, DayType.KEY, DayType.EASY, DayType.RACE)
NOT_LOGGED_DAYS = 14  # judgement call: older unlogged sessions are history, not a question


@dataclass(frozen=True, slots=True)
class TodayAndNext:
    today: date
    runs_done: tuple[Activity, ...]  # what was recorded today
    run_planned: DayType | None  # long, key, easy or race when that is the day's running
    strength_today: StrengthSession | None
    next_session: StrengthSession | None  # the next planned session after today
    not_logged: tuple[StrengthSession, ...]  # past sessions still waiting for done / skip / move


def today_and_next(days: Mapping[date, DayPlan], today: date) -> TodayAndNext:
    """Read today, the next session and the unlogged ones from the planned days."""
    plan = days.get(today)
    runs = tuple(a for a in plan.activities if a.sport != "strength") if plan else ()
    run_type = plan.day_type if plan is not None and plan.day_type in RUN_DAY_TYPES else None
    strength = plan.strength if plan is not None else None
    ahead = sorted(d for d in days if d > today)
    upcoming = next(
        (
            days[d].strength
            for d in ahead
            if days[d].strength is not None and days[d].strength.status == "planned"
        ),
        None,
    )
    missed = tuple(
        days[d].strength
        for d in sorted(days)
        if (today - d).days <= NOT_LOGGED_DAYS and is_not_logged(days[d], today)
    )
    return TodayAndNext(today, runs, run_type, strength, upcoming, missed)


def is_not_logged(plan: DayPlan, today: date) -> bool:
    """A session whose day has passed and that is neither done, skipped nor moved."""
    return plan.strength is not None and plan.strength.status == "planned" and plan.day < today
