"""What a printout or a workout file is made from, the same for the window and the command line.

A printed week shows the two weeks after the last printed one at a glance, so those are planned
with it; distances are in the runner's own units. The PDF itself is drawn by Qt
(`desktop.printing`), so the window and `plan --pdf` both render it from what `weeks_to_print`
hands them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from operations.plan_keep import planned_weeks
from planner.model import StrengthSession, WeekPlan

if TYPE_CHECKING:
    from store import Database

WEEKS_AT_A_GLANCE = 2  # the weeks after the printed ones shown in a page's footer


@dataclass(frozen=True, slots=True)
class PrintWeeks:
    """What a printout needs: the weeks to print, the ones after them, the runner's units."""

    weeks: list[WeekPlan]
    next_weeks: list[WeekPlan]
    units: str


def weeks_to_print(db: Database, *, start: date, weeks: int, today: date) -> PrintWeeks:
    """Plan `weeks` weeks from the Monday of `start`, plus the weeks shown at a glance."""
    from operations import training

    plans = planned_weeks(db, start=start, weeks=weeks + WEEKS_AT_A_GLANCE, today=today)
    units = training.load_profile(db).units or "km"
    return PrintWeeks(plans[:weeks], plans[weeks:], units)


def session_on(db: Database, *, day: date, today: date) -> StrengthSession | None:
    """The strength session planned (or logged) on `day`, swaps applied; None on a free day."""
    for week in planned_weeks(db, start=day, weeks=1, today=today):
        for plan in week.days:
            if plan.day == day and plan.strength is not None:
                return plan.strength
    return None
