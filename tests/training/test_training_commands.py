"""Training operations and their commands on a real database file in a temp folder."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from cli import main
from importers.fit import read_fit
from importers.writer import insert_records
from operations import training
from store import Database
from tests.conftest import FIT_FIXTURES

TODAY = "2026-11-25"


def cli(capsys, data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_database) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    demo_database(folder, date.fromisoformat(TODAY))
    return folder


def test_profile_set_then_show_round_trips_through_the_database(capsys, data_dir):
    code, out, _ = cli(
        capsys,
        data_dir,
        "profile",
        "set",
        "--sex",
        "female",
        "--hr-max",
        "186",
        "--long-run-day",
        "sun",
        "--key-run-days",
        "tue,thu",
        "--strength-days",
        "mon,wed,fri",
        "--equipment",
        "home",
        "--json",
    )
    assert code == 0
    shown = json.loads(out)
    assert shown["sex"] == "female" and shown["hr_max"] == 186
    assert shown["long_run_weekday"] == 6
    assert shown["key_run_weekdays"] == [1, 3]
    assert shown["strength_weekdays"] == [0, 2, 4]
    assert shown["equipment"] == "home"
    code, out, _ = cli(capsys, data_dir, "profile", "show")
    assert code == 0 and "mon,wed,fri" in out


def test_profile_set_refuses_an_impossible_heart_rate(capsys, data_dir):
    code, _, err = cli(capsys, data_dir, "profile", "set", "--hr-max", "400")
    assert code == 2 and "hr-max" in err


def test_races_can_be_added_listed_and_removed(capsys, data_dir):
    code, out, _ = cli(
        capsys,
        data_dir,
        "race",
        "add",
        "--date",
        "2027-04-25",
        "--name",
        "Spring Marathon",
        "--distance-km",
        "42.2",
        "--priority",
        "a",
        "--json",
    )
    assert code == 0
    race_id = json.loads(out)["id"]
    code, out, _ = cli(capsys, data_dir, "race", "list", "--json")
    (race,) = json.loads(out)
    assert (race["id"], race["date"], race["priority"]) == (race_id, "2027-04-25", "A")
    assert cli(capsys, data_dir, "race", "remove", str(race_id))[0] == 0
    assert json.loads(cli(capsys, data_dir, "race", "list", "--json")[1]) == []
    code, _, err = cli(capsys, data_dir, "race", "remove", str(race_id))
    assert code == 1 and "no race" in err


def test_demo_plans_give_more_sessions_in_low_volume_weeks_each_with_a_reason(capsys, demo_dir):
    code, out, _ = cli(capsys, demo_dir, "plan", "--week", "2025-12-01", "--weeks", "60", "--json")
    assert code == 0
    weeks = json.loads(out)
    assert len(weeks) == 60
    assert all(w["reason"] for w in weeks)
    assert all(d["strength"]["reason"] for w in weeks for d in w["days"] if d["strength"])
    planned = {"low": [], "high": []}
    for w in weeks:
        if w["volume_level"] in planned and w["phase"] not in ("race_week", "taper"):
            planned[w["volume_level"]].append(w["reason_id"])
    assert planned["low"] and planned["high"]
    assert all(r in ("freq_low_volume", "post_race") for r in planned["low"])
    assert all(r in ("freq_high_volume", "post_race") for r in planned["high"])
    first = weeks[0]
    assert set(first) >= {
        "week_start",
        "phase",
        "volume_level",
        "strength_sessions",
        "reason",
        "days",
    }
    day = first["days"][0]
    assert set(day) >= {"date", "day_type", "activities", "strength", "checklist"}
    session = next(d["strength"] for w in weeks for d in w["days"] if d["strength"])
    assert set(session) >= {"title", "intensity", "reason", "exercises"}
    ex = session["exercises"][0]
    assert set(ex) >= {"id", "name", "pattern", "sets", "load_hint", "cue"}
    assert ("reps" in ex) != ("seconds" in ex)


def test_demo_load_lists_weeks_with_the_agreed_fields_and_writes_csv(capsys, demo_dir, tmp_path):
    target = tmp_path / "load.csv"
    code, out, _ = cli(capsys, demo_dir, "load", "--weeks", "20", "--json", "--csv", str(target))
    assert code == 0
    weeks = json.loads(out)
    assert len(weeks) == 20
    assert set(weeks[0]) >= {
        "week_start",
        "run_km",
        "run_s",
        "load",
        "ctl",
        "atl",
        "tsb",
        "acwr",
        "monotony",
        "volume_level",
    }
    assert sum(w["run_km"] for w in weeks) > 100
    assert all(w["ctl"] is not None for w in weeks)
    rows = list(csv.DictReader(target.open()))
    assert len(rows) == 20 and rows[-1]["week_start"] == weeks[-1]["week_start"]


def test_logging_keeps_the_session_and_a_move_keeps_its_key(capsys, tmp_path, demo_database):
    db = Database.open(demo_database(tmp_path / "d", date.fromisoformat(TODAY)))
    try:
        today = date.fromisoformat(TODAY)
        start = today + timedelta(days=7)  # next week: every session still ahead
        week = training.plan_weeks(db, start=start, weeks=1, today=today)[0]
        session = next(d.strength for d in week.days if d.strength)
        step = 2 if session.day.weekday() <= 4 else -2
        target = session.day + timedelta(days=step)  # same week
        training.log_session(db, day=session.day, status="moved", moved_to=target)
        again = training.plan_weeks(db, start=start, weeks=1, today=today)[0]
        moved = next(d.strength for d in again.days if d.day == target)
        assert moved is not None and moved.key == session.key and moved.status == "moved"
        assert next(d.strength for d in again.days if d.day == session.day) is None
        training.log_session(db, day=target, status="done", rpe=7, minutes=40)
        done = training.plan_weeks(db, start=start, weeks=1, today=today)[0]
        assert next(d.strength for d in done.days if d.day == target).status == "done"
        with sqlite3.connect(db.path) as conn:
            keys = [
                r[0]
                for r in conn.execute(
                    "SELECT key FROM planned_session WHERE key = ?", (session.key,)
                )
            ]
        assert keys == [session.key]
        with pytest.raises(ValueError):
            training.log_session(db, day=target, status="moved")
    finally:
        db.close()


def test_log_command_rejects_bad_effort_and_bad_dates(capsys, data_dir):
    assert cli(capsys, data_dir, "log", "2026-11-24", "--done", "--rpe", "11")[0] == 2
    assert cli(capsys, data_dir, "log", "yesterday", "--done")[0] == 2
    assert cli(capsys, data_dir, "plan", "--week", "soon")[0] == 2


def test_recompute_loads_scores_real_fit_runs_by_heart_rate_or_stand_in(data_dir):
    db = Database.open(data_dir / "strongstride.sqlite")
    try:
        records = []
        for name in (
            "run_coros_apex_pro_hr_gps.fit",
            "run_forerunner645m_gps_no_hr.fit",
            "strength_forerunner965_sets.fit",
        ):
            records.extend(read_fit(FIT_FIXTURES / name).activities)
        with db.session() as s:
            insert_records(s, records)
        training.save_profile(db, sex="male", hr_max=190, hr_rest=50)
        assert training.recompute_loads(db) == 3
        with sqlite3.connect(db.path) as conn:
            rows = dict(
                (r[0], r[1:])
                for r in conn.execute(
                    "SELECT sport, load, load_method, load_confidence FROM activity"
                )
            )
        from planner.heart import HeartRates
        from planner.load import trimp_from_histogram

        hr = HeartRates(190, 50, "entered", "entered")
        coros = records[0]
        expected = trimp_from_histogram(coros.hr_histogram, hr, "male")
        run_rows = [r for s, *r in _all(db) if s == "running"]
        assert any(abs(load - expected) < 0.01 and m == "hr_samples" for load, m, _ in run_rows)
        assert any(m in ("duration", "pace") and c in ("low", "medium") for _, m, c in run_rows)
        assert rows["strength"][1] == "session_rpe"
    finally:
        db.close()


def _all(db: Database) -> list[tuple]:
    with sqlite3.connect(db.path) as conn:
        return conn.execute(
            "SELECT sport, load, load_method, load_confidence FROM activity"
        ).fetchall()


def test_profile_show_says_which_heart_rates_are_in_use(capsys, data_dir):
    cli(capsys, data_dir, "profile", "set", "--birth-year", "1986")
    shown = json.loads(cli(capsys, data_dir, "profile", "show", "--json")[1])
    assert shown["hr_max_source"] == "age" and shown["hr_max_in_use"] == round(208 - 0.7 * 40)
    assert (shown["hr_rest_in_use"], shown["hr_rest_source"]) == (60, "default")
    cli(capsys, data_dir, "profile", "set", "--hr-max", "191", "--hr-rest", "44")
    shown = json.loads(cli(capsys, data_dir, "profile", "show", "--json")[1])
    assert (shown["hr_max_in_use"], shown["hr_max_source"]) == (191, "entered")
    assert (shown["hr_rest_in_use"], shown["hr_rest_source"]) == (44, "entered")


def test_plan_and_load_print_readable_weeks_without_json(capsys, demo_dir):
    code, out, _ = cli(capsys, demo_dir, "plan", "--weeks", "2")
    assert code == 0
    assert out.count("Week of ") == 2
    assert "strength session" in out and " x " in out  # sets x reps lines
    code, out, _ = cli(capsys, demo_dir, "load", "--weeks", "4")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].split()[:3] == ["week", "km", "h"] and len(lines) == 5


def test_changing_hr_max_recomputes_every_load_on_the_new_scale(data_dir):
    db = Database.open(data_dir / "strongstride.sqlite")
    try:
        records = read_fit(FIT_FIXTURES / "run_coros_apex_pro_hr_gps.fit").activities
        with db.session() as s:
            insert_records(s, records)
        training.save_profile(db, sex="male", hr_max=190, hr_rest=50)
        before = _all(db)[0][1]
        training.save_profile(db, hr_max=175)
        after = _all(db)[0][1]
        assert after > before  # same heart rates are a larger share of a lower maximum
    finally:
        db.close()


def test_sets_logged_from_the_command_line_come_back_as_last_time_in_plan_json(capsys, tmp_path):
    data_dir = tmp_path / "data"
    assert main(["--data-dir", str(data_dir), "--today", TODAY, "demo", "--no-window"]) == 0
    capsys.readouterr()
    day = _first_session_day(data_dir)
    code, out, err = cli(
        capsys,
        data_dir,
        "log",
        day.isoformat(),
        "--done",
        "--set",
        "back_squat=60x5",
        "--set",
        "back_squat=60x5",
        "--set",
        "plank=40s",
    )
    assert (code, err) == (0, "")
    assert "3 set(s): back_squat=60x5, back_squat=60x5, plank=40s" in out
    code, out, _ = cli(capsys, data_dir, "plan", "--week", "2026-12-07", "--json")
    exercises = {
        e["id"]: e
        for week in json.loads(out)
        for d in week["days"]
        if d.get("strength")
        for e in d["strength"]["exercises"]
    }
    assert exercises["back_squat"]["last"] == [{"kg": 60.0, "reps": 5}] * 2
    assert "60 kg as last time" in exercises["back_squat"]["load_hint"]
    assert exercises["plank"]["last"] == [{"seconds": 40}]


def test_a_set_of_an_exercise_not_in_the_library_is_refused_and_nothing_is_logged(capsys, data_dir):
    day = _first_session_day(data_dir).isoformat()
    code, _, err = cli(capsys, data_dir, "log", day, "--done", "--set", "curl=20x10")
    assert code == 2 and "'curl' is not an exercise in the library" in err
    code, _, err = cli(capsys, data_dir, "log", day, "--done", "--set", "squat")
    assert code == 2 and err.startswith("strongstride: --set: 'squat' is not a set")
    db = Database.open(data_dir / "strongstride.sqlite")
    try:
        with sqlite3.connect(db.path) as conn:
            assert conn.execute("SELECT count(*) FROM session_log").fetchone()[0] == 0
    finally:
        db.close()


def _first_session_day(data_dir: Path) -> date:
    db = Database.open(data_dir / "strongstride.sqlite")
    try:
        plans = training.plan_weeks(
            db, start=date(2026, 11, 23), weeks=1, today=date.fromisoformat(TODAY)
        )
        return next(d.day for p in plans for d in p.days if d.strength and "A" in d.strength.title)
    finally:
        db.close()


def test_importing_a_watch_strength_activity_logs_the_planned_session_of_that_day(capsys, data_dir):
    day = "2025-10-20"  # the Forerunner 965 strength fixture's day, a Monday
    main(["--data-dir", str(data_dir), "--today", day, "profile", "set", "--strength-days", "mon"])
    capsys.readouterr()
    fixture = str(FIT_FIXTURES / "strength_forerunner965_sets.fit")
    code = main(["--data-dir", str(data_dir), "--today", day, "import", fixture, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    logged = out["sessions_logged"]
    assert len(logged) == 1 and logged[0]["date"] == day and logged[0]["sets_recorded"] == 14
    db = Database.open(data_dir / "strongstride.sqlite")
    try:
        plans = training.plan_weeks(db, start=date(2025, 10, 20), weeks=1, today=date(2025, 10, 20))
        assert plans[0].days[0].strength.status == "done"
    finally:
        db.close()
