"""The planner's comparison in words, for the calendar and the Load view alike."""

from __future__ import annotations

from desktop.views import formatting as fmt
from planner.comparison import Comparison
from planner.model import VolumeLevel


def comparison_text(c: Comparison | None, units: str) -> str:
    """The planner's comparison in one sentence: last 4 weeks a week against the usual week."""
    if c is None or c.recent_min is None:
        return fmt.tr("Not enough running yet to compare with a usual week.")
    if c.usual_min is None or c.percent is None:
        return fmt.tr("Last 4 weeks: {recent} a week; no usual week to compare with yet.").format(
            recent=_volume(c.recent_km, c.recent_min, units)
        )
    pct = c.percent
    if abs(pct) < 5:
        how = fmt.tr("about your usual")
    elif pct > 0:
        how = fmt.tr("{p} % more than your usual").format(p=pct)
    else:
        how = fmt.tr("{p} % less than your usual").format(p=-pct)
    level = {
        VolumeLevel.LOW: fmt.tr("low volume: room for two strength sessions"),
        VolumeLevel.HIGH: fmt.tr("high volume: one strength session is enough"),
    }.get(c.level, fmt.tr("normal volume"))
    return fmt.tr("Last 4 weeks: {recent} a week, {how} {usual} · {level}").format(
        recent=_volume(c.recent_km, c.recent_min, units),
        how=how,
        usual=_volume(c.usual_km, c.usual_min, units),
        level=level,
    )


def _volume(km: float | None, minutes: float | None, units: str) -> str:
    time = fmt.duration((minutes or 0) * 60)
    if km is None:
        return time
    return f"{fmt.km_value(km, units):.1f} {units} ({time})"
