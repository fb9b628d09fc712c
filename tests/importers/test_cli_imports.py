"""The import, sync watch and activities commands: output, JSON fields and exit codes."""

from __future__ import annotations

import csv
import json

import pytest

from cli import main
from tests.conftest import FIT_FIXTURES

JSON_FIELDS = [
    "id",
    "source",
    "sport",
    "sub_sport",
    "start",
    "utc_offset_s",
    "timer_s",
    "elapsed_s",
    "distance_m",
    "ascent_m",
    "avg_hr",
    "max_hr",
    "device",
    "partial",
]


def _json(capsys) -> object:
    return json.loads(capsys.readouterr().out)


def test_import_json_report_and_exit_zero_when_nothing_failed(data_dir, copy_fixtures, capsys):
    folder = copy_fixtures("run_fenix5_hr_gps_1min.fit", "settings_edge510.fit")
    assert main(["--data-dir", str(data_dir), "import", str(folder), "--json"]) == 0
    report = _json(capsys)
    assert report["imported"] == 1 and report["activities_added"] == 1
    assert report["skipped"][0]["reason"] == "not an activity (settings file)"
    assert report["failed"] == [] and report["partial"] == []
    assert report["profile_suggestion"]["hr_max"] == 185
    assert report["loads_recomputed"] == 1  # the planner fills load right after the import


def test_import_exits_one_when_a_file_failed_and_still_imports_the_rest(
    data_dir, copy_fixtures, capsys
):
    folder = copy_fixtures("run_fenix5_hr_gps_1min.fit", "empty_zero_bytes.fit")
    assert main(["--data-dir", str(data_dir), "import", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "FAILED:" in out and "empty_zero_bytes.fit: empty file (0 bytes)" in out
    assert "Imported 1 file(s): 1 new activity." in out


def test_import_of_a_missing_path_is_a_usage_error(data_dir, tmp_path, capsys):
    assert main(["--data-dir", str(data_dir), "import", str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_activities_json_has_exactly_the_documented_fields(data_dir, copy_fixtures, capsys):
    folder = copy_fixtures("run_forerunner965_hr_gps.fit", "strength_forerunner965_sets.fit")
    main(["--data-dir", str(data_dir), "import", str(folder), "--json"])
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "activities", "--json"]) == 0
    rows = _json(capsys)
    assert [r["sport"] for r in rows] == ["strength", "running"]
    run = rows[1]
    assert list(run)[: len(JSON_FIELDS)] == JSON_FIELDS
    assert set(run) - set(JSON_FIELDS) <= {"load", "load_method"}
    assert run["start"] == "2026-05-14T04:05:59Z"
    assert run["utc_offset_s"] == 28800 and run["distance_m"] == pytest.approx(11232.7)
    assert run["device"] == "garmin fr965" and run["partial"] is False


def test_activities_since_and_csv(data_dir, copy_fixtures, tmp_path, capsys):
    folder = copy_fixtures("run_forerunner965_hr_gps.fit", "run_fenix5_hr_gps_1min.fit")
    main(["--data-dir", str(data_dir), "import", str(folder)])
    capsys.readouterr()
    out_csv = tmp_path / "acts.csv"
    args = ["--data-dir", str(data_dir), "activities", "--since", "2020-01-01"]
    assert main([*args, "--json", "--csv", str(out_csv)]) == 0
    rows = _json(capsys)
    assert len(rows) == 1 and rows[0]["start"].startswith("2026-05-14")
    with out_csv.open() as fh:
        (line,) = list(csv.DictReader(fh))
    assert line["sport"] == "running"
    assert main(["--data-dir", str(data_dir), "activities", "--since", "May"]) == 2


def test_sync_watch_with_a_path_imports_from_the_fake_watch(data_dir, tmp_path, capsys):
    activity = tmp_path / "WATCH" / "GARMIN" / "Activity"
    activity.mkdir(parents=True)
    (activity / "A1.FIT").write_bytes((FIT_FIXTURES / "walk_venu_hr_gps.fit").read_bytes())
    args = ["--data-dir", str(data_dir), "sync", "watch", "--path", str(tmp_path / "WATCH")]
    assert main([*args, "--json"]) == 0
    assert _json(capsys)["activities_added"] == 1
    assert (data_dir / "watch" / "WATCH" / "A1.FIT").is_file()


def test_sync_watch_without_a_watch_tells_the_user_what_to_do(data_dir, tmp_path, capsys):
    args = ["--data-dir", str(data_dir), "sync", "watch", "--path", str(tmp_path)]
    assert main(args) == 2
    assert "GARMIN/Activity" in capsys.readouterr().err
