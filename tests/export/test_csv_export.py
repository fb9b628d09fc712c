"""CSV export of activities and weekly load, read back with the csv module."""

from __future__ import annotations

import csv
from datetime import date, datetime

from desktop.export.csv import export_activities_csv, export_load_csv
from planner.model import Activity, VolumeLevel, WeekLoad


def read(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_activities_are_one_row_each_oldest_first_in_the_runners_units(tmp_path):
    acts = [
        Activity(2, datetime(2026, 3, 2, 7, 5), "running", None, 3000, 10000, 150, 171),
        Activity(1, datetime(2026, 3, 1, 18, 0), "strength", None, 2700, lower_body=False),
    ]
    assert export_activities_csv(acts, tmp_path / "a.csv", units="mi") == 2
    rows = read(tmp_path / "a.csv")
    assert [r["date"] for r in rows] == ["2026-03-01", "2026-03-02"]
    assert rows[1]["distance_mi"] == "6.21"
    assert rows[1]["avg_hr"] == "150" and rows[1]["duration_min"] == "50.0"
    assert rows[0]["distance_mi"] == "" and rows[0]["lower_body"] == "no"


def test_weekly_load_has_every_figure(tmp_path):
    week = WeekLoad(
        date(2026, 3, 2),
        42.5,
        15000,
        5,
        310.0,
        380.0,
        2,
        48.2,
        55.1,
        -6.9,
        1.14,
        1.8,
        684.0,
        VolumeLevel.NORMAL,
    )
    empty = WeekLoad(
        date(2026, 2, 23), 0, 0, 0, 0, 0, 0, None, None, None, None, None, None, VolumeLevel.LOW
    )
    assert export_load_csv([week, empty], tmp_path / "l.csv") == 2
    rows = read(tmp_path / "l.csv")
    assert rows[0]["week_start"] == "2026-02-23" and rows[0]["acwr"] == ""
    assert rows[1]["run_km"] == "42.50" and rows[1]["form_tsb"] == "-6.9"
    assert rows[1]["volume_level"] == "normal"
