"""The daily ledger and weekly sums: same-day activities, other sports, logged strength."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.history import build_history, week_load
from planner.model import Activity, DayType, LogStatus, Priority, Profile, Race, SessionLog, Sex
from planner.placement import day_rule

PROFILE = Profile(sex=Sex.MALE, hr_max=190, hr_rest=50)
MON = date(2026, 3, 2)


def _act(i, day, sport, minutes, hr=150, km=None):
    return Activity(
        i,
        datetime(day.year, day.month, day.day, 7 + i),
        sport,
        None,
        minutes * 60,
        km * 1000 if km else None,
        hr_histogram=((hr, minutes * 60.0),) if hr else (),
    )


def test_same_day_runs_are_summed_and_walks_never_count_as_running():
    acts = [
        _act(1, MON, "running", 60, km=10),
        _act(2, MON, "running", 30, km=5),
        _act(3, MON, "walking", 60, km=5),
    ]
    week = week_load(build_history(acts, PROFILE, date(2026, 3, 8)), MON)
    assert week.runs == 2 and week.run_km == 15 and week.run_s == 5400
    assert week.running_load == pytest.approx(108.1 * 1.5, abs=0.3)
    assert week.total_load > week.running_load  # the walk counts for fitness, not running


def test_a_logged_session_without_a_watch_recording_adds_session_rpe_load():
    acts = [_act(1, MON, "running", 60, km=10)]
    log = SessionLog(date(2026, 3, 4), LogStatus.DONE, rpe=6, minutes=45)
    week = week_load(build_history(acts, PROFILE, date(2026, 3, 8), logs=[log]), MON)
    assert week.strength_sessions == 1
    assert week.total_load - week.running_load == pytest.approx(135, abs=0.1)
    skipped = SessionLog(date(2026, 3, 4), LogStatus.SKIPPED)
    none = week_load(build_history(acts, PROFILE, date(2026, 3, 8), logs=[skipped]), MON)
    assert none.strength_sessions == 0


def test_a_logged_session_the_watch_also_recorded_is_counted_once():
    lift = Activity(2, datetime(2026, 3, 4, 18), "strength", None, 2700, rpe=6)
    log = SessionLog(date(2026, 3, 4), LogStatus.DONE, rpe=6, minutes=45)
    week = week_load(build_history([lift], PROFILE, date(2026, 3, 8), logs=[log]), MON)
    assert week.strength_sessions == 1
    assert week.total_load == pytest.approx(135, abs=0.1)


def test_a_c_race_is_a_key_workout_you_may_lift_after_but_an_a_race_is_not():
    day = date(2026, 3, 7)
    types = {day: DayType.RACE}
    c = day_rule(day, types, (Race(1, day, "Parkrun", 5, Priority.C),), ())
    assert c.any_ok and c.lower_ok and c.score == 3
    a = day_rule(day, types, (Race(1, day, "Goal 5K", 5, Priority.A),), ())
    assert not a.any_ok
