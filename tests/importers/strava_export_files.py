"""Strava-export-shaped test files built from real recorded data.

The track (positions, times, heart rate) is the real activity of the recorded Strava streams
(tests/data/strava); it is moved to a chosen start and written as GPX or TCX the way Strava
writes them (TCX with whitespace before `<?xml`). The FIT file is a real watch fixture.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import FIT_FIXTURES, STRAVA_EXPORT_FIXTURES, STRAVA_FIXTURES


def recorded_track() -> list[tuple[float, float, float, float | None, float | None]]:
    """(seconds from start, lat, lon, distance m, heart rate) of the recorded streams."""
    s = json.loads(
        (STRAVA_FIXTURES / "DERIVED_gostrava_activity_streams_key_by_type.json").read_text()
    )
    cols = zip(
        s["time"]["data"],
        s["latlng"]["data"],
        s["distance"]["data"],
        s["heartrate"]["data"],
        strict=True,
    )
    return [(t, ll[0], ll[1], d, hr) for t, ll, d, hr in cols if t is not None and ll is not None]


def _iso(start: datetime, seconds: float) -> str:
    return (start + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def gpx(start: datetime, kind: str = "9") -> bytes:
    points = "".join(
        f'<trkpt lat="{lat}" lon="{lon}"><time>{_iso(start, t)}</time>'
        + (
            f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{int(hr)}</gpxtpx:hr>"
            "</gpxtpx:TrackPointExtension></extensions>"
            if hr is not None
            else ""
        )
        + "</trkpt>"
        for t, lat, lon, _, hr in recorded_track()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx creator="StravaGPX" version="1.1" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><name>Morning Run</name><type>{kind}</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def tcx(start: datetime) -> bytes:
    track = recorded_track()
    points = "".join(
        f"<Trackpoint><Time>{_iso(start, t)}</Time><DistanceMeters>{d}</DistanceMeters>"
        + (f"<HeartRateBpm><Value>{int(hr)}</Value></HeartRateBpm>" if hr is not None else "")
        + "</Trackpoint>"
        for t, _, _, d, hr in track
        if d is not None
    )
    return (
        '          \n<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="Running"><Id>{_iso(start, 0)}</Id>'
        f'<Lap StartTime="{_iso(start, 0)}"><TotalTimeSeconds>{track[-1][0]}</TotalTimeSeconds>'
        f"<Track>{points}</Track></Lap></Activity></Activities></TrainingCenterDatabase>"
    ).encode()


def export_csv(without_file: set[str]) -> bytes:
    """The real sample activities.csv; rows of `without_file` ids lose their Filename."""
    rows = list(
        csv.reader(io.StringIO((STRAVA_EXPORT_FIXTURES / "activities.sample.csv").read_text()))
    )
    for row in rows[1:]:
        if row[0] in without_file:
            row[12] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def build_export(folder: Path, *, without_file: set[str], starts: dict[str, datetime]) -> Path:
    """export_12345.zip: activities.csv, a GPX, a GPX.GZ, a TCX.GZ and a FIT.GZ."""
    path = folder / "export_12345.zip"
    fit = (FIT_FIXTURES / "run_coros_apex_pro_hr_gps.fit").read_bytes()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("activities.csv", export_csv(without_file))
        zf.writestr("activities/1001.gpx", gpx(starts["gpx"]))
        zf.writestr("activities/1002.gpx.gz", gzip.compress(gpx(starts["gpx.gz"])))
        zf.writestr("activities/1003.tcx.gz", gzip.compress(tcx(starts["tcx.gz"])))
        zf.writestr("activities/1004.fit.gz", gzip.compress(fit))
        zf.writestr("profile.csv", b"Athlete ID\n1\n")
    return path


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)
