"""Every bad value a runner can type is refused in one line naming the option (exit 2), and the
data stays as it was; `--json` output is always valid JSON."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.process import run_cli
from tests.data_safety.conftest import count_cases

TODAY = "2026-12-09"  # a Wednesday in the demo season


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = run_cli("--data-dir", str(folder), "--today", TODAY, "demo", "--no-window")
    assert result.returncode == 0, result.stderr
    assert cli(folder, "profile", "set", "--hr-max", "115").returncode == 0
    return folder


@pytest.fixture(scope="module")
def session(demo: Path) -> str:
    """A day holding a strength session in the demo's weeks around today."""
    return _session_day(demo)


def cli(demo: Path, *args: str):
    return run_cli("--data-dir", str(demo), "--today", TODAY, *args)


def _week(demo: Path) -> list[dict]:
    result = cli(demo, "plan", "--json", "--week", TODAY, "--weeks", "3")
    assert result.returncode == 0, result.stderr
    return [day for week in json.loads(result.stdout) for day in week["days"]]


def _session_day(demo: Path) -> str:
    return next(d["date"] for d in _week(demo) if d["strength"])


def _day_without_session(demo: Path) -> str:
    return next(d["date"] for d in _week(demo) if not d["strength"])


def _database_bytes(demo: Path) -> bytes:
    with sqlite3.connect(demo / "strongstride.sqlite") as conn:
        return "\n".join(conn.iterdump()).encode()


BAD_INPUTS = {
    "log-in-1900": (("log", "1900-01-02", "--done"), "DATE"),
    "log-in-2099": (("log", "2099-01-02", "--done"), "DATE"),
    "log-not-a-date": (("log", "yesterday", "--done"), "not a date"),
    "move-to-2099": (("log", "{session}", "--moved-to", "2099-01-02"), "--moved-to"),
    "move-onto-itself": (("log", "{session}", "--moved-to", "{session}"), "--moved-to"),
    "rpe-11": (("log", "{session}", "--done", "--rpe", "11"), "--rpe"),
    "rpe-nan": (("log", "{session}", "--done", "--rpe", "nan"), "--rpe"),
    "minutes-negative": (("log", "{session}", "--done", "--minutes", "-30"), "--minutes"),
    "minutes-inf": (("log", "{session}", "--done", "--minutes", "inf"), "--minutes"),
    "race-inf-km": (
        ("race", "add", "--date", "2027-04-11", "--name", "X", "--distance-km", "inf"),
        "--distance-km",
    ),
    "race-nan-km": (
        ("race", "add", "--date", "2027-04-11", "--name", "X", "--distance-km", "nan"),
        "--distance-km",
    ),
    "race-negative-km": (
        ("race", "add", "--date", "2027-04-11", "--name", "X", "--distance-km", "-10"),
        "--distance-km",
    ),
    "race-in-1900": (
        ("race", "add", "--date", "1900-04-11", "--name", "X", "--distance-km", "10"),
        "--date",
    ),
    "race-in-2099": (
        ("race", "add", "--date", "2099-04-11", "--name", "X", "--distance-km", "10"),
        "--date",
    ),
    "resting-above-max": (("profile", "set", "--hr-max", "150", "--hr-rest", "160"), "--hr-rest"),
    "resting-above-stored-max": (("profile", "set", "--hr-rest", "118"), "--hr-rest"),
    "weekly-minutes-negative": (("profile", "set", "--usual-weekly-minutes", "-5"), "weekly"),
    "weekly-minutes-nan": (("profile", "set", "--usual-weekly-minutes", "nan"), "weekly"),
    "weekly-minutes-inf": (("profile", "set", "--usual-weekly-minutes", "inf"), "weekly"),
    "birth-year-1900": (("profile", "set", "--birth-year", "1900"), "--birth-year"),
    "plan-week-1900": (("plan", "--week", "1900-01-01"), "--week"),
    "swap-in-2099": (("swap", "--date", "2099-01-01", "--exercise", "x", "--to", "y"), "--date"),
    "workout-in-1900": (("workout", "--date", "1900-01-01"), "--date"),
    "activities-since-1900": (("activities", "--since", "1900-01-01"), "--since"),
}


@pytest.mark.parametrize(("args", "names"), BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_a_bad_value_is_refused_in_one_line_naming_it_and_nothing_changes(
    demo, session, args, names
):
    before = _database_bytes(demo)
    result = cli(demo, *(a.format(session=session) for a in args))
    assert result.returncode == 2, result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("strongstride: ")
    assert names in result.stderr
    assert "Traceback" not in result.stderr
    assert _database_bytes(demo) == before
    count_cases("bad command-line inputs refused")


def test_logging_a_day_without_a_planned_session_is_refused_with_the_reason(demo):
    day = _day_without_session(demo)
    result = cli(demo, "log", day, "--done")
    assert result.returncode == 2
    assert "no strength session is planned" in result.stderr
    assert "day; this week:" in result.stderr  # what the day is and why the week looks so


def test_a_move_into_next_year_prints_the_date_with_its_year(demo, session):
    result = cli(demo, "log", session, "--moved-to", "2027-01-05")
    assert result.returncode == 0, result.stderr
    assert "Tue 05 Jan 2027" in result.stdout


def test_race_list_json_stays_valid_json_when_an_old_database_holds_an_infinite_distance(demo):
    with sqlite3.connect(demo / "strongstride.sqlite") as conn:
        conn.execute(
            "INSERT INTO race (day, name, distance_km, priority) "
            "VALUES ('2027-05-01', 'Stored by an older version', 1e999, 'C')"
        )
    result = cli(demo, "race", "list", "--json")
    assert result.returncode == 0, result.stderr

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    races = json.loads(result.stdout, parse_constant=refuse)
    stored = [r for r in races if r["name"] == "Stored by an older version"]
    assert stored[0]["distance_km"] is None
