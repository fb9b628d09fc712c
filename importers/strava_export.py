"""Strava's bulk export ("Download your data"): `activities.csv` beside `activities/`.

The activity files in `activities/` (`.fit.gz`, `.gpx(.gz)`, `.tcx(.gz)`) are read by their own
readers like any file; this module reads `activities.csv` for the activities that have no file
(entered by hand), keyed by Strava's activity id so a later API sync knows them.

Columns differ by language and era, so they are found by header: each field lists the header
names it goes by. Repeated headers (`Distance` twice: one in the runner's display unit, one
in metres) are told apart by value: metres is the larger. Dates are UTC, written like
"Oct 5, 2014, 4:15:21 PM" in English exports; ISO and day-first numeric dates are read too.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from importers.fit import FitResult
from importers.fit_messages import FitReadError
from importers.records import ActivityRecord
from importers.strava_records import SOURCE, sport_of

# Header names per field (compared case-insensitively). The English names are those of a real
# export (tests/data/strava-export); the German, French, Spanish and Italian names are our
# reading of Strava's translations, not yet checked against a real export in those languages.
HEADERS = {
    "id": ("activity id", "aktivitäts-id", "id de l'activité", "id de la actividad", "id attività"),
    "date": ("activity date", "aktivitätsdatum", "date de l'activité", "fecha de la actividad"),
    "name": ("activity name", "aktivitätsname", "nom de l'activité", "nombre de la actividad"),
    "type": ("activity type", "aktivitätsart", "type d'activité", "tipo de actividad"),
    "elapsed": ("elapsed time", "verstrichene zeit", "temps écoulé", "tiempo transcurrido"),
    "moving": ("moving time", "bewegungszeit", "temps de déplacement", "tiempo en movimiento"),
    "distance": ("distance", "distanz", "distancia"),
    "ascent": ("elevation gain", "höhenmeter bergauf", "dénivelé positif", "desnivel positivo"),
    "avg_hr": ("average heart rate", "durchschnittliche herzfrequenz"),
    "max_hr": ("max heart rate", "maximale herzfrequenz"),
    "filename": ("filename", "dateiname", "nom du fichier", "nombre del archivo"),
}
REQUIRED = ("id", "date", "type")
_DATE_FORMATS = (
    "%b %d, %Y, %I:%M:%S %p",
    "%b %d, %Y, %H:%M:%S",
    "%d.%m.%Y, %H:%M:%S",
    "%d/%m/%Y, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
)


def read_activities_csv(data: bytes) -> FitResult:
    """Activities of the rows without a file; rows with a file are read from that file."""
    text = data.decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise FitReadError("activities.csv is empty")
    columns = _columns(rows[0])
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise FitReadError(
            f"activities.csv: no column for {', '.join(missing)} (headers start: "
            f"{', '.join(rows[0][:4])})"
        )
    records, warnings = [], []
    for line, row in enumerate(rows[1:], start=2):
        if _cell(row, columns, "filename"):
            continue
        try:
            records.append(_record(row, columns))
        except ValueError as exc:
            warnings.append(f"activities.csv line {line}: {exc}")
    if not records:
        return FitResult(
            skipped="every activity of activities.csv has its own file",
            decoder="csv",
            warnings=tuple(warnings),
        )
    return FitResult(tuple(records), decoder="csv", warnings=tuple(warnings))


def _columns(header: list[str]) -> dict[str, list[int]]:
    """Field -> column positions holding it (a repeated header gives several)."""
    names = {alias: field for field, aliases in HEADERS.items() for alias in aliases}
    out: dict[str, list[int]] = {}
    for i, title in enumerate(header):
        field = names.get(title.strip().lower())
        if field:
            out.setdefault(field, []).append(i)
    return out


def _cell(row: list[str], columns: dict[str, list[int]], field: str, *, last: bool = False) -> str:
    where = columns.get(field)
    if not where:
        return ""
    i = where[-1] if last else where[0]
    return row[i].strip() if i < len(row) else ""


def _record(row: list[str], columns: dict[str, list[int]]) -> ActivityRecord:
    ident = _cell(row, columns, "id")
    if not ident:
        raise ValueError("no activity id")
    start = _date(_cell(row, columns, "date"))
    sport, sub_sport = sport_of(_cell(row, columns, "type"))
    elapsed = _number(_cell(row, columns, "elapsed", last=True))
    moving = _number(_cell(row, columns, "moving"))
    return ActivityRecord(
        source=SOURCE,
        external_id=ident,
        sport=sport,
        sub_sport=sub_sport,
        name=_cell(row, columns, "name") or None,
        start_utc=start,
        timer_s=moving or elapsed or 0.0,
        elapsed_s=elapsed,
        distance_m=_distance_m(row, columns),
        ascent_m=_number(_cell(row, columns, "ascent")),
        avg_hr=_number(_cell(row, columns, "avg_hr", last=True)),
        max_hr=_number(_cell(row, columns, "max_hr", last=True)),
    )


def _distance_m(row: list[str], columns: dict[str, list[int]]) -> float | None:
    """The metres column when the export has two (the larger value: the other is in km or
    miles); an older single column is in km."""
    where = columns.get("distance", [])
    if len(where) > 1:
        values = [_number(row[i].strip()) for i in where if i < len(row)]
        return max((v for v in values if v is not None), default=None)
    km = _number(_cell(row, columns, "distance").replace(",", ""))
    return round(km * 1000, 1) if km is not None else None


def _date(text: str) -> datetime:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    raise ValueError(f"date '{text}' not understood")


def _number(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None
