"""One load value per activity on one scale: Banister TRIMP, or a calibrated stand-in.

DOMAIN.md §2.2-§2.5. Every figure carries its method and confidence. Strength always uses
session RPE; runs without HR use pace, then RPE, then duration; other sports HR, RPE, duration.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from planner import defaults as D
from planner.heart import HeartRates
from planner.model import Activity, LoadFigure, Profile, Sex

_RUN = {"running", "run", "trail_running", "treadmill", "virtual_run", "track", "trail"}
_RIDE = {"cycling", "ride", "virtual_ride", "e_biking", "mountain_biking"}
_SWIM = {"swimming", "swim", "open_water", "lap_swimming"}
_STRENGTH = {"strength", "strength_training", "weight_training", "weighttraining"}


def sport_kind(sport: str, sub_sport: str | None = None) -> str:
    """run, ride, swim, hike, walk, strength or other, from FIT or Strava sport names."""
    s = (sport or "").lower()
    sub = (sub_sport or "").lower()
    if s in _RUN or "run" in s:
        return "run"
    if s in _STRENGTH or sub in _STRENGTH or (s == "training" and "strength" in sub):
        return "strength"
    if s in _RIDE or "ride" in s or "cycl" in s:
        return "ride"
    if s in _SWIM:
        return "swim"
    if s in {"hiking", "hike"}:
        return "hike"
    if s in {"walking", "walk"}:
        return "walk"
    return "other"


def is_run(activity: Activity) -> bool:
    return sport_kind(activity.sport, activity.sub_sport) == "run"


def trimp_weight(hrr: float, sex: Sex | str) -> float:
    """y(HRr) of Banister's TRIMP; the mean of both curves when sex is unknown."""
    key = str(sex)
    if key in D.TRIMP_COEF:
        a, b = D.TRIMP_COEF[key]
        return a * math.exp(b * hrr)
    return sum(a * math.exp(b * hrr) for a, b in D.TRIMP_COEF.values()) / len(D.TRIMP_COEF)


def heart_rate_reserve(hr: float, hr_rest: float, hr_max: float) -> float:
    """HRr clipped to [0, 1]."""
    if hr_max <= hr_rest:
        return 0.0
    return min(1.0, max(0.0, (hr - hr_rest) / (hr_max - hr_rest)))


def trimp_from_histogram(
    histogram: Iterable[tuple[int, float]], hr: HeartRates, sex: Sex | str
) -> float:
    """Summed TRIMP: sum over 1-bpm bins of minutes * HRr * y(HRr)."""
    lo, hi = D.HR_VALID_RANGE
    total = 0.0
    for bpm, seconds in histogram:
        if lo <= bpm <= hi and hr.hr_max:
            r = heart_rate_reserve(bpm, hr.hr_rest, hr.hr_max)
            total += seconds / 60.0 * r * trimp_weight(r, sex)
    return total


def trimp_from_average(minutes: float, avg_hr: float, hr: HeartRates, sex: Sex | str) -> float:
    """Average-form TRIMP: under-counts mixed sessions, so only when no samples exist."""
    r = heart_rate_reserve(avg_hr, hr.hr_rest, hr.hr_max or avg_hr)
    return minutes * r * trimp_weight(r, sex)


def edwards_trimp(zone_seconds: Sequence[float]) -> float:
    """Edwards zone TRIMP: minutes in the five %HRmax zones weighted 1..5."""
    return sum(s / 60.0 * w for s, w in zip(zone_seconds, D.EDWARDS_ZONE_WEIGHTS, strict=False))


def pace_rtss(distance_m: float, duration_s: float, threshold_speed: float) -> float:
    """Running TSS from pace: hours * IF^2 * 100 with IF = v / v_threshold (Skiba 2006)."""
    intensity = (distance_m / duration_s) / threshold_speed
    return duration_s / 3600.0 * intensity**2 * 100.0


@dataclass(frozen=True, slots=True)
class Calibration:
    """Factors that put pace, RPE and zone scores on the HR TRIMP scale (DOMAIN.md §2.4)."""

    k_pace: float
    c_rpe: float
    threshold_speed: float | None = None  # m/s
    pace_fitted: bool = False
    rpe_fitted: bool = False
    edwards_ratio: float = D.EDWARDS_RATIO_DEFAULT


def default_calibration(profile: Profile) -> Calibration:
    speed = 1000.0 / profile.threshold_pace_s_per_km if profile.threshold_pace_s_per_km else None
    return Calibration(D.K_PACE_DEFAULT[str(profile.sex)], D.C_RPE_DEFAULT, speed)


def calibrate(
    activities: Sequence[Activity], profile: Profile, hr: HeartRates, today: date
) -> Calibration:
    """Fit k_pace and c_rpe as median(TRIMP_HR / other) over the last CALIB_WINDOW days."""
    base = default_calibration(profile)
    since = today - timedelta(days=D.CALIB_WINDOW)
    recent = [a for a in activities if since <= a.day <= today]
    speed = base.threshold_speed or _threshold_speed_from_races(recent)
    pace_pairs, rpe_pairs = [], []
    for a in recent:
        if not a.hr_histogram or not hr.hr_max or a.duration_s <= 0:
            continue
        trimp = trimp_from_histogram(a.hr_histogram, hr, profile.sex)
        dist = a.grade_adjusted_distance_m or a.distance_m
        if speed and is_run(a) and dist:
            pace_pairs.append(trimp / max(pace_rtss(dist, a.duration_s, speed), 1e-9))
        if a.rpe:
            rpe_pairs.append(trimp / (a.rpe * a.duration_s / 60.0))
    k_pace, c_rpe = base.k_pace, base.c_rpe
    pace_fit = len(pace_pairs) >= D.CALIB_MIN_PAIRS
    rpe_fit = len(rpe_pairs) >= D.CALIB_MIN_PAIRS
    if pace_fit:
        k_pace = median(pace_pairs)
    if rpe_fit:
        c_rpe = min(D.C_RPE_CLIP[1], max(D.C_RPE_CLIP[0], median(rpe_pairs)))
    return Calibration(k_pace, c_rpe, speed, pace_fit, rpe_fit)


def _threshold_speed_from_races(activities: Iterable[Activity]) -> float | None:
    lo, hi, _ = D.THRESHOLD_RACE
    speeds = [
        a.distance_m / a.duration_s
        for a in activities
        if a.is_race and is_run(a) and a.distance_m and lo * 60 <= a.duration_s <= hi * 60
    ]
    return max(speeds) if speeds else None


def activity_load(
    activity: Activity, hr: HeartRates, sex: Sex | str, cal: Calibration
) -> LoadFigure:
    """The load of one activity by the first usable method of DOMAIN.md §2.4/§2.5."""
    kind = sport_kind(activity.sport, activity.sub_sport)
    minutes = activity.duration_s / 60.0
    if kind == "strength":
        rpe = activity.rpe or D.STRENGTH_RPE_DEFAULT
        return LoadFigure(rpe * minutes * cal.c_rpe, "session_rpe", _rpe_confidence(cal))
    if activity.hr_histogram and hr.hr_max:
        return LoadFigure(
            trimp_from_histogram(activity.hr_histogram, hr, sex), "hr_samples", "high"
        )
    if activity.avg_hr and hr.hr_max:
        value = trimp_from_average(minutes, activity.avg_hr, hr, sex)
        return LoadFigure(value, "hr_average", "medium")
    if activity.hr_zone_s:
        value = edwards_trimp(activity.hr_zone_s) * cal.edwards_ratio
        return LoadFigure(value, "zones", "low")
    dist = activity.grade_adjusted_distance_m or activity.distance_m
    if kind == "run" and cal.threshold_speed and dist and activity.duration_s > 0:
        value = pace_rtss(dist, activity.duration_s, cal.threshold_speed) * cal.k_pace
        return LoadFigure(value, "pace", "medium")
    if activity.rpe:
        return LoadFigure(activity.rpe * minutes * cal.c_rpe, "session_rpe", _rpe_confidence(cal))
    h = D.SPORT_DEFAULT_HRR.get(kind, D.SPORT_DEFAULT_HRR["other"])
    return LoadFigure(minutes * h * trimp_weight(h, sex), "duration", "low")


def _rpe_confidence(cal: Calibration) -> str:
    return "medium" if cal.rpe_fitted else "low"
