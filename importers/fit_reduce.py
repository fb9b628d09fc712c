"""Per-second samples reduced to what the load model and charts keep, in NumPy.

An activity's samples are never stored: the load model needs only time at each heart rate
(DOMAIN §2.2), pace work needs time at each speed, and charts need a coarse series. Every
reduction here is a handful of array operations so a season of files reduces in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from importers.records import SPEED_BIN_MPS

HR_MIN, HR_MAX = 30, 240  # samples outside are sensor noise (DOMAIN §2.2)
HRMAX_WINDOW_S = 10  # HRmax is the best 10-s rolling mean (DOMAIN §2.3)
CADENCE_LOCK = (3, 60, 150)  # |HR - steps/min| <= 3 bpm for >= 60 s at HR >= 150
MAX_GAP_S = 30.0  # a longer gap is a pause or dropout and adds no time
MAX_SPEED_MPS = 30.0
SERIES_STEP_S = 10.0


@dataclass(frozen=True)
class Samples:
    """Columns of one activity's records, sorted by time: Unix seconds, bpm, m/s, m (NaN = none).

    `timing` is False for samples recorded while the timer was stopped (they add no time).
    """

    t: np.ndarray
    hr: np.ndarray
    speed: np.ndarray
    distance: np.ndarray
    timing: np.ndarray
    cadence: np.ndarray  # running cadence per leg (or pedal rpm), for the cadence-lock guard

    def window(self, start: float, end: float) -> Samples:
        lo = int(np.searchsorted(self.t, start, side="left"))
        hi = int(np.searchsorted(self.t, end, side="right"))
        return Samples(
            self.t[lo:hi],
            self.hr[lo:hi],
            self.speed[lo:hi],
            self.distance[lo:hi],
            self.timing[lo:hi],
            self.cadence[lo:hi],
        )

    @property
    def has_hr(self) -> bool:
        return bool(np.any(_valid_hr(self.hr)))


def _valid_hr(hr: np.ndarray) -> np.ndarray:
    return (hr >= HR_MIN) & (hr <= HR_MAX)  # NaN compares False


def _dt_to_next(t: np.ndarray, timing: np.ndarray) -> np.ndarray:
    """Seconds from each sample to the next; 0 for the last, across gaps > 30 s and in pauses."""
    dt = np.zeros_like(t)
    if t.size > 1:
        dt[:-1] = np.diff(t)
    dt[(dt > MAX_GAP_S) | (dt < 0) | ~timing] = 0.0
    return dt


def timer_running(t: np.ndarray, events: list[tuple[float, bool]]) -> np.ndarray:
    """For each sample time, whether the timer was running (from timer start/stop events)."""
    if not events:
        return np.ones(t.shape, dtype=bool)
    ev_t = np.array([e[0] for e in events], dtype=float)
    ev_on = np.array([e[1] for e in events], dtype=bool)
    idx = np.searchsorted(ev_t, t, side="right") - 1
    running = np.ones(t.shape, dtype=bool)
    seen = idx >= 0
    running[seen] = ev_on[idx[seen]]
    return running


def hr_histogram(s: Samples) -> tuple[tuple[int, float], ...]:
    """Seconds at each whole bpm (1-bpm bins), Δt to the next valid sample, gaps add nothing."""
    ok = _valid_hr(s.hr)
    if not ok.any():
        return ()
    t, hr = s.t[ok], np.rint(s.hr[ok]).astype(np.int64)
    seconds = np.bincount(hr, weights=_dt_to_next(t, s.timing[ok]), minlength=HR_MAX + 1)
    bpm = np.nonzero(seconds > 0)[0]
    return tuple((int(b), round(float(seconds[b]), 3)) for b in bpm)


def speed_histogram(s: Samples) -> tuple[tuple[float, float], ...]:
    """Seconds in each `SPEED_BIN_MPS` speed bin (bin named by its lower edge)."""
    ok = (s.speed >= 0) & (s.speed <= MAX_SPEED_MPS)
    if not ok.any():
        return ()
    t, v = s.t[ok], s.speed[ok]
    bins = np.floor(v / SPEED_BIN_MPS + 1e-9).astype(np.int64)
    seconds = np.bincount(bins, weights=_dt_to_next(t, s.timing[ok]))
    used = np.nonzero(seconds > 0)[0]
    return tuple((round(int(b) * SPEED_BIN_MPS, 1), round(float(seconds[b]), 3)) for b in used)


def series(s: Samples, start: float) -> tuple[tuple[float, float | None, float | None], ...]:
    """Mean heart rate and speed per 10-s step since `start`, for charts.

    Only the steps that hold samples are allocated, so memory follows the number of samples,
    never the time span (a corrupt timestamp must not ask for millions of empty steps).
    """
    if s.t.size == 0:
        return ()
    step = np.floor((s.t - start) / SERIES_STEP_S).astype(np.int64)
    step -= min(0, int(step.min()))
    present, slot = np.unique(step, return_inverse=True)
    n = present.size
    hr_mean = _bucket_mean(slot, s.hr, _valid_hr(s.hr), n)
    v_ok = (s.speed >= 0) & (s.speed <= MAX_SPEED_MPS)
    v_mean = _bucket_mean(slot, s.speed, v_ok, n)
    times = (present * SERIES_STEP_S).astype(float).tolist()
    hrs = [None if h != h else h for h in np.round(hr_mean, 1).tolist()]
    speeds = [None if v != v else v for v in np.round(v_mean, 2).tolist()]
    return tuple(zip(times, hrs, speeds, strict=True))


def _bucket_mean(step: np.ndarray, values: np.ndarray, ok: np.ndarray, n: int) -> np.ndarray:
    total = np.bincount(step[ok], weights=values[ok], minlength=n)
    count = np.bincount(step[ok], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def hr_summary(s: Samples) -> tuple[float | None, float | None]:
    """Time-weighted mean and maximum heart rate of the samples (when the session lacks them)."""
    ok = _valid_hr(s.hr)
    if not ok.any():
        return None, None
    hr = s.hr[ok]
    dt = _dt_to_next(s.t[ok], s.timing[ok])
    mean = float(np.average(hr, weights=dt)) if dt.sum() > 0 else float(hr.mean())
    return round(mean, 1), float(hr.max())


def moving_time(s: Samples) -> float:
    """Seconds covered by samples, gaps over 30 s excluded (timer time when the file has none)."""
    return float(_dt_to_next(s.t, s.timing).sum())


def speed_from_distance(t: np.ndarray, distance: np.ndarray) -> np.ndarray:
    """Speed derived from cumulative distance, for files that record no speed."""
    speed = np.full_like(t, np.nan)
    ok = ~np.isnan(distance)
    if ok.sum() < 2:
        return speed
    idx = np.nonzero(ok)[0]
    dt = np.diff(t[idx])
    dd = np.diff(distance[idx])
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.where(dt > 0, dd / dt, np.nan)
    speed[idx[1:]] = v
    return speed


def peak_hr_10s(s: Samples) -> float | None:
    """Highest 10-s rolling mean HR after the cadence-lock guard (DOMAIN §2.3).

    The vectorised twin of `planner.heart.peak_hr_rolling` (same rule, same constants; a test
    holds them equal): stretches where HR sits within ±3 bpm of steps/min (2 × cadence) for
    ≥ 60 s at HR ≥ 150 are dropped, since the optical sensor locked onto the arm swing; an
    invalid or dropped sample restarts the window.
    """
    tol, lock_s, lock_hr = CADENCE_LOCK
    t, hr, cadence = s.t, s.hr, s.cadence
    n = t.size
    if n == 0:
        return None
    with np.errstate(invalid="ignore"):
        lock = (hr >= lock_hr) & (np.abs(hr - 2 * cadence) <= tol)
    locked = np.zeros(n, dtype=bool)
    if lock.any():
        edges = np.diff(np.concatenate(([0], lock.astype(np.int8), [0])))
        starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0] - 1
        for a, b in zip(starts, ends, strict=True):
            if t[b] - t[a] >= lock_s:
                locked[a : b + 1] = True
    good = _valid_hr(hr) & ~locked
    if not good.any():
        return None
    # Windows never reach back across a bad sample: each run of good samples is a segment.
    seg_start = np.maximum.accumulate(np.where(~good, np.arange(n) + 1, 0))
    lo = np.maximum(np.searchsorted(t, t - HRMAX_WINDOW_S, side="left"), seg_start)
    cum = np.concatenate(([0.0], np.cumsum(np.where(good, hr, 0.0))))
    idx = np.arange(n)
    ok = good & (lo <= idx) & (t - t[np.minimum(lo, n - 1)] >= HRMAX_WINDOW_S - 1)
    if not ok.any():
        return None
    means = (cum[idx[ok] + 1] - cum[lo[ok]]) / (idx[ok] + 1 - lo[ok])
    return round(float(means.max()), 1)
