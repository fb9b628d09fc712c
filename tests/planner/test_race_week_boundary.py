"""An A race early in the week: its light session goes on D-6..D-4 in the week before (§4.2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import Intensity, Phase, Priority, Race
from tests.planner.season_builder import (
    MALE,
    Builder,
    lifting_logs,
    plan_range,
    shipped_resources,
    standard_week,
)

RESOURCES = shipped_resources()
TODAY = date(2026, 3, 2)
RACE_MONDAY = date(2026, 4, 13)
LEGS = {"squat", "hinge", "single-leg", "plyo"}


def _runner(total_min: float = 300, key=(1, 3)):
    b = Builder()
    b.weeks(TODAY - timedelta(weeks=30), 30, standard_week(total_min, key=key))
    return b.activities, replace(MALE, long_run_weekday=6, key_run_weekdays=key)


def _plan(acts, profile, race, weeks=2, logs=None):
    logs = lifting_logs(TODAY) if logs is None else logs
    start = RACE_MONDAY - timedelta(weeks=weeks - 1)
    return plan_range(start, weeks, acts, profile, [race], logs, TODAY, RESOURCES)


def _sessions(plans):
    return [d.strength for p in plans for d in p.days if d.strength]


def test_a_wednesday_10k_gets_its_light_session_on_the_friday_before(resources):
    acts, profile = _runner()
    race = Race(1, RACE_MONDAY + timedelta(days=2), "City 10K", 10.0, Priority.A)
    before, race_week = _plan(acts, profile, race)
    assert race_week.phase is Phase.RACE_WEEK
    light = [s for s in _sessions([before]) if (race.day - s.day).days in (4, 5, 6)]
    assert [s.day for s in light] == [race.day - timedelta(days=5)]  # D-5 preferred
    assert light[0].intensity is Intensity.LIGHT
    assert all(e.sets <= 2 for e in light[0].exercises)
    jumps = [e for e in light[0].exercises if e.pattern == "plyo"]
    assert {e.id for e in jumps} <= {"pogo_hops", "skips"}  # T1 only, as in the race week
    assert sum(int(e.load_hint.split()[0]) for e in jumps) <= 20
    # the week's own session stays at least a week out; the race week adds none of its own
    others = [s for s in _sessions([before]) if s not in light]
    assert others and all((race.day - s.day).days >= 7 for s in others)
    assert not _sessions([race_week])
    assert race_week.strength_sessions == 0 and before.strength_sessions == len(others) + 1
    assert race_week.facts.reason_id == "race_week_a"
    assert "(last week)" in race_week.reason and "5 days away" in race_week.reason
    assert "One light session on Fri 10 Apr" in before.reason


def test_a_monday_race_still_gets_a_light_session_and_no_legs_in_the_last_three_days(resources):
    acts, profile = _runner()
    race = Race(1, RACE_MONDAY, "Easter 5K", 5.0, Priority.A)
    before, race_week = _plan(acts, profile, race)
    window = [s for s in _sessions([before]) if 2 <= (race.day - s.day).days <= 6]
    assert len(window) == 1 and window[0].intensity is Intensity.LIGHT
    assert 4 <= (race.day - window[0].day).days <= 6
    assert not _sessions([race_week])


def test_a_sunday_race_keeps_its_light_session_inside_the_race_week(resources):
    acts, profile = _runner()
    race = Race(1, RACE_MONDAY + timedelta(days=6), "Spring Half", 21.1, Priority.A)
    before, race_week = _plan(acts, profile, race)
    assert [s.day for s in _sessions([race_week])] == [race.day - timedelta(days=5)]
    assert all((race.day - s.day).days >= 7 for s in _sessions([before]))


def _has_legs(session) -> bool:
    return any(e.pattern in LEGS for e in session.exercises)


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.integers(0, 6),
    st.sampled_from([5.0, 10.0, 21.1, 42.2]),
    st.sampled_from([150.0, 300.0, 450.0]),
    st.sampled_from([(1, 3), (0, 2), (2, 4), ()]),
    st.frozensets(st.integers(0, 6), max_size=7),
    st.booleans(),
)
def test_never_heavy_legs_inside_the_a_pre_race_window_and_one_light_session_at_most(
    weekday, km, minutes, key, available, logs
):
    acts, profile = _runner(minutes, key=key)
    profile = replace(profile, strength_weekdays=tuple(sorted(available)))
    race = Race(1, RACE_MONDAY + timedelta(days=weekday), "Goal race", km, Priority.A)
    plans = _plan(acts, profile, race, weeks=3, logs=None if logs else ())
    sessions = _sessions(plans)
    days = sorted(s.day for s in sessions)
    assert all((b - a).days >= 2 for a, b in zip(days, days[1:], strict=False))
    in_window = [s for s in sessions if 0 <= (race.day - s.day).days <= 6]
    assert len(in_window) <= 1
    for s in in_window:
        before = (race.day - s.day).days
        assert before >= 2
        assert s.intensity is not Intensity.FULL
        if before <= 3:
            assert not _has_legs(s)
    for p in plans:
        assert len([d for d in p.days if d.strength]) == p.strength_sessions
