"""The planner's inputs and outputs: frozen dataclasses, nothing else.

Everything the planner knows arrives here (activities, profile, races, session logs, flags) and
everything it decides leaves here (week plans with days, strength sessions, exercises,
checklists and one reason per decision). The desktop app, the command line, the printer and the
calendar export all read these types; none of them reaches into the planner's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from planner.defaults import RACE_PRIORITY_DEFAULT


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


class Priority(StrEnum):
    A = "A"
    B = "B"
    C = "C"


class Phase(StrEnum):
    NO_RACE = "no_race"
    OFF_SEASON = "off_season"
    BASE = "base"
    BUILD = "build"
    PEAK = "peak"
    TAPER = "taper"
    RACE_WEEK = "race_week"
    RECOVERY = "recovery"
    TRANSITION = "transition"


class VolumeLevel(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class Equipment(StrEnum):
    GYM = "gym"
    HOME = "home"  # dumbbells (and a band, a bench or a box where the library asks)
    BODYWEIGHT = "bodyweight"


class DayType(StrEnum):
    """What the day holds for the legs, which decides placement and the checklist."""

    REST = "rest"
    EASY = "easy"
    KEY = "key"
    LONG = "long"
    RACE = "race"
    POST_RACE = "post_race"
    STRENGTH = "strength"


class Intensity(StrEnum):
    FULL = "full"  # full session for the block (development or maintenance dose)
    UPPER_CORE = "upper_core"  # lower body removed by a placement rule
    LIGHT = "light"  # race week, first after a race, taper, ramp weeks
    MOBILITY = "mobility"  # injury: upper body + core + mobility only


class LogStatus(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class Activity:
    """One activity as the planner sees it. `hr_histogram` maps bpm -> seconds at that bpm."""

    id: int
    start: datetime  # local wall-clock time of the start (naive, already offset)
    sport: str  # running, cycling, swimming, walking, hiking, strength, other
    sub_sport: str | None
    duration_s: float  # moving/timer time
    distance_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    hr_histogram: tuple[tuple[int, float], ...] = ()
    rpe: float | None = None  # CR-10, when the runner or the source gave one
    grade_adjusted_distance_m: float | None = None
    lower_body: bool = True  # strength only: did the session load the legs
    is_race: bool = False
    load: LoadFigure | None = None  # stored figure; None = compute from the fields above
    peak_hr_10s: float | None = None  # highest 10-s mean HR after the cadence-lock guard
    hr_zone_s: tuple[float, ...] = ()  # seconds in 50-60/60-70/70-80/80-90/90-100 % HRmax

    @property
    def day(self) -> date:
        return self.start.date()


@dataclass(frozen=True, slots=True)
class Profile:
    sex: Sex = Sex.UNKNOWN
    birth_year: int | None = None
    hr_max: int | None = None
    hr_rest: int | None = None
    threshold_pace_s_per_km: float | None = None
    units: str = "km"  # "km" or "mi"
    long_run_weekday: int | None = None  # 0 = Monday
    key_run_weekdays: tuple[int, ...] = ()
    strength_weekdays: tuple[int, ...] = ()  # empty = any day
    equipment: Equipment = Equipment.GYM
    usual_weekly_run_minutes: float | None = None  # onboarding answer
    lifted_regularly: bool = False  # declared regular lifting in the last 6 months
    strength_block_opt_in: bool = False
    # §4.4: a beginner in weeks 1-4 may ask for a short second session (not stored yet)
    beginner_second_session: bool = False
    illness: bool = False
    injury: bool = False


@dataclass(frozen=True, slots=True)
class Race:
    id: int
    day: date
    name: str
    distance_km: float
    priority: Priority = Priority(RACE_PRIORITY_DEFAULT)


@dataclass(frozen=True, slots=True)
class SessionLog:
    """What the runner did with a planned session (or a session logged without a plan)."""

    planned_day: date
    status: LogStatus
    moved_to: date | None = None
    rpe: float | None = None
    minutes: float | None = None
    lower_body: bool = True
    # (exercise id, kg, reps) per set; for holds the number is the seconds held
    exercise_results: tuple[tuple[str, float | None, int | None], ...] = ()
    session_key: str | None = None  # the planned session this log answers
    variant: str | None = None  # A or B, when the planned session is known


@dataclass(frozen=True, slots=True)
class LoadFigure:
    """One load value with how it was computed and how much to trust it."""

    value: float
    method: str  # hr_samples, hr_average, pace, session_rpe, duration, zones
    confidence: str  # high, medium, low


@dataclass(frozen=True, slots=True)
class WeekLoad:
    week_start: date
    run_km: float
    run_s: float
    runs: int
    running_load: float
    total_load: float
    strength_sessions: int
    ctl: float | None
    atl: float | None
    tsb: float | None
    acwr: float | None
    monotony: float | None
    strain: float | None
    volume_level: VolumeLevel
    # the runner's own 90th percentile of weekly strain over 26 weeks (§2.8); None = too few weeks
    strain_p90: float | None = None


@dataclass(frozen=True, slots=True)
class ExercisePrescription:
    id: str
    name: str
    pattern: str
    sets: int
    reps: str | None = None  # "4-6", "6/side", "15-20"
    seconds: str | None = None  # "20-40" for holds, None for reps
    load_hint: str = ""
    cue: str = ""
    rest_s: int | None = None
    substitutes: tuple[str, ...] = ()
    swapped_from: str | None = None  # the planned exercise when the runner chose this one
    # What the runner logged for this exercise last time: (kg, reps) per set, seconds for holds
    last: tuple[tuple[float | None, int | None], ...] = ()


@dataclass(frozen=True, slots=True)
class StrengthSession:
    key: str  # stable across re-plans of the same slot, e.g. "2026-11-23#1"
    day: date
    title: str
    intensity: Intensity
    reason: str
    exercises: tuple[ExercisePrescription, ...]
    minutes: int = 45
    status: str = "planned"  # planned, done, skipped, moved
    variant: str = "A"  # A squat-led / B hinge-led


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    label: str
    dose: str = ""
    optional: bool = False
    note: str = ""  # e.g. "not today: strength day"


@dataclass(frozen=True, slots=True)
class DayPlan:
    day: date
    day_type: DayType
    activities: tuple[Activity, ...] = ()  # what was run (past days)
    strength: StrengthSession | None = None
    checklist: tuple[ChecklistItem, ...] = ()
    race: Race | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class WeekFacts:
    """The numbers behind a week's reason, for programs (`plan --json`) and the printed sheet.

    `reason_id` is the §8 template of the count sentence and `reason_values` the values it was
    rendered with; the rest are the inputs the planner used for the week.
    """

    reason_id: str = ""
    reason_values: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    planned_count: int = 0
    recent_min: float | None = None
    typical_min: float | None = None
    volume_ratio: float | None = None
    volume_basis: str = ""
    recent_run_km: float | None = None
    typical_run_km: float | None = None
    weeks_to_a_race: int | None = None
    compliance_done: int = 0
    compliance_skipped: int = 0
    day_types_source: str = ""
    beginner_week: int | None = None
    ramp_week: int | None = None
    plyometrics: tuple[int, int] | None = None  # (tier, contacts)
    hr_max: float | None = None
    hr_max_source: str = ""
    hr_rest: float | None = None
    hr_rest_source: str = ""
    hr_max_to_confirm: float | None = None
    future_week: bool = False  # planned with today's volume level: its running is yet to come


@dataclass(frozen=True, slots=True)
class WeekPlan:
    week_start: date
    phase: Phase
    volume_level: VolumeLevel
    strength_sessions: int
    reason: str
    days: tuple[DayPlan, ...]
    load: WeekLoad | None = None
    facts: WeekFacts = field(default_factory=WeekFacts, hash=False, compare=False)
    # Weeks that have started: strength sessions done (logged or recorded) and logged skipped.
    # `strength_sessions` stays the planner's count for the week, the one the reason speaks of.
    sessions_done: int | None = None
    sessions_skipped: int | None = None
    done_note: str = ""  # e.g. "You did 2." (empty for weeks still ahead)
