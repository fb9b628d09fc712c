"""TCX (Garmin Training Center XML) files read with the standard library.

Strava's TCX files often start with whitespace before `<?xml`, which XML parsers refuse; it is
stripped first. Namespaces differ between writers, so elements are matched by local name. Laps
are summed for the activity's timer time, distance and heart rate; track points give the
samples. Raises `FitReadError` (the importers' "cannot read this file") with the reason.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from importers.fit import FitResult
from importers.fit_messages import FitReadError
from importers.strava_records import sport_of
from importers.track_points import Point, Summary, activity_from_points

SOURCE = "tcx"


def read_tcx(data: bytes) -> FitResult:
    try:
        root = ET.fromstring(data.lstrip())
    except ET.ParseError as exc:
        raise FitReadError(f"not a readable TCX file ({exc})") from exc
    activities = [_activity(a) for a in _all(root, "Activity")]
    found = tuple(a for a in activities if a is not None)
    if not found:
        return FitResult(skipped="TCX file without any timed track point", decoder="tcx")
    return FitResult(found, decoder="tcx")


def _activity(act: ET.Element):  # noqa: ANN202 - an ActivityRecord or None
    points = [p for p in (_point(tp) for tp in _all(act, "Trackpoint")) if p is not None]
    if not points:
        return None
    laps = _all(act, "Lap")
    timer = sum(_float(_text(lap, "TotalTimeSeconds")) or 0 for lap in laps)
    distance = sum(_float(_text(lap, "DistanceMeters")) or 0 for lap in laps)
    max_hrs = [v for lap in laps if (v := _float(_text(lap, "MaximumHeartRateBpm", "Value")))]
    sport, _ = sport_of(act.get("Sport"))
    creator = _text(act, "Creator", "Name")
    return activity_from_points(
        points,
        Summary(
            sport=sport,
            source=SOURCE,
            ident=_text(act, "Id") or "tcx",
            device=creator,
            timer_s=timer or None,
            distance_m=distance or None,
            max_hr=max(max_hrs) if max_hrs else None,
        ),
    )


def _point(tp: ET.Element) -> Point | None:
    when = _time(_text(tp, "Time"))
    if when is None:
        return None
    return Point(
        t=when,
        hr=_float(_text(tp, "HeartRateBpm", "Value")),
        speed=_float(_deep(tp, "Speed")),
        distance=_float(_text(tp, "DistanceMeters")),
        cadence=_float(_deep(tp, "RunCadence")) or _float(_text(tp, "Cadence")),
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _all(node: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in node.iter() if _local(e.tag) == name]


def _text(node: ET.Element, *path: str) -> str | None:
    """Text of the child along `path` (local names), e.g. ("HeartRateBpm", "Value")."""
    current: ET.Element | None = node
    for name in path:
        current = next((c for c in current if _local(c.tag) == name), None)
        if current is None:
            return None
    return (current.text or "").strip() or None


def _deep(node: ET.Element, name: str) -> str | None:
    """Text of the first descendant named `name`, such as `Speed` inside `Extensions/TPX`."""
    found = next((e for e in node.iter() if e is not node and _local(e.tag) == name), None)
    return (found.text or "").strip() or None if found is not None else None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _time(text: str | None) -> float | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()  # TCX is UTC
