"""DOMAIN.md §9 worked scenarios, built as activity lists (2 and 6 from real FIT files)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.history import build_history, week_load
from planner.model import (
    Intensity,
    LogStatus,
    Phase,
    Priority,
    Profile,
    Race,
    SessionLog,
    Sex,
    VolumeLevel,
)
from tests.planner.fit_runs import fit_run
from tests.planner.season_builder import MALE, Builder, lifting_logs, plan_range, strength_days

W = date(2026, 3, 2)  # the Monday every scenario plans; "today"
WEEK = timedelta(days=7)
TUE, WED, THU, FRI, SAT, SUN = (W + timedelta(days=k) for k in range(1, 7))
MON = W


def _history_weeks(b: Builder, typical: dict, recent: dict, *, weeks=26, recent_weeks=4) -> None:
    b.weeks(W - weeks * WEEK, weeks - recent_weeks, typical)
    b.weeks(W - recent_weeks * WEEK, recent_weeks, recent)


def _plan(b, profile, races=(), logs=None, weeks=1, start=W, today=W, resources=None):
    """Plan from `start`; a regular lifter's log unless `logs` is given."""
    logs = lifting_logs(W) if logs is None else logs
    return plan_range(start, weeks, b.activities, profile, races, logs, today, resources)


def _session(plan, day):
    return next(d.strength for d in plan.days if d.day == day)


def test_scenario_1_off_season_low_volume_gets_tuesday_and_thursday(resources):
    b = Builder()
    # typical 50 km = 275 min; last 4 weeks ~25 km
    _history_weeks(b, {1: (70, 0), 3: (70, 15), 6: (135, 0)}, {1: (35, 0), 3: (35, 15), 6: (68, 0)})
    profile = replace(MALE, long_run_weekday=6, key_run_weekdays=(3,))
    races = (Race(1, SUN + 29 * WEEK, "Autumn Marathon", 42.2, Priority.A),)
    (plan,) = _plan(b, profile, races, resources=resources)
    assert plan.phase is Phase.OFF_SEASON
    assert plan.volume_level is VolumeLevel.LOW
    assert plan.facts.volume_ratio == pytest.approx(0.5, abs=0.01)
    assert plan.strength_sessions == 2
    assert strength_days(plan) == [TUE, THU]
    assert all(_session(plan, d).intensity is Intensity.FULL for d in (TUE, THU))
    assert "below your usual" in plan.reason


def test_scenario_2_marathon_build_high_volume_from_fit_runs_gets_one_session_on_tuesday(
    resources,
):
    runs, n = [], 0
    for w in range(26, 0, -1):
        monday = W - w * WEEK
        week = [
            (1, "run_forerunner70_hr_compressed_timestamps.fit"),
            (3, "run_coros_pace_pro_hr_gps_fieldsize1_uint32.fit"),
            (6, "run_fenix5xplus_hr_gps_devfields_long.fit"),
        ]
        if w <= 4:
            week += [(2, "run_vivoactive4s_hr_gps.fit"), (4, "run_trail_suunto9baro_hr_gps.fit")]
        for wd, name in week:
            n += 1
            runs.append(fit_run(name, monday + timedelta(days=wd), n))
    b = Builder()
    b.activities = runs
    profile = Profile(sex=Sex.MALE, hr_max=190, hr_rest=50, lifted_regularly=True)
    races = (Race(1, SUN + 7 * WEEK, "City Marathon", 42.195, Priority.A),)
    (plan,) = _plan(b, profile, races, resources=resources)
    assert plan.facts.day_types_source == "history"
    assert plan.phase is Phase.BUILD
    assert plan.volume_level is VolumeLevel.HIGH
    assert plan.facts.volume_ratio > 1.15
    assert strength_days(plan) == [TUE]
    session = _session(plan, TUE)
    assert session.intensity is Intensity.FULL
    legs = [e for e in session.exercises if e.pattern in ("squat", "hinge", "single-leg")]
    assert legs and all(e.sets == 2 for e in legs)
    assert {e.reps for e in legs if e.pattern != "single-leg"} == {"4-6"}
    # ACWR and monotony are shown and change nothing
    assert plan.load.acwr is not None and plan.load.monotony is None


def _half_marathon_runner(resources):
    b = Builder()
    b.weeks(W - 26 * WEEK, 30, {1: (60, 15), 3: (60, 15), 5: (40, 0), 6: (100, 0)})
    profile = replace(MALE, long_run_weekday=6, key_run_weekdays=(1, 3))
    return b, profile


def test_scenario_3_half_marathon_taper_race_week_and_recovery(resources):
    b, profile = _half_marathon_runner(resources)
    race_day = SUN + 2 * WEEK  # weeks W (build..), W+1 taper, W+2 race week
    races = (Race(1, race_day, "Harbour Half", 21.1, Priority.A),)
    taper, race_week, after = _plan(b, profile, races, weeks=3, start=W + WEEK, resources=resources)
    assert (taper.phase, race_week.phase) == (Phase.TAPER, Phase.RACE_WEEK)
    assert strength_days(taper) == [race_day - timedelta(days=12)]
    assert taper.facts.reason_id == "taper"
    taper_session = _session(taper, race_day - timedelta(days=12))
    assert taper_session.intensity is Intensity.LIGHT
    assert max(e.sets for e in taper_session.exercises if e.pattern != "plyo") == 1
    jumps = [e for e in taper_session.exercises if e.pattern == "plyo"]
    assert sum(int(e.load_hint.split()[0]) for e in jumps) <= 30
    assert strength_days(race_week) == [race_day - timedelta(days=5)]
    light = _session(race_week, race_day - timedelta(days=5))
    assert light.intensity is Intensity.LIGHT
    assert all(e.sets <= 2 for e in light.exercises)
    jumps = [e for e in light.exercises if e.pattern == "plyo"]
    assert sum(int(e.load_hint.split()[0]) for e in jumps) <= 20
    assert {e.id for e in jumps} <= {"pogo_hops", "skips"}
    assert "5 days away" in race_week.reason
    first_after = strength_days(after)
    assert all(d >= race_day + timedelta(days=6) for d in first_after)  # nothing Mon-Fri
    assert first_after, "a session fits from Saturday on"
    assert _session(after, first_after[0]).intensity in (Intensity.LIGHT, Intensity.UPPER_CORE)
    assert after.facts.reason_id == "post_race"


def test_scenario_3_race_week_falls_back_to_wednesday_when_tuesday_is_taken(resources):
    b, profile = _half_marathon_runner(resources)
    race_day = SUN + 2 * WEEK
    races = (Race(1, race_day, "Harbour Half", 21.1, Priority.A),)
    # Tuesday (D-5) not available: the light session moves to D-4.
    profile = replace(profile, strength_weekdays=(0, 2, 3, 4, 5, 6))
    (race_week,) = _plan(b, profile, races, start=W + 2 * WEEK, resources=resources)
    assert strength_days(race_week) == [race_day - timedelta(days=4)]


def test_scenario_4_back_from_three_weeks_injured_ramps_two_weeks(resources):
    b = Builder()
    b.weeks(W - 30 * WEEK, 26, {1: (55, 15), 3: (55, 15), 6: (110, 0)})
    b.run(W - 4 * WEEK + timedelta(days=1), 55)  # 10 km, then nothing for three weeks
    last_lift = W - 3 * WEEK  # 21 days before the planned Monday
    logs = []
    day = W - 30 * WEEK + timedelta(days=2)
    while day <= last_lift:
        logs.append(SessionLog(day, LogStatus.DONE, rpe=7, minutes=45))
        day += timedelta(days=3 if day.weekday() == 2 else 4)
    logs[-1] = SessionLog(last_lift, LogStatus.DONE, rpe=7, minutes=45)
    profile = replace(MALE, long_run_weekday=6, key_run_weekdays=(1, 3))
    week1, week2, week3 = _plan(b, profile, logs=logs, weeks=3, resources=resources)
    assert week1.volume_level is VolumeLevel.LOW
    assert week1.facts.volume_ratio < 0.1
    assert week1.phase is Phase.NO_RACE and week1.strength_sessions == 2
    s1 = [d.strength for d in week1.days if d.strength]
    s2 = [d.strength for d in week2.days if d.strength]
    s3 = [d.strength for d in week3.days if d.strength]
    assert all(s.intensity is Intensity.LIGHT and "≤ 6" in s.reason for s in s1)
    assert all(e.sets <= 2 for s in s1 for e in s.exercises)
    assert all("≤ 7" in s.reason for s in s2)
    assert all(s.intensity is Intensity.FULL for s in s3)
    assert not any(e.pattern == "plyo" for s in s1 + s2 for e in s.exercises)
    assert any(e.pattern == "plyo" for s in s3 for e in s.exercises)


def test_scenario_5_beginner_gets_one_bodyweight_or_goblet_session_and_no_jumps(resources):
    b = Builder()
    b.weeks(W - 26 * WEEK, 26, {1: (55, 10), 3: (55, 0), 6: (55, 0)})  # ~30 km
    profile = Profile(sex=Sex.FEMALE, hr_max=185, hr_rest=55, long_run_weekday=6)
    weeks = _plan(b, profile, logs=(), weeks=4, resources=resources)
    for plan in weeks:
        assert plan.volume_level is VolumeLevel.NORMAL
        assert plan.strength_sessions == 1
        (session,) = [d.strength for d in plan.days if d.strength]
        legs = [e for e in session.exercises if e.pattern in ("squat", "hinge", "single-leg")]
        assert all(e.sets == 2 and e.reps.startswith("8-10") for e in legs)
        assert all("5-6" in e.load_hint for e in legs)
        assert {e.id for e in legs} <= {
            "bw_squat",
            "goblet_squat",
            "db_rdl",
            "glute_bridge",
            "reverse_lunge",
            "split_squat",
            "step_up",
        }
        assert not any(e.pattern == "plyo" for e in session.exercises)
        assert "Learning week" in session.reason


def test_scenario_6_new_user_with_three_weeks_of_fit_runs(resources):
    names = [
        "run_coros_apex_pro_hr_gps.fit",
        "run_vivoactive4s_hr_gps.fit",
        "run_fenix5xplus_hr_gps_devfields_long.fit",
    ]
    runs, n = [], 0
    for w in range(3, 0, -1):
        for wd, name in zip((1, 3, 6), names, strict=True):
            n += 1
            runs.append(fit_run(name, W - w * WEEK + timedelta(days=wd), n))
    b = Builder()
    b.activities = runs
    profile = Profile(sex=Sex.MALE, birth_year=1990)  # no HR entered, no onboarding answer
    history = build_history(runs, profile, W)
    observed = history.heart.observed_max
    assert history.heart.max_source == "observed_or_age"
    assert history.heart.hr_max == pytest.approx(max(observed, 208 - 0.7 * 36))
    (plan,) = _plan(b, profile, resources=resources)
    assert plan.phase is Phase.NO_RACE
    assert plan.volume_level is VolumeLevel.NORMAL
    assert plan.strength_sessions == 1
    assert plan.facts.reason_id == "freq_baseline"
    load = week_load(history, W - WEEK)
    assert load.ctl is None and load.acwr is None  # < 42 and < 28 days of history
    assert load.atl is not None


def test_scenario_7_fixed_days_give_monday_upper_body_and_thursday_full(resources):
    b = Builder()
    _history_weeks(b, {1: (70, 15), 3: (70, 0), 5: (135, 0)}, {1: (35, 15), 3: (35, 0), 5: (68, 0)})
    profile = replace(MALE, long_run_weekday=5, key_run_weekdays=(1,), strength_weekdays=(0, 3))
    races = (Race(1, SUN + 15 * WEEK, "Spring Marathon", 42.2, Priority.A),)
    (plan,) = _plan(b, profile, races, resources=resources)
    assert (plan.phase, plan.volume_level) == (Phase.BASE, VolumeLevel.LOW)
    assert strength_days(plan) == [MON, THU]
    monday = _session(plan, MON)
    assert monday.intensity is Intensity.UPPER_CORE
    assert "day before your key workout" in monday.reason
    assert not any(e.pattern in ("squat", "hinge", "single-leg") for e in monday.exercises)
    assert _session(plan, THU).intensity is Intensity.FULL


def test_scenario_8_b_10k_saturday_puts_the_build_session_on_tuesday(resources):
    b = Builder()
    b.weeks(W - 26 * WEEK, 28, {1: (60, 15), 3: (50, 0), 6: (100, 0)})
    profile = replace(MALE, long_run_weekday=6, key_run_weekdays=(1,))
    races = (
        Race(1, SAT, "Town 10K", 10.0, Priority.B),
        Race(2, SUN + 9 * WEEK, "Spring Marathon", 42.2, Priority.A),
    )
    plan, after = _plan(b, profile, races, weeks=2, resources=resources)
    assert (plan.phase, plan.volume_level, plan.strength_sessions) == (
        Phase.BUILD,
        VolumeLevel.NORMAL,
        1,
    )
    assert strength_days(plan) == [TUE]
    assert _session(plan, TUE).intensity is Intensity.FULL
    nxt = SAT + timedelta(days=1)
    assert not any(d in strength_days(after) for d in (nxt, nxt + timedelta(1), nxt + timedelta(2)))
