"""Plain records every importer produces and the store and planner consume.

No SQLAlchemy, no Qt: an importer returns these, `store.activities` writes them. Frozen so a
record decoded in a worker process can be passed around and compared safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# Width of one speed-histogram bin, in metres per second.
SPEED_BIN_MPS = 0.1
# A watch's resting HR suggestion is the median of this many latest daily values (DOMAIN §2.3).
RESTING_DAYS = 14


@dataclass(frozen=True, slots=True, kw_only=True)
class StrengthSetRecord:
    """One active set of a strength activity as the watch recorded it."""

    position: int
    category: str | None = None
    reps: int | None = None
    weight_kg: float | None = None
    duration_s: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityRecord:
    """One activity (one session of a file): the summary plus what the load model needs.

    `start_utc` is UTC (aware, or naive meaning UTC). `hr_histogram` holds (bpm, seconds) at
    1-bpm resolution; `speed_histogram` holds (speed m/s, seconds) in `SPEED_BIN_MPS` bins;
    `series` holds (t seconds from start, hr or None, speed m/s or None) about every 10 s.
    """

    source: str
    external_id: str
    sport: str
    start_utc: datetime
    timer_s: float
    sub_sport: str | None = None
    utc_offset_s: int = 0
    elapsed_s: float | None = None
    distance_m: float | None = None
    ascent_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    device: str | None = None
    partial: bool = False
    hr_histogram: tuple[tuple[int, float], ...] = ()
    speed_histogram: tuple[tuple[float, float], ...] = ()
    series: tuple[tuple[float, float | None, float | None], ...] = ()
    strength_sets: tuple[StrengthSetRecord, ...] = ()
    warnings: tuple[str, ...] = ()
    is_race: bool = False
    rpe: float | None = None
    name: str | None = None
    grade_adjusted_distance_m: float | None = None
    # Highest 10-s rolling mean HR after the cadence-lock guard (DOMAIN §2.3), from samples.
    peak_hr_10s: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ProfileSuggestion:
    """Values a watch knows about its wearer, offered to the runner, never applied silently."""

    source: str
    hr_max: int | None = None
    hr_rest: int | None = None
    threshold_hr: int | None = None
    birth_year: int | None = None
    sex: str | None = None  # "male", "female" or None
    # Daily resting HR the watch measured (monitoring files), oldest first: (day, bpm).
    resting_hr_by_day: tuple[tuple[date, int], ...] = ()

    def is_empty(self) -> bool:
        return all(
            v is None
            for v in (self.hr_max, self.hr_rest, self.threshold_hr, self.birth_year, self.sex)
        )
