"""The runner's volume level each week: recent running time against their own usual.

DOMAIN.md §2.9. Recent R = mean of the last 4 complete weeks (zeros count: a break is low
volume); typical B = median of active weeks only (an injury must not redefine "usual"). The
level moves with hysteresis so one cut-back week does not flip it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from planner import defaults as D
from planner.model import VolumeLevel

WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class VolumeFacts:
    """The level of one week and the numbers it came from (for the reason sentence)."""

    level: VolumeLevel
    recent_min: float | None = None
    typical_min: float | None = None
    ratio: float | None = None
    basis: str = "too_little_history"  # recent_vs_typical, too_little_history, no_baseline


def _baseline(minutes: Mapping[date, tuple[float, int]], week: date, first: date) -> float | None:
    for span in D.VOL_BASELINE[:2]:
        active = [
            minutes[w][0]
            for k in range(1, span + 1)
            if (w := week - k * WEEK) >= first and w in minutes and minutes[w][1] > 0
        ]
        if len(active) >= D.VOL_BASELINE[2]:
            return median(active)
    return None


def _next_level(prev: VolumeLevel, r: float) -> VolumeLevel:
    low_in, low_out = D.VOL_LOW
    high_in, high_out = D.VOL_HIGH
    if prev is VolumeLevel.LOW and r <= low_out:
        return VolumeLevel.LOW
    if prev is VolumeLevel.HIGH and r >= high_out:
        return VolumeLevel.HIGH
    if r < low_in:
        return VolumeLevel.LOW
    if r > high_in:
        return VolumeLevel.HIGH
    return VolumeLevel.NORMAL


def week_facts(
    minutes: Mapping[date, tuple[float, int]],
    week: date,
    first: date,
    prev: VolumeLevel,
    usual_minutes: float | None,
) -> VolumeFacts:
    """Level of the week starting `week`, given the previous week's level."""
    n_recent, n_min = D.VOL_RECENT_WEEKS
    past = [week - k * WEEK for k in range(1, n_recent + 1) if week - k * WEEK >= first]
    if len(past) < n_min:
        return VolumeFacts(VolumeLevel.NORMAL)
    recent = sum(minutes.get(w, (0.0, 0))[0] for w in past) / len(past)
    typical = _baseline(minutes, week, first) or usual_minutes
    if not typical:
        return VolumeFacts(VolumeLevel.NORMAL, recent, None, None, "no_baseline")
    ratio = recent / typical
    return VolumeFacts(_next_level(prev, ratio), recent, typical, ratio, "recent_vs_typical")


def volume_levels(
    minutes: Mapping[date, tuple[float, int]],
    first: date,
    last: date,
    usual_minutes: float | None = None,
) -> dict[date, VolumeFacts]:
    """Facts for every week from `first` to `last` (Mondays), each judged against the one before."""
    out: dict[date, VolumeFacts] = {}
    prev = VolumeLevel.NORMAL
    week = first
    while week <= last:
        facts = week_facts(minutes, week, first, prev, usual_minutes)
        out[week] = facts
        prev = facts.level
        week += WEEK
    return out
