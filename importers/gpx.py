"""GPX files (a track with times, and heart rate and cadence in Garmin's extensions) via gpxpy.

Each track is one activity. Heart rate and cadence come from the `TrackPointExtension`
elements (`gpxtpx:hr`, `gpxtpx:cad`, any namespace); distance is summed along the positions.
The track's `<type>` names the sport ("running", or Strava's older numbers: 9 run, 1 ride).
Raises `FitReadError` (the importers' "cannot read this file") with the reason.
"""

from __future__ import annotations

import gpxpy
import gpxpy.gpx

from importers.fit import FitResult
from importers.fit_messages import FitReadError
from importers.strava_records import sport_of
from importers.track_points import Point, Summary, activity_from_points, cumulative_distance

SOURCE = "gpx"
_NUMBERED_TYPES = {"1": "Ride", "9": "Run", "10": "Walk", "4": "Hike", "2": "AlpineSki"}


def read_gpx(data: bytes) -> FitResult:
    try:
        doc = gpxpy.parse(data.lstrip().decode("utf-8", errors="replace"))
    except (gpxpy.gpx.GPXException, ValueError) as exc:
        raise FitReadError(f"not a readable GPX file ({exc})") from exc
    activities = []
    for track in doc.tracks:
        points = [p for seg in track.segments for p in seg.points if p.time is not None]
        if not points:
            continue
        sport, _ = sport_of(_NUMBERED_TYPES.get((track.type or "").strip(), track.type))
        distance = cumulative_distance([(p.latitude, p.longitude) for p in points])
        samples = [
            Point(
                t=p.time.timestamp(),
                hr=_extension(p, "hr"),
                cadence=_extension(p, "cad"),
                distance=d,
            )
            for p, d in zip(points, distance, strict=True)
        ]
        activities.append(
            activity_from_points(
                samples,
                Summary(
                    sport=sport, source=SOURCE, ident="gpx", name=track.name, device=doc.creator
                ),
            )
        )
    if not activities:
        return FitResult(skipped="GPX file without a timed track (a route?)", decoder="gpx")
    return FitResult(tuple(activities), decoder="gpx")


def _extension(point: gpxpy.gpx.GPXTrackPoint, name: str) -> float | None:
    for ext in point.extensions:
        for element in ext.iter():
            if element.tag.rsplit("}", 1)[-1] == name and element.text:
                try:
                    return float(element.text)
                except ValueError:
                    return None
    return None
