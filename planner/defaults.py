"""Every number the planner uses, mirroring DOMAIN.md §11 "Defaults in one place".

Names follow the table. Values tagged J in DOMAIN.md are judgement calls: change them there and
here together, nowhere else.
"""

from __future__ import annotations

import math

# §2.2 Banister TRIMP: sex -> (a, b) in y = a * e^(b * HRr) (Morton 1990).
TRIMP_COEF = {"male": (0.64, 1.92), "female": (0.86, 1.67)}
EDWARDS_RATIO_DEFAULT = 0.6  # TRIMP per Edwards zone-minute before fitting
EDWARDS_ZONE_WEIGHTS = (1, 2, 3, 4, 5)  # 50-60 / 60-70 / 70-80 / 80-90 / 90-100 % HRmax
HR_VALID_RANGE = (30, 240)  # bpm (the importer drops samples outside it, and gaps over 30 s)

# §2.3 HRmax and HRrest
HRMAX_WINDOW = 10  # s rolling mean
HRMAX_LOOKBACK = 365  # days
HRMAX_MIN_HR_MINUTES = 10  # an activity counts with >= 10 min of HR
HRMAX_MIN_HISTORY = (20, 60)  # activities, spanning days
HRMAX_SUSPECT_MARGIN = 25  # bpm over Tanaka
CADENCE_LOCK = (3, 60, 150)  # |HR - steps/min| <= 3 bpm, for >= 60 s, at HR >= 150
TANAKA = (208.0, 0.7)  # HRmax = 208 - 0.7 * age
HRREST_DEFAULT = 60
HRREST_WINDOW = 14  # daily values, median

# §2.4 no heart rate: same scale
# K_PACE_DEFAULT is TRIMP per rTSS at HRr 0.85 at threshold (HRR_AT_THRESHOLD, §2.4), worked out
K_PACE_DEFAULT = {"male": 1.67, "female": 1.81, "unknown": 1.74}
C_RPE_DEFAULT = 0.5
C_RPE_CLIP = (0.25, 0.80)
CALIB_MIN_PAIRS = 10
CALIB_WINDOW = 180  # days
THRESHOLD_RACE = (40, 75, 180)  # minutes min, minutes max, days back
SPORT_DEFAULT_HRR = {
    "run": 0.65,
    "ride": 0.55,
    "swim": 0.55,
    "hike": 0.50,
    "walk": 0.40,
    "other": 0.50,
}

# §2.5 strength and other sports
STRENGTH_RPE_DEFAULT = 5
NONRUN_WEIGHT = 0.0

# §2.6 fitness, fatigue, form
CTL_DAYS = 42
ATL_DAYS = 7


def ewma_k(days: int) -> float:
    """EWMA_K = 1 - e^(-1/N): the exact daily step of an exponential decay with time constant N."""
    return 1.0 - math.exp(-1.0 / days)


CTL_HIDE = 42  # days of history before CTL is shown
ATL_HIDE = 7

# §2.7, §2.8 display-only context: the plan never reads these
ACWR_WINDOWS = (7, 28)
ACWR_MIN_HISTORY = (28, 4)  # days, runs in the window
# §2.7 display bands of the 7-day ratio: below usual < 0.8 <= usual <= 1.3 < well above <= 1.5
# < far above (Gabbett 2016); the Load view words and shades by them.
ACWR_BANDS = (0.8, 1.3, 1.5)
MONOTONY_CAP = 10.0
# Strain is judged only against the runner's own weekly strains (§2.8): the 90th percentile of
# the last 26 weeks (this week included). Needing 8 weeks with a strain before judging at all is
# a judgement call (as few as the volume baseline's minimum of active weeks, §2.9).
STRAIN_PERCENTILE = (26, 0.9, 8)  # weeks, quantile, minimum weeks with a strain

# §2.9 volume level
VOL_RECENT_WEEKS = (4, 2)  # weeks, minimum weeks of history
VOL_BASELINE = (26, 52, 8)  # weeks, fallback weeks, minimum active weeks
VOL_LOW = (0.75, 0.80)  # enter below, leave only above
VOL_HIGH = (1.15, 1.10)  # enter above, leave only below

# §3 season
RACE_PRIORITY_DEFAULT = "B"
DISTANCE_CLASSES = (("5K", 7.5), ("10K", 15.0), ("half", 30.0), ("marathon", 45.0))
ULTRA = "ultra"
# class -> (base, build, peak, taper) weeks; the race week is the last taper week
PHASE_WEEKS = {
    "5K": (6, 4, 2, 1),
    "10K": (6, 5, 2, 1),
    "half": (6, 6, 2, 2),
    "marathon": (8, 8, 3, 2),
    "ultra": (8, 10, 3, 2),
}
TAPER_WEEKS = {k: v[3] for k, v in PHASE_WEEKS.items()}
RECOVERY_DAYS = {"5K": 2, "10K": 3, "half": 5, "marathon": 7, "ultra": 10}
RECOVERY_DAYS_LONG_ULTRA = (80.0, 14)  # ultras over 80 km need 14 days
TRANSITION_WEEKS = {"5K": 1, "10K": 1, "half": 2, "marathon": 3, "ultra": 4}
OFF_SEASON_HORIZON_WEEKS = 52

# §4.1 strength frequency: phase -> sessions at (low, normal, high) volume
FREQ_TABLE = {
    "off_season": (2, 2, 1),
    "transition": (2, 2, 1),
    "base": (2, 2, 1),
    "build": (2, 1, 1),
    "peak": (1, 1, 1),
    "taper": (1, 1, 1),
    "race_week": (1, 1, 1),  # at most one light session (§4.2)
    "recovery": (0, 0, 0),
    "no_race": (2, 1, 1),
}
FREQ_CAP = 2
OPT_IN_MAX = 3
A_NO_LOWER_BODY = 72  # h before an A race
B_NO_LOWER_BODY = 48  # h before a B race
A_LAST_TAPER_SESSION = 7  # days before
RACE_WEEK_LIGHT_DAYS = (5, 4, 6)  # D-5 preferred, then D-4, then D-6
RACE_WEEK_FALLBACK_DAYS = (3, 2)  # light upper body + core only; D-1 holds no strength at all
TAPER_SET_FACTOR = 0.5  # x maintenance sets, rounded up
AFTER_RACE_RPE_MAX = 6  # §4.2 first session after a race (and a B race's D-3): half the sets
BREAK_SHORT = 14  # days
BREAK_LONG = 28
RAMP_WEEKS = (2, 3)  # short break, long break
RAMP_RPE = (6, 7)  # week-1 cap, week-2 cap
RAMP_WEEK_1_SETS = 2
BEGINNER_SESSIONS = 12
BEGINNER_BLOCKS = (4, 6)  # weeks 1-4, 5-6, then 7+
BEGINNER_SHORT_MINUTES = 20  # §4.4 the short second session on request: one set each (J)
PLYO_GATE = (6, 8)  # weeks of lifting, sessions
PLYO_PAUSE_AFTER_RAMP = 2  # weeks
PLYO_CONTACTS = {"start": 40, "step": 10, "cap": 100, "build_peak": 60, "taper": 30, "race": 20}
PLYO_TIER_WEEKS = 4
PLYO_TIERS = {"top": 3, "taper": 2, "race": 1}  # highest tier overall, in taper, in race week
PLYO_MAX_SETS = 4  # per plyometric exercise; two exercises at most share the contacts
# §4.1 recent compliance: when the runner skipped most sessions they logged over the 4 weeks
# before the week (at least 2 skips and more skips than done), a count of 2 or more becomes 1 and
# the reason says so. Only explicit "skipped" logs count: a session never logged says nothing.
COMPLIANCE_WEEKS = 4
COMPLIANCE_MIN_SKIPPED = 2
COMPLIANCE_CAP = 1

# §5 placement
LONG_RUN_RULE = (60.0, 1.5)  # >= 60 min and >= 1.5 x median run
KEY_RUN_RULE = (0.5, 10.0, 0.80)  # share of runs, minutes, HRr
DAY_HISTORY_WEEKS = 8
MIN_GAP_STRENGTH = 48  # h: at least one free calendar day
SAME_DAY_GAP = 6  # h after the run
DAY_SCORES = {"key": 3, "easy": 2, "rest": 1, "after_long": 1, "long": 0, "limited": 0}

# §6 content
SESSION_ALTERNATION = ("A", "B")  # A squat + heavy push, B hinge + heavy pull
LOWER_BODY_SETS_MAX = 9
LOWER_BODY_REPS_MAX = 12
EXERCISE_ROTATION = 6  # weeks (>= 4)
# Each step lists the exercise and the one to use where the equipment or level does not allow it.
SINGLE_LEG_ROTATION = (
    ("reverse_lunge",),
    ("step_up",),
    ("rfe_split_squat", "split_squat"),
    ("sl_hip_thrust",),
)
NO_NEW_EXERCISE_BEFORE_A = 10  # days
# §6.1: taper and race-week sessions use only exercises done in the 6 weeks before.
DONE_BEFORE_TAPER_WEEKS = 6
TARGET_RPE_MAIN = (7, 8)
LOAD_STEP = (0.025, 0.05)
PROGRESS_RULE = 2  # sessions in a row at the top of the range
# §6.2 holds: +5-10 s a session up to the top of the hold range, then the harder variant.
HOLD_STEP = (5, 10)  # s
# §6.2 bodyweight and holds: the harder variant once the top of the range is held twice.
# Library ids where the library has the harder exercise, plain words where it has not
# (judgement call: the order follows DOMAIN.md §6.5's levels and its home-training note).
HARDER_VARIANT = {
    "bw_squat": "split_squat",
    "glute_bridge": "sl_hip_thrust",
    "reverse_lunge": "step_up",
    "split_squat": "rfe_split_squat",
    "push_up": "pike_push_up",
    "inverted_row": "band_chin_up",
    "band_chin_up": "chin_up",
    "plank": "plank with alternating arm reach",
    "side_plank": "side plank with the top leg raised",
    "dead_bug": "dead bug with straight legs",
    "bird_dog": "bird-dog with a 5 s hold",
    "sl_rdl": "single-leg RDL with a 3 s lowering",
    "step_up": "higher step-up with a 3 s lowering",
    "pike_push_up": "feet-elevated pike push-up",
    "chin_up": "chin-up with a 3 s lowering",
}
REST_HEAVY = (120, 180)  # s: main lifts take the middle, the single-leg lift the low end
REST_LIGHT = (60, 90)  # s: light upper body and jumps take the middle, core the low end
# §6.1 / §4.2-§4.4 dose per block: (sets, reps) for lower body, heavy and light upper body,
# core sets, effort (CR-10) and the session's length in minutes (warm-up included).
_MAIN_RPE = f"{TARGET_RPE_MAIN[0]}-{TARGET_RPE_MAIN[1]}"
DOSE_TABLE = {
    "development": ((3, "4-6"), (3, "4-6"), (2, "15-20"), 3, _MAIN_RPE, 45),
    "maintenance": ((2, "4-6"), (2, "4-6"), (2, "15-20"), 2, _MAIN_RPE, 35),
    "taper": ((1, "4-6"), (1, "4-6"), (1, "15-20"), 1, "≤ 7", 25),
    "race_week": ((2, "3-5"), (2, "3-5"), (1, "15-20"), 2, "5-6", 25),
    "beginner_1": ((2, "8-10"), (2, "8-10"), (2, "15-20"), 2, "5-6", 35),
    "beginner_short": ((1, "8-10"), (1, "8-10"), (1, "15-20"), 1, "5-6", BEGINNER_SHORT_MINUTES),
    "beginner_2": ((3, "6-8"), (3, "6-8"), (2, "15-20"), 2, "6-7", 40),
}
# Minutes shown for sessions the table does not list (estimates for the calendar, not rules).
SESSION_MINUTES = {"upper_core": 25, "halved_min": 20, "halved_less": 15, "ramp_1": 35}
# Session time from its content (judgement calls): warm-up + sets x (work + rest) + changeovers.
SESSION_WARMUP_MIN = 9  # §6.1/§6.3: dynamic warm-up, 8-10 min
SECONDS_PER_REP = 4  # a controlled rep: about 1 s up, 2-3 s down
CHANGEOVER_S = 60  # from the last set of one exercise to the first of the next

# §7 checklists
COLD_WATER_ON_STRENGTH_DAY = False
MASSAGE_DEEP_BEFORE_A = 48  # h: none within
SAUNA_BEFORE_RACE = 1  # days: not the day before

# §8 count sentence order (the §4.1 line when none matches)
REASON_ORDER = (
    "illness",
    "injury",
    "post_race",
    "race_week_a",
    "taper",
    "freq_compliance",
    "freq_high_volume",
    "freq_low_volume",
    "phase_base",
    "freq_baseline",
)
