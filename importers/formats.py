"""Which reader reads which file: FIT, and the formats Strava's export holds besides it.

The one dispatch point between the import pipeline and the readers: `sources.file_kind` asks
`other_kind` about names that are not FIT or zip, and the decode worker calls `read_other_format`
before it reads a file as FIT. Readers load only when a file of theirs comes.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importers.fit import FitResult

STRAVA_CSV = "strava-csv"
_SUFFIXES = {".gpx": "gpx", ".gpx.gz": "gpx.gz", ".tcx": "tcx", ".tcx.gz": "tcx.gz"}


def other_kind(lower_name: str) -> str | None:
    """'gpx', 'tcx' (or with '.gz'), 'strava-csv' for Strava's activities.csv, else None."""
    for suffix, kind in _SUFFIXES.items():
        if lower_name.endswith(suffix):
            return kind
    if PurePosixPath(lower_name.replace("\\", "/")).name == "activities.csv":
        return STRAVA_CSV
    return None


def read_other_format(path: str, data: bytes) -> FitResult | None:
    """Read one file's bytes (already unpacked) when its name says GPX, TCX or Strava's
    activities.csv; None for FIT files, which the caller reads with `read_fit`."""
    name = path.split("::")[-1].lower()
    kind = (other_kind(name) or "").removesuffix(".gz")
    if kind == "gpx":
        from importers.gpx import read_gpx

        return read_gpx(data)
    if kind == "tcx":
        from importers.tcx import read_tcx

        return read_tcx(data)
    if kind == STRAVA_CSV:
        from importers.strava_export import read_activities_csv

        return read_activities_csv(data)
    return None
