"""One comparison for every view: the planner's last 4 weeks of running against the usual week.

The calendar's reason, the Load view's headline and the printed sheet all speak of this one
(DOMAIN.md §2.9: running minutes over 4 weeks against the median active week). Shorter windows
(the last 7 days against the 4 weeks before) are shown as what they are, never as "usual".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from planner.model import VolumeLevel, WeekLoad
from planner.volume import VolumeFacts
from planner.week_notes import km_at_pace

USUAL_LOAD_WEEKS = 26  # weeks of load behind "your usual week ≈ …" (the volume baseline's span)


@dataclass(frozen=True, slots=True)
class Comparison:
    level: VolumeLevel
    recent_min: float | None  # a week, over the last 4 weeks
    usual_min: float | None
    recent_km: float | None
    usual_km: float | None
    usual_load: float | None  # the median load of the active weeks before this one

    @property
    def percent(self) -> int | None:
        """How much more (+) or less (-) than usual, in whole per cent."""
        if not self.recent_min or not self.usual_min:
            return None
        return round((self.recent_min / self.usual_min - 1) * 100)


def usual_week_load(loads: Sequence[WeekLoad]) -> float | None:
    """The median load of the weeks with any load, the current (last) week left out."""
    past = [w.total_load for w in loads[:-1][-USUAL_LOAD_WEEKS:] if w.total_load > 0]
    return round(median(past)) if past else None


def compare(
    facts: VolumeFacts,
    km_per_minute: float | None,
    loads: Sequence[WeekLoad],
    answered_min: float | None = None,
) -> Comparison:
    """The week's facts; with too little history the usual week is the runner's answer."""
    usual = facts.typical_min if facts.typical_min is not None else answered_min
    return Comparison(
        level=facts.level,
        recent_min=facts.recent_min,
        usual_min=usual,
        recent_km=km_at_pace(facts.recent_min, km_per_minute),
        usual_km=km_at_pace(usual, km_per_minute),
        usual_load=usual_week_load(loads),
    )
