"""Activities and weekly load as CSV files for spreadsheets.

Plain comma-separated UTF-8 with a header row, ISO dates, dot decimals and empty cells for
unknown values, so Excel, LibreOffice and pandas all read it the same way. Distances follow
the runner's units (a `distance_km` or `distance_mi` column, never a silent mix).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from desktop.printing.wording import KM_PER_MILE
from planner.model import Activity, WeekLoad


class CsvExportError(Exception):
    """The CSV file could not be written."""


def _number(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _distance(metres: float | None, units: str) -> str:
    if metres is None:
        return ""
    km = metres / 1000
    return _number(km / KM_PER_MILE if units == "mi" else km, 2)


def activity_rows(activities: Iterable[Activity], units: str = "km") -> Iterable[list[str]]:
    yield [
        "date",
        "start",
        "sport",
        "sub_sport",
        "duration_min",
        f"distance_{units}",
        "avg_hr",
        "max_hr",
        "rpe",
        "race",
        "lower_body",
    ]
    for a in sorted(activities, key=lambda a: a.start):
        yield [
            a.start.date().isoformat(),
            a.start.strftime("%H:%M"),
            a.sport,
            a.sub_sport or "",
            _number(a.duration_s / 60),
            _distance(a.distance_m, units),
            _number(a.avg_hr, 0),
            _number(a.max_hr, 0),
            _number(a.rpe),
            "yes" if a.is_race else "no",
            ("yes" if a.lower_body else "no") if a.sport == "strength" else "",
        ]


def load_rows(weeks: Iterable[WeekLoad], units: str = "km") -> Iterable[list[str]]:
    yield [
        "week_start",
        f"run_{units}",
        "run_min",
        "runs",
        "running_load",
        "total_load",
        "strength_sessions",
        "fitness_ctl",
        "fatigue_atl",
        "form_tsb",
        "acwr",
        "monotony",
        "strain",
        "volume_level",
    ]
    for w in sorted(weeks, key=lambda w: w.week_start):
        yield [
            w.week_start.isoformat(),
            _distance(w.run_km * 1000, units),
            _number(w.run_s / 60),
            str(w.runs),
            _number(w.running_load),
            _number(w.total_load),
            str(w.strength_sessions),
            _number(w.ctl),
            _number(w.atl),
            _number(w.tsb),
            _number(w.acwr, 2),
            _number(w.monotony, 2),
            _number(w.strain, 0),
            str(w.volume_level),
        ]


def _write(rows: Iterable[list[str]], path: str | Path) -> int:
    out = Path(path)
    if not out.parent.is_dir():
        raise CsvExportError(f"folder {out.parent} does not exist")
    count = -1  # the header is not a data row
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def export_activities_csv(activities: Iterable[Activity], path, *, units: str = "km") -> int:
    """Write one row per activity, oldest first; returns the number of rows."""
    return _write(activity_rows(activities, units), path)


def export_load_csv(weeks: Iterable[WeekLoad], path, *, units: str = "km") -> int:
    """Write one row per week of load figures, oldest first; returns the number of rows."""
    return _write(load_rows(weeks, units), path)
