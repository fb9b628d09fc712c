"""Every command's input checks in one place: each bad value is refused with one line naming it.

Dates must lie in a sane window around today (20 years back, 2 years ahead: older is not your
training history, later is not a plan), numbers must be finite and inside physical bounds, and
a heart-rate pair must make sense together. The commands call these before touching the data.
"""

from __future__ import annotations

import math
from datetime import date

from cli.context import CliError

YEARS_BACK = 20
YEARS_AHEAD = 2
RACE_KM = (0.1, 500.0)  # a 100 m dash to a multi-day ultra
SESSION_MINUTES = (1.0, 300.0)  # one strength session, warm-up included
WEEKLY_RUN_MINUTES = (1.0, 3000.0)  # 50 h a week is beyond any runner
RPE = (1.0, 10.0)


def date_window(today: date) -> tuple[date, date]:
    """The first and last day a command accepts."""
    return _years_from(today, -YEARS_BACK), _years_from(today, YEARS_AHEAD)


def day(text: str, option: str, *, today: date) -> date:
    """A YYYY-MM-DD date within the window around `today`."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise CliError(f"{option}: '{text}' is not a date (use YYYY-MM-DD)") from exc
    first, last = date_window(today)
    if not first <= value <= last:
        raise CliError(
            f"{option}: {value:%d %b %Y} is outside the dates StrongStride plans and keeps "
            f"({first:%d %b %Y} to {last:%d %b %Y})"
        )
    return value


def number(value: float | None, option: str, bounds: tuple[float, float], unit: str = "") -> None:
    """A finite number within `bounds` (None means the option was not given)."""
    if value is None:
        return
    lo, hi = bounds
    if not math.isfinite(value) or not lo <= value <= hi:
        unit = f" {unit}" if unit else ""
        raise CliError(f"{option}: expected a number from {lo:g} to {hi:g}{unit}, not {value:g}")


def heart_rates(hr_max: float | None, hr_rest: float | None) -> None:
    """Resting heart rate must be below maximum heart rate (with room for a training range)."""
    if hr_max is None or hr_rest is None:
        return
    if hr_rest >= hr_max:
        raise CliError(
            f"--hr-rest: {hr_rest:g} bpm is not below the maximum heart rate ({hr_max:g} bpm)"
        )


def day_label(value: date, *, today: date) -> str:
    """`Tue 01 Dec`, with the year when it is not this year's."""
    return f"{value:%a %d %b}" if value.year == today.year else f"{value:%a %d %b %Y}"


def _years_from(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years, day=28)
