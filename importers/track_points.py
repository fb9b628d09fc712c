"""Track points of a GPX or TCX file turned into an activity record, reduced like a FIT file.

GPX and TCX carry per-point time, position or distance, and (in extensions) heart rate and
cadence; `activity_from_points` builds the same `Samples` a FIT file's records give and reduces
them with `importers.fit_reduce`, so their HR histograms and loads match a FIT file's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from importers import fit_reduce as reduce
from importers.records import ActivityRecord


@dataclass(frozen=True, slots=True)
class Point:
    t: float  # Unix seconds
    hr: float | None = None
    speed: float | None = None  # m/s, when the file says
    distance: float | None = None  # m from the start, when the file says
    cadence: float | None = None


@dataclass(frozen=True)
class Summary:
    """What a file states about the whole activity (laps summed); None where it is silent."""

    sport: str
    source: str
    ident: str
    name: str | None = None
    device: str | None = None
    timer_s: float | None = None
    distance_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    ascent_m: float | None = None


def activity_from_points(points: list[Point], summary: Summary) -> ActivityRecord:
    """One activity; figures the file does not state are computed from its points."""
    samples = _samples(points)
    start = float(samples.t[0])
    end = float(samples.t[-1])
    dist = samples.distance[~np.isnan(samples.distance)]
    avg_hr, max_hr = reduce.hr_summary(samples)
    timer = summary.timer_s if summary.timer_s else reduce.moving_time(samples)
    return ActivityRecord(
        source=summary.source,
        external_id=f"{summary.ident}:{int(start)}",
        sport=summary.sport,
        name=summary.name,
        start_utc=datetime.fromtimestamp(int(start), UTC),
        timer_s=round(float(timer), 3),
        elapsed_s=round(end - start, 3),
        distance_m=summary.distance_m
        if summary.distance_m
        else (round(float(dist.max() - dist.min()), 2) if dist.size else None),
        ascent_m=summary.ascent_m,
        avg_hr=summary.avg_hr if summary.avg_hr is not None else avg_hr,
        max_hr=summary.max_hr if summary.max_hr is not None else max_hr,
        device=summary.device,
        hr_histogram=reduce.hr_histogram(samples),
        peak_hr_10s=reduce.peak_hr_10s(samples),
        speed_histogram=reduce.speed_histogram(samples),
        series=reduce.series(samples, start),
    )


def _samples(points: list[Point]) -> reduce.Samples:
    pts = sorted(points, key=lambda p: p.t)

    def column(name: str) -> np.ndarray:
        return np.array([np.nan if getattr(p, name) is None else getattr(p, name) for p in pts])

    t, distance = column("t"), column("distance")
    speed = column("speed")
    if np.isnan(speed).all():
        speed = reduce.speed_from_distance(t, distance)
    timing = np.ones(t.shape, dtype=bool)
    return reduce.Samples(t, column("hr"), speed, distance, timing, column("cadence"))


def cumulative_distance(lat_lon: list[tuple[float, float] | None]) -> list[float | None]:
    """Metres along the track (haversine), for files that record positions only."""
    out: list[float | None] = []
    total, last = 0.0, None
    for pos in lat_lon:
        if pos is None:
            out.append(None)
            continue
        if last is not None:
            total += _haversine(last, pos)
        last = pos
        out.append(total)
    return out


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(np.radians, (a[0], a[1], b[0], b[1]))
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return float(2 * 6_371_000 * np.arcsin(np.sqrt(h)))
