"""Beginner weeks 1-4: a short second session only when the runner asks for it (§4.4)."""

from __future__ import annotations

from datetime import date, timedelta

from planner.model import Intensity, Priority, Profile, Race, Sex
from planner.session_time import session_minutes
from tests.planner.season_builder import Builder, plan_range

W = date(2026, 3, 2)
WEEK = timedelta(days=7)
LEGS = ("squat", "hinge", "single-leg")


def _beginner(**kw):
    b = Builder()
    b.weeks(W - 26 * WEEK, 26, {1: (55, 10), 3: (55, 0), 6: (55, 0)})  # ~30 km, normal
    profile = Profile(sex=Sex.FEMALE, hr_max=185, hr_rest=55, long_run_weekday=6, **kw)
    return b.activities, profile


def _sessions(plan):
    return [d.strength for d in plan.days if d.strength]


def test_asked_for_a_second_session_a_beginner_gets_a_short_one_in_weeks_1_to_4(resources):
    acts, profile = _beginner(beginner_second_session=True)
    weeks = plan_range(W, 5, acts, profile, (), (), W, resources)
    for plan in weeks[:4]:
        assert plan.strength_sessions == 2
        first, second = _sessions(plan)
        assert (second.day - first.day).days >= 2
        assert "Plus a short second session" in plan.reason
        # minutes come from the content: one set of each exercise is a short session
        assert first.minutes > second.minutes == session_minutes(second.exercises) <= 25
        assert all(e.sets == 1 for e in second.exercises)
        assert second.intensity is Intensity.FULL
        assert {e.pattern for e in second.exercises} >= {"pull", "push"}
        assert any(e.pattern in LEGS for e in second.exercises)
        assert "Short second session" in second.reason
        assert all(e.sets == 2 for e in first.exercises if e.pattern in LEGS)
    assert weeks[4].strength_sessions == 1  # week 5: the beginner block moves on, back to one


def test_without_the_request_or_for_a_regular_lifter_the_count_stays_one(resources):
    acts, profile = _beginner()
    (plan,) = plan_range(W, 1, acts, profile, (), (), W, resources)
    assert plan.strength_sessions == 1 and "second session" not in plan.reason
    acts, lifter = _beginner(beginner_second_session=True, lifted_regularly=True)
    (plan,) = plan_range(W, 1, acts, lifter, (), (), W, resources)
    assert plan.strength_sessions == 1


def test_no_second_session_in_a_race_week(resources):
    acts, profile = _beginner(beginner_second_session=True)
    race = Race(1, W + timedelta(days=6), "Spring 10K", 10.0, Priority.A)
    (plan,) = plan_range(W, 1, acts, profile, (race,), (), W, resources)
    assert plan.strength_sessions <= 1
    assert "second session" not in plan.reason


def test_the_week_before_an_early_a_race_adds_no_second_session_so_the_cap_holds(resources):
    acts, profile = _beginner(beginner_second_session=True)
    race = Race(1, W + WEEK + timedelta(days=1), "Tuesday 5K", 5.0, Priority.A)
    before, race_week = plan_range(W, 2, acts, profile, (race,), (), W, resources)
    assert before.strength_sessions <= 2 and race_week.strength_sessions <= 1
    assert len([d for d in before.days if d.strength]) == before.strength_sessions
    assert "second session" not in before.reason
