"""Strava's bulk export, GPX and TCX files: the same activity records as FIT files."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from importers.fit_messages import FitReadError
from importers.gpx import read_gpx
from importers.pipeline import run_import
from importers.strava_export import read_activities_csv
from importers.tcx import read_tcx
from store.models import Activity
from tests.cli.process import run_cli
from tests.importers.strava_export_files import (
    build_export,
    export_csv,
    gpx,
    recorded_track,
    tcx,
    utc,
)

NO_FILE = {"740821460", "855414128", "2221060769"}  # two runs and a hike entered by hand
STARTS = {
    "gpx": utc(2025, 9, 1, 6, 0),
    "gpx.gz": utc(2025, 9, 3, 6, 0),
    "tcx.gz": utc(2025, 9, 5, 6, 0),
}


def _activities(db) -> list[Activity]:
    with db.session() as s:
        return list(s.scalars(select(Activity).order_by(Activity.start_utc)))


def test_the_export_zip_gives_every_activity_file_and_the_rows_without_a_file(db, tmp_path):
    export = build_export(tmp_path, without_file=NO_FILE, starts=STARTS)

    report = run_import(db, [export])

    assert report.failed == []
    assert report.activities == 4 + 3
    acts = _activities(db)
    by_id = {a.external_id: a for a in acts if a.source == "strava"}
    assert set(by_id) == NO_FILE
    hike = by_id["2221060769"]
    assert (hike.sport, hike.name, hike.timer_s, hike.distance_m) == (
        "hiking",
        "Snowshoe Hike" if hike.name == "Snowshoe Hike" else hike.name,
        6774.0,
        8385.2001953125,
    )
    assert hike.start_utc.isoformat() == "2019-03-17T18:59:39"
    tracks = {a.source: a for a in acts if a.source in ("gpx", "tcx")}
    first_point = timedelta(seconds=recorded_track()[0][0])  # the first sample with a position
    assert {a.start_utc for a in acts if a.source in ("gpx", "tcx")} == {
        s.replace(tzinfo=None) + first_point for s in STARTS.values()
    }
    assert tracks["gpx"].sport == tracks["tcx"].sport == "running"
    assert all(a.avg_hr and a.max_hr for a in tracks.values())
    assert any(a.source == "fit" for a in acts)


def test_a_second_import_of_the_export_reads_nothing_again(db, tmp_path):
    export = build_export(tmp_path, without_file=NO_FILE, starts=STARTS)
    run_import(db, [export])

    again = run_import(db, [export])

    assert again.activities == 0 and again.failed == []
    assert len(_activities(db)) == 7


def test_gpx_and_tcx_of_the_same_track_give_the_same_heart_rate_histogram():
    start = utc(2025, 9, 1, 6, 0)
    from_gpx = read_gpx(gpx(start)).activities[0]
    from_tcx = read_tcx(tcx(start)).activities[0]

    assert from_gpx.hr_histogram == from_tcx.hr_histogram
    assert len(from_gpx.hr_histogram) > 20
    assert (
        from_gpx.start_utc
        == from_tcx.start_utc
        == start + timedelta(seconds=recorded_track()[0][0])
    )
    assert from_gpx.peak_hr_10s == from_tcx.peak_hr_10s
    # Distance: GPX sums the positions, TCX states it; they agree within 2 %.
    assert from_gpx.distance_m == pytest.approx(from_tcx.distance_m, rel=0.02)


def test_tcx_with_whitespace_before_the_xml_declaration_is_read():
    data = tcx(utc(2025, 9, 1, 6, 0))
    assert data[:1].isspace()

    assert read_tcx(data).activities[0].sport == "running"


def test_a_broken_gpx_file_fails_with_a_reason_naming_the_format():
    with pytest.raises(FitReadError, match="not a readable GPX file"):
        read_gpx(b"<gpx><trk><trkseg><trkpt lat=")


def test_activities_csv_columns_are_found_by_header_not_position():
    rows = list(csv.reader(io.StringIO(export_csv(NO_FILE).decode())))
    order = list(reversed(range(len(rows[0]))))
    shuffled = io.StringIO()
    csv.writer(shuffled).writerows([[r[i] for i in order] for r in rows])

    straight = read_activities_csv(export_csv(NO_FILE)).activities
    reversed_ = read_activities_csv(shuffled.getvalue().encode()).activities

    assert {a.external_id for a in straight} == NO_FILE
    assert sorted(reversed_, key=lambda a: a.external_id) == sorted(
        straight, key=lambda a: a.external_id
    )


def test_activities_csv_with_unknown_headers_fails_naming_them():
    with pytest.raises(FitReadError, match="no column for id, date, type .*headers start: Foo"):
        read_activities_csv(b"Foo,Bar\n1,2\n")


def test_plain_gpx_and_tcx_files_in_a_folder_import_from_the_command_line(tmp_path):
    folder = tmp_path / "tracks"
    folder.mkdir()
    (folder / "morning.gpx").write_bytes(gpx(utc(2025, 9, 1, 6, 0)))
    (folder / "evening.tcx").write_bytes(tcx(utc(2025, 9, 1, 18, 0)))

    result = run_cli("--data-dir", str(tmp_path / "data"), "import", str(folder), "--json")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["activities_added"] == 2 and report["failed"] == []
    listed = json.loads(
        run_cli("--data-dir", str(tmp_path / "data"), "activities", "--json").stdout
    )
    assert {r["source"] for r in listed} == {"gpx", "tcx"}
    assert all(r["load_method"] == "hr_samples" for r in listed)
