"""What a real activity can look like: the bounds that tell a damaged file's garbage from a run.

A damaged file can claim a run 58 years long, 42,939 km far or starting in 2125; stored, that
wrecks fitness, fatigue and every chart. Records outside these bounds are dropped before any
figure is computed, and session figures outside them are replaced from the records or left
empty; each change is named, so the report can say what was left out. Every bound lives here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from importers.fit_messages import FIT_MIN_ABSOLUTE

# Latest plausible time: now plus two days, the end of tomorrow in every time zone.
LATEST_AHEAD_S = 2 * 86400
# No activity lasts longer than a week (multi-day ultras run about 4-6 days).
MAX_ELAPSED_S = 7 * 86400
# Heart rate a human heart can beat (DOMAIN §2.2 drops samples outside this range too).
HR_BOUNDS = (30.0, 240.0)
# Fastest plausible speed per sport, m/s, with a margin: sprinters top out at 12.4 m/s,
# downhill cyclists at about 30 m/s, elite swimmers at 2.4 m/s.
MAX_SPEED_MPS = {
    "running": 12.5,
    "walking": 8.0,
    "hiking": 8.0,
    "swimming": 4.0,
    "cycling": 40.0,
    "strength": 12.5,
    "training": 12.5,
    "fitness_equipment": 12.5,
    "rowing": 8.0,
    "cross_country_skiing": 20.0,
    "alpine_skiing": 45.0,
}
MAX_SPEED_OTHER_MPS = 100.0  # sports not listed (motor sports, flying): only gross garbage
DISTANCE_SLACK_M = 1000.0  # GPS jitter on top of speed x time
MAX_ASCENT_M = 20_000.0  # more climbing than anyone does in a week


def latest_time(now: float | None = None) -> float:
    """The latest Unix time a recording can carry."""
    return (time.time() if now is None else now) + LATEST_AHEAD_S


def max_speed(sport: str) -> float:
    return MAX_SPEED_MPS.get(sport, MAX_SPEED_OTHER_MPS)


def plausible_time(t: float | None, latest: float) -> bool:
    return t is not None and FIT_MIN_ABSOLUTE <= t <= latest


def record_mask(t: np.ndarray, latest: float, anchor: float | None) -> np.ndarray:
    """Records worth keeping: a real date, not in the future, within a week of the anchor
    (the session start, else the median record), so one wild timestamp cannot stretch a run."""
    ok = (t >= FIT_MIN_ABSOLUTE) & (t <= latest)
    if not ok.any():
        return ok
    if anchor is None or not (FIT_MIN_ABSOLUTE <= anchor <= latest):
        anchor = float(np.median(t[ok]))
    return ok & (t >= anchor - MAX_ELAPSED_S) & (t <= anchor + MAX_ELAPSED_S)


@dataclass
class SessionFigures:
    """A session's summary figures, checked one by one; `notes` names what was changed."""

    elapsed: float | None
    timer: float | None
    distance: float | None
    ascent: float | None
    avg_hr: float | None
    max_hr: float | None
    notes: list[str]

    def check(self, sport: str, record_span: float | None, moving: float | None) -> None:
        """Replace durations over a week by the records' and clear impossible figures."""
        if _over(self.elapsed, MAX_ELAPSED_S):
            self.notes.append(f"elapsed time of {_days(self.elapsed)} replaced by the records'")
            self.elapsed = record_span
        if _over(self.timer, MAX_ELAPSED_S):
            self.notes.append(f"timer time of {_days(self.timer)} replaced by the records'")
            self.timer = moving if moving is not None else self.elapsed
        longest = max(self.elapsed or 0.0, self.timer or 0.0)
        limit = max_speed(sport) * longest + DISTANCE_SLACK_M
        if _over(self.distance, limit):
            self.notes.append(f"distance of {self.distance / 1000:.0f} km dropped (impossible)")
            self.distance = None
        if _over(self.ascent, MAX_ASCENT_M):
            self.notes.append(f"ascent of {self.ascent:.0f} m dropped (impossible)")
            self.ascent = None
        for name in ("avg_hr", "max_hr"):
            value = getattr(self, name)
            if value is not None and not HR_BOUNDS[0] <= value <= HR_BOUNDS[1]:
                self.notes.append(f"{name.replace('_', ' ')} of {value:.0f} bpm dropped")
                setattr(self, name, None)


def _over(value: float | None, limit: float) -> bool:
    return value is not None and (value != value or value > limit or value < 0)


def _days(seconds: float | None) -> str:
    if seconds is None or seconds != seconds:
        return "an unknown length"
    if seconds >= 2 * 365 * 86400:
        return f"{seconds / (365.25 * 86400):.0f} years"
    return f"{seconds / 86400:.0f} days"
