"""The six days before an A race hold one session at most, also when sessions are moved by hand
or logged there (DOMAIN.md §4.2 as part of §5 rule 1), and a week's reason never names a light
session that logged sessions took the place of (§8)."""

from __future__ import annotations

from datetime import date, timedelta

from planner.model import LogStatus, Priority, Profile, Race, SessionLog, Sex
from planner.moves import MoveOutcome, judge_move
from planner.plan import PlanInputs, plan_weeks
from tests.planner.hard_rules import broken_rules
from tests.planner.season_builder import shipped_resources

RESOURCES = shipped_resources()
RUNNER = Profile(sex=Sex.MALE, hr_max=190, hr_rest=50)
RACE = Race(1, date(2025, 9, 29), "Race 1", 5.0, Priority.A)  # a Monday
D1, D2 = RACE.day - timedelta(days=1), RACE.day - timedelta(days=2)


def _plans(logs, today=RACE.day, seen_days=None):
    inputs = PlanInputs.of(
        activities=[],
        profile=RUNNER,
        races=(RACE,),
        logs=logs,
        today=today,
        resources=RESOURCES,
        seen_days=seen_days,
    )
    return inputs, plan_weeks(inputs, start=today - timedelta(weeks=2), weeks=4)


def _session_days(plans):
    return {d.day: d.strength for w in plans for d in w.days if d.strength}


def test_a_move_onto_d2_is_dropped_when_the_runner_already_lifted_on_d1():
    # Hypothesis found this one: a session logged done the day before the race, and the same
    # day's session moved one day earlier, left two sessions in the race's last six days.
    logs = (
        SessionLog(D1, LogStatus.MOVED, moved_to=D2, session_key="log#0"),
        SessionLog(D1, LogStatus.DONE, session_key="log#1"),
    )
    for seen in (None, frozenset()):
        _, plans = _plans(logs, seen_days=seen)
        days = _session_days(plans)
        assert D2 not in days
        assert days[D1].status == "done"
        assert broken_rules(plans, (RACE,), RUNNER, RACE.day) == []


def test_the_week_before_the_race_does_not_name_a_light_day_its_logged_sessions_replaced():
    logs = (
        SessionLog(D1, LogStatus.MOVED, moved_to=D2, session_key="log#0"),
        SessionLog(D1, LogStatus.DONE, session_key="log#1"),
    )
    _, plans = _plans(logs)
    week_before = next(w for w in plans if w.week_start == RACE.day - timedelta(weeks=1))
    assert "Wed 24 Sep" not in week_before.reason
    assert week_before.reason.startswith("One session: maintenance")


def test_moving_a_second_session_into_the_race_week_is_refused_with_the_day_already_held():
    done_d5 = SessionLog(RACE.day - timedelta(days=5), LogStatus.DONE, session_key="light")
    today = RACE.day - timedelta(days=4)
    inputs, _ = _plans((done_d5,), today=today)
    plans = plan_weeks(inputs, start=RACE.day, weeks=3)
    planned = [d for d, s in _session_days(plans).items() if s.status == "planned" and d > today]
    after_race = min(planned)
    assert after_race > RACE.day
    verdict = judge_move(inputs, planned_day=after_race, to=D2)
    assert verdict.outcome is MoveOutcome.REFUSED
    assert "Race 1" in verdict.reason and "Wed 24 Sep" in verdict.reason


def test_moving_the_race_weeks_only_session_closer_to_the_race_is_still_upper_body_and_core():
    today = RACE.day - timedelta(days=8)
    inputs, plans = _plans((), today=today)
    light = [d for d, s in _session_days(plans).items() if 0 < (RACE.day - d).days <= 6]
    assert len(light) == 1
    verdict = judge_move(inputs, planned_day=light[0], to=D2)
    assert verdict.outcome is MoveOutcome.UPPER_CORE


def test_a_session_logged_the_day_before_the_race_leaves_no_light_session_planned_before_it():
    # Found by Hypothesis: with Tuesdays available, D-6 was still planned as the race week's
    # light session although the runner had logged one on D-1.
    tuesdays = Profile(sex=Sex.MALE, hr_max=190, hr_rest=50, strength_weekdays=(1,))
    inputs = PlanInputs.of(
        activities=[],
        profile=tuesdays,
        races=(RACE,),
        logs=(SessionLog(D1, LogStatus.DONE, session_key="log#0"),),
        today=RACE.day,
        resources=RESOURCES,
    )
    plans = plan_weeks(inputs, start=RACE.day - timedelta(weeks=6), weeks=8)
    in_race_week = [d for d in _session_days(plans) if 0 < (RACE.day - d).days <= 6]
    assert in_race_week == [D1]
    assert broken_rules(plans, (RACE,), tuesdays, RACE.day) == []


def test_a_day_logged_both_done_and_skipped_shows_the_session_done():
    # Found by Hypothesis: the skipped record hid the done one, so the plan showed no leg
    # session after the race while the planner counted one.
    race = Race(1, date(2025, 9, 27), "Race 1", 5.0, Priority.A)
    sunday = date(2025, 9, 28)
    logs = (
        SessionLog(sunday, LogStatus.DONE, session_key="log#0"),
        SessionLog(sunday, LogStatus.SKIPPED, session_key="log#1"),
    )
    inputs = PlanInputs.of(
        activities=[],
        profile=RUNNER,
        races=(race,),
        logs=logs,
        today=sunday + timedelta(days=1),
        resources=RESOURCES,
    )
    plans = plan_weeks(inputs, start=sunday - timedelta(weeks=6), weeks=14)
    assert _session_days(plans)[sunday].status == "done"
    assert broken_rules(plans, (race,), RUNNER, inputs.today) == []
