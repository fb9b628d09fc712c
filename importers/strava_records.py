"""Strava's activity JSON (and streams) mapped to the activity records a FIT file produces.

Each field is read on its own and checked, so one odd value (a float where Strava's own model
says int, a null, a string) costs that field, never the activity or the page. Streams fetched
with `key_by_type` become the same `Samples` columns a FIT file's records give, so the heart-rate
histogram, speed histogram, chart series and 10-s peak come from `importers.fit_reduce`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from importers import fit_reduce as reduce
from importers.records import ActivityRecord

SOURCE = "strava"
STREAM_KEYS = ("time", "heartrate", "velocity_smooth")

# Strava sport types in the app's own words (the FIT profile's names); others are lower-cased.
_SPORTS = {
    "run": "running",
    "trailrun": "running",
    "virtualrun": "running",
    "ride": "cycling",
    "virtualride": "cycling",
    "mountainbikeride": "cycling",
    "gravelride": "cycling",
    "ebikeride": "cycling",
    "emountainbikeride": "cycling",
    "swim": "swimming",
    "hike": "hiking",
    "walk": "walking",
    "weighttraining": "strength",
    "crossfit": "training",
    "workout": "training",
}
_SUB_SPORTS = {"trailrun": "trail", "virtualrun": "virtual", "virtualride": "virtual"}


def sport_of(strava_type: str | None) -> tuple[str, str | None]:
    """(sport, sub-sport) for a Strava `sport_type`/`type` such as 'TrailRun' or 'Nordic Ski'."""
    if not isinstance(strava_type, str):
        return "generic", None
    key = "".join(ch for ch in strava_type if ch.isalnum()).lower()
    if not key:
        return "generic", None
    return _SPORTS.get(key, key), _SUB_SPORTS.get(key)


def activity_record(
    summary: dict[str, Any], streams: dict[str, Any] | None = None
) -> ActivityRecord:
    """One Strava activity (list or detail form), with its streams when they were fetched.

    Raises ValueError naming the field when the activity has no id or no start time.
    """
    ident = summary.get("id")
    if not isinstance(ident, int | str) or str(ident) == "":
        raise ValueError("activity without an id")
    start = parse_time(summary.get("start_date"))
    if start is None:
        raise ValueError(f"activity {ident}: no valid start_date")
    sport, sub_sport = sport_of(summary.get("sport_type") or summary.get("type"))
    if summary.get("manual") is True:
        sub_sport = "manual"  # typed in by hand: no device, no samples
    moving, elapsed = number(summary.get("moving_time")), number(summary.get("elapsed_time"))
    base = dict(
        source=SOURCE,
        external_id=str(ident),
        sport=sport,
        sub_sport=sub_sport,
        name=summary.get("name") if isinstance(summary.get("name"), str) else None,
        start_utc=start,
        utc_offset_s=utc_offset(summary, start),
        timer_s=moving if moving is not None else (elapsed or 0.0),
        elapsed_s=elapsed,
        distance_m=number(summary.get("distance")),
        ascent_m=number(summary.get("total_elevation_gain")),
        avg_hr=number(summary.get("average_heartrate")),
        max_hr=number(summary.get("max_heartrate")),
        device=summary.get("device_name") if isinstance(summary.get("device_name"), str) else None,
        is_race=summary.get("workout_type") in (1, 11),  # Strava's "race" for runs and rides
    )
    return ActivityRecord(
        **base, **(reduced_streams(start.timestamp(), streams) if streams else {})
    )


def reduced_streams(start: float, streams: dict[str, Any]) -> dict[str, Any]:
    """What the store keeps of an activity's streams: HR and speed histograms, chart series
    and the 10-s peak HR, reduced exactly as a FIT file's records are. Empty without samples."""
    samples = samples_from_streams(start, streams)
    if samples.t.size == 0:
        return {}
    return {
        "hr_histogram": reduce.hr_histogram(samples),
        "peak_hr_10s": reduce.peak_hr_10s(samples),
        "speed_histogram": reduce.speed_histogram(samples),
        "series": reduce.series(samples, start),
    }


def samples_from_streams(start: float, streams: dict[str, Any]) -> reduce.Samples:
    """Strava's `time`/`heartrate`/`velocity_smooth` streams as sample columns (null = none)."""
    t = _stream(streams, "time")
    n = t.size
    hr = _stream(streams, "heartrate", n)
    speed = _stream(streams, "velocity_smooth", n)
    distance = _stream(streams, "distance", n)
    keep = ~np.isnan(t)
    order = np.argsort(t[keep], kind="stable")
    cols = [c[keep][order] for c in (t, hr, speed, distance)]
    nan = np.full(cols[0].shape, np.nan)
    return reduce.Samples(
        cols[0] + start, cols[1], cols[2], cols[3], np.ones(cols[0].shape, dtype=bool), nan
    )


def _stream(streams: dict[str, Any], key: str, n: int | None = None) -> np.ndarray:
    entry = streams.get(key)
    data = entry.get("data") if isinstance(entry, dict) else None
    values = [number(v) for v in data] if isinstance(data, list) else []
    col = np.array([np.nan if v is None else v for v in values], dtype=float)
    if n is None:
        return col
    if col.size != n:  # a stream of another length cannot be lined up with the times
        return np.full(n, np.nan)
    return col


def number(value: Any) -> float | None:
    """A JSON number as float; anything else (null, text, booleans) as None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if value == value else None


def parse_time(value: Any) -> datetime | None:
    """Strava's ISO time ('2025-10-18T12:49:52Z') as aware UTC, or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def utc_offset(summary: dict[str, Any], start: datetime) -> int:
    """Seconds east of UTC where the activity happened.

    From the IANA zone in `timezone` ('(GMT-05:00) America/New_York') at the start, else
    `utc_offset`, else `start_date_local` minus `start_date` (the local field is wall time
    despite its 'Z').
    """
    zone = summary.get("timezone")
    if isinstance(zone, str) and " " in zone:
        try:
            off = start.astimezone(ZoneInfo(zone.split()[-1])).utcoffset()
            if off is not None:
                return int(off.total_seconds())
        except (ZoneInfoNotFoundError, ValueError):
            pass
    off = number(summary.get("utc_offset"))
    if off is not None and abs(off) <= 14 * 3600:
        return int(off)
    local = parse_time(summary.get("start_date_local"))
    if local is not None:
        diff = (local - start) / timedelta(seconds=1)
        if abs(diff) <= 14 * 3600:
            return int(round(diff / 900) * 900)
    return 0
