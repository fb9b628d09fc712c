"""HRmax and HRrest: entered, else observed (with the spike and cadence-lock guards), else Tanaka.

DOMAIN.md §2.3. The result says which source won, so the profile screen can show it and an
implausible observed maximum is offered for confirmation instead of being used silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from planner import defaults as D
from planner.model import Activity, Profile


@dataclass(frozen=True, slots=True)
class HeartRates:
    hr_max: float | None
    hr_rest: float
    max_source: str  # entered, observed, observed_or_age, age, none
    rest_source: str  # entered, watch, default
    observed_max: float | None = None
    suspect_max: float | None = None  # observed value too far above Tanaka: ask the runner


def tanaka_hr_max(age: int) -> float:
    """Age-predicted HRmax (Tanaka et al. 2001): 208 - 0.7 * age."""
    base, slope = D.TANAKA
    return base - slope * age


def histogram_peak(histogram: Iterable[tuple[int, float]]) -> float | None:
    """Highest bpm held for HRMAX_WINDOW seconds in total: a single-sample spike never counts."""
    total = 0.0
    for bpm, seconds in sorted(histogram, reverse=True):
        total += seconds
        if total >= D.HRMAX_WINDOW:
            return float(bpm)
    return None


def peak_hr_rolling(
    samples: Sequence[tuple[float, float | None, float | None]],
) -> float | None:
    """Highest 10-s rolling mean HR from (t seconds, hr, running cadence per leg) samples.

    Stretches where HR sits within ±3 bpm of steps/min (2 x cadence) for >= 60 s at HR >= 150 are
    dropped first: the optical sensor has locked onto the arm swing.
    """
    tol, lock_s, lock_hr = D.CADENCE_LOCK
    locked = [False] * len(samples)
    run_start = None
    for i, (_t, hr, cad) in enumerate(samples):
        is_lock = hr is not None and cad is not None and hr >= lock_hr and abs(hr - 2 * cad) <= tol
        if is_lock and run_start is None:
            run_start = i
        if (not is_lock or i == len(samples) - 1) and run_start is not None:
            end = i if is_lock else i - 1
            if samples[end][0] - samples[run_start][0] >= lock_s:
                for j in range(run_start, end + 1):
                    locked[j] = True
            run_start = None
    best = None
    window: list[tuple[float, float]] = []
    for (t, hr, _), bad in zip(samples, locked, strict=True):
        if hr is None or bad or not (D.HR_VALID_RANGE[0] <= hr <= D.HR_VALID_RANGE[1]):
            window = []
            continue
        window.append((t, hr))
        while window[-1][0] - window[0][0] > D.HRMAX_WINDOW:
            window.pop(0)
        if window[-1][0] - window[0][0] >= D.HRMAX_WINDOW - 1:
            mean = sum(h for _, h in window) / len(window)
            best = mean if best is None else max(best, mean)
    return best


def _hr_minutes(activity: Activity) -> float:
    if activity.hr_histogram:
        return sum(s for _, s in activity.hr_histogram) / 60.0
    return activity.duration_s / 60.0 if activity.avg_hr else 0.0


def observed_hr_max(activities: Iterable[Activity], today: date) -> tuple[float | None, bool]:
    """(highest guarded peak over HRMAX_LOOKBACK days, enough history to use it alone)."""
    since = today - timedelta(days=D.HRMAX_LOOKBACK)
    peaks: list[tuple[date, float]] = []
    for a in activities:
        if not (since <= a.day <= today) or _hr_minutes(a) < D.HRMAX_MIN_HR_MINUTES:
            continue
        peak = a.peak_hr_10s if a.peak_hr_10s is not None else histogram_peak(a.hr_histogram)
        if peak is not None:
            peaks.append((a.day, peak))
    if not peaks:
        return None, False
    days = [d for d, _ in peaks]
    n_min, span_min = D.HRMAX_MIN_HISTORY
    enough = len(peaks) >= n_min and (max(days) - min(days)).days >= span_min
    return max(p for _, p in peaks), enough


def estimate_heart_rates(
    profile: Profile,
    activities: Iterable[Activity],
    today: date,
    resting_values: Sequence[tuple[date, float]] = (),
) -> HeartRates:
    """HRmax and HRrest by the first rule that applies (DOMAIN.md §2.3)."""
    rest, rest_source = _hr_rest(profile, resting_values)
    observed, enough = observed_hr_max(activities, today)
    age_max = tanaka_hr_max(today.year - profile.birth_year) if profile.birth_year else None
    suspect = None
    if observed is not None and age_max is not None and observed > age_max + D.HRMAX_SUSPECT_MARGIN:
        suspect, observed = observed, None
    if profile.hr_max:
        hr_max, source = float(profile.hr_max), "entered"
    elif observed is not None and (enough or age_max is None):
        hr_max, source = observed, "observed"
    elif observed is not None:
        hr_max, source = max(observed, age_max), "observed_or_age"
    elif age_max is not None:
        hr_max, source = age_max, "age"
    else:
        hr_max, source = None, "none"
    return HeartRates(hr_max, rest, source, rest_source, observed, suspect)


def _hr_rest(profile: Profile, values: Sequence[tuple[date, float]]) -> tuple[float, str]:
    if profile.hr_rest:
        return float(profile.hr_rest), "entered"
    if values:
        latest = sorted(values)[-D.HRREST_WINDOW :]
        return float(median(v for _, v in latest)), "watch"
    return float(D.HRREST_DEFAULT), "default"
