"""Good days to move a session to, from the week as planned (DOMAIN.md §5 in short): not
before today, not the day before a long run or a key workout, not a race or the day after it,
and at least 48 h from another strength session."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from planner.model import DayPlan, DayType

AVOID_BEFORE = (DayType.LONG, DayType.KEY, DayType.RACE)
AVOID_ON = (DayType.RACE, DayType.POST_RACE)


def good_move_days(
    days: Mapping[date, DayPlan], session_day: date, today: date, span: int = 7
) -> list[date]:
    """Days within `span` days either side of `session_day` that suit the session."""
    others = {d for d, p in days.items() if p.strength is not None and d != session_day}
    out = []
    for k in range(-span, span + 1):
        d = session_day + timedelta(days=k)
        plan = days.get(d)
        after = days.get(d + timedelta(days=1))
        if d == session_day or d < today or plan is None or plan.day_type in AVOID_ON:
            continue
        if after is not None and after.day_type in AVOID_BEFORE:
            continue
        if any(abs((d - o).days) < 2 for o in others):
            continue
        out.append(d)
    return out
