"""HRrest falls back to the watch's daily resting values (median of the last 14) when not entered."""

from __future__ import annotations

import json
from datetime import date, timedelta

from cli import main
from importers.pipeline import run_import
from operations import training
from store import Database
from tests.importers.test_fit_reader import _monitoring_file

# _monitoring_file dates its days from 2023-11-14 (1_700_000_000 s) onwards.
FIRST_DAY = date(2023, 11, 14)


def test_imported_monitoring_days_become_hr_rest_and_rescale_the_loads(tmp_path, capsys):
    folder = tmp_path / "watch"
    folder.mkdir()
    # 20 days: the last 14 have resting HR 44..57, median 50.5
    (folder / "monitor.fit").write_bytes(_monitoring_file([(d, 38 + d) for d in range(20)]))
    db_dir = tmp_path / "data"
    db_dir.mkdir()
    db = Database.open(db_dir / "strongstride.sqlite")
    run_import(db, [folder])
    today = FIRST_DAY + timedelta(days=25)
    heart = training.heart_rates(db, today=today)
    assert heart.rest_source == "watch"
    assert heart.hr_rest == 50.5
    # an entered value always wins
    training.save_profile(db, hr_rest=47)
    assert training.heart_rates(db, today=today).hr_rest == 47
    db.close()
    assert (
        main(["--data-dir", str(db_dir), "--today", today.isoformat(), "profile", "show", "--json"])
        == 0
    )
    shown = json.loads(capsys.readouterr().out)
    assert shown["hr_rest"] == 47


def test_without_watch_values_hr_rest_is_the_default(tmp_path):
    db = Database.open(tmp_path / "s.sqlite")
    heart = training.heart_rates(db, today=date(2026, 11, 25))
    db.close()
    assert heart.rest_source == "default"
    assert heart.hr_rest == 60
