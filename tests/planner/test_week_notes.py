"""A week's count, what was done, recent compliance, and the facts behind the reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.history import build_history, strain_p90, week_load, weekly_loads
from planner.model import LogStatus, Priority, Race, SessionLog, VolumeLevel
from planner.serialize import week_load_to_dict, week_plan_to_dict
from tests.planner.season_builder import MALE, Builder, lifting_logs, plan_range, standard_week

W = date(2026, 3, 2)
WEEK = timedelta(days=7)
DAY = timedelta(days=1)


def _steady_runner(minutes: float = 300):
    """26 weeks of the same running: level normal, no race -> the planner says one session."""
    b = Builder()
    b.weeks(W - 26 * WEEK, 30, standard_week(minutes))
    return b.activities, replace(MALE, long_run_weekday=6, key_run_weekdays=(1, 3))


def test_a_past_week_with_two_sessions_done_keeps_the_planned_count_and_says_what_was_done(
    resources,
):
    acts, profile = _steady_runner()
    logs = (
        *lifting_logs(W),
        SessionLog(W + DAY, LogStatus.DONE, rpe=7, minutes=40),
        SessionLog(W + 3 * DAY, LogStatus.DONE, rpe=7, minutes=40),
    )
    (plan,) = plan_range(W, 1, acts, profile, (), logs, W + 10 * DAY, resources)
    assert plan.facts.reason_id == "freq_baseline"
    assert plan.reason.startswith("One session:")
    assert plan.strength_sessions == 1  # the planner's decision, the one the reason speaks of
    assert (plan.sessions_done, plan.sessions_skipped) == (2, 0)
    assert plan.done_note == "You did 2."
    shown = week_plan_to_dict(plan)
    assert (shown["strength_sessions"], shown["sessions_done"], shown["sessions_skipped"]) == (
        1,
        2,
        0,
    )
    assert shown["done_note"] == "You did 2."


def test_a_skipped_session_is_counted_and_weeks_ahead_say_nothing_about_what_was_done(resources):
    acts, profile = _steady_runner()
    (first,) = plan_range(W, 1, acts, profile, (), lifting_logs(W), W, resources)
    session = next(d.strength for d in first.days if d.strength)
    skipped = SessionLog(session.day, LogStatus.SKIPPED, session_key=session.key)
    this, ahead = plan_range(
        W, 2, acts, profile, (), (*lifting_logs(W), skipped), session.day + DAY, resources
    )
    assert this.strength_sessions == 1
    assert this.sessions_skipped == 1 and this.sessions_done == 0
    assert this.done_note == "So far you did 0; 1 skipped."
    assert (ahead.sessions_done, ahead.sessions_skipped, ahead.done_note) == (None, None, "")


def _low_volume_runner():
    b = Builder()
    b.weeks(W - 26 * WEEK, 22, standard_week(300))
    b.weeks(W - 4 * WEEK, 4, standard_week(140))  # well below usual: the table says 2
    return b.activities, replace(MALE, long_run_weekday=6, key_run_weekdays=(1, 3))


def _skips(weeks: int, per_week: int, status=LogStatus.SKIPPED):
    return tuple(
        SessionLog(W - k * WEEK + (1 + 2 * i) * DAY, status)
        for k in range(1, weeks + 1)
        for i in range(per_week)
    )


def test_mostly_skipped_sessions_keep_a_low_volume_week_at_one_and_say_why(resources):
    acts, profile = _low_volume_runner()
    (kept,) = plan_range(W, 1, acts, profile, (), lifting_logs(W), W, resources)
    assert kept.volume_level is VolumeLevel.LOW and kept.strength_sessions == 2
    logs = (*lifting_logs(W - 4 * WEEK), *_skips(4, 2))  # 8 skipped, none done in 4 weeks
    (plan,) = plan_range(W, 1, acts, profile, (), logs, W, resources)
    assert plan.facts.reason_id == "freq_compliance"
    assert plan.strength_sessions == 1
    assert plan.reason.startswith("One session: you skipped 8 of the last 8 sessions you logged")


def test_a_few_skips_among_done_sessions_change_nothing_and_one_a_week_is_never_lowered(
    resources,
):
    acts, profile = _low_volume_runner()
    logs = (*lifting_logs(W), *_skips(4, 1))  # done twice a week, one skip a week on other days
    (plan,) = plan_range(W, 1, acts, profile, (), logs, W, resources)
    assert plan.strength_sessions == 2 and plan.facts.reason_id == "freq_low_volume"
    acts, profile = _steady_runner()
    (steady,) = plan_range(W, 1, acts, profile, (), _skips(4, 2), W, resources)
    assert steady.strength_sessions == 1 and steady.facts.reason_id == "freq_baseline"


def test_the_reason_names_recent_and_usual_running_in_km_and_minutes_and_the_a_race(resources):
    acts, profile = _low_volume_runner()
    race = Race(1, W + 30 * WEEK + 6 * DAY, "Autumn Marathon", 42.2, Priority.A)
    (plan,) = plan_range(W, 1, acts, profile, (race,), lifting_logs(W), W, resources)
    assert plan.facts.reason_id == "freq_low_volume"
    # 140 min a week at 5:30/km is 25.5 km; the usual 300 min is 54.5 km
    assert "you ran 140 min/week lately" in plan.reason
    assert "That is about 25.5 km a week against your usual 54.5 km" in plan.reason
    assert "your next A race, Autumn Marathon, is 30 weeks away." in plan.reason
    assert plan.facts.weeks_to_a_race == 30
    acts, profile = _steady_runner()
    (steady,) = plan_range(W, 1, acts, profile, (), lifting_logs(W), W, resources)
    assert steady.reason == (
        "One session: the standard dose for a normal running week. Recent weeks averaged "
        "54.5 km (300 min) a week against your usual 54.5 km (300 min); no A race is planned."
    )


def test_strain_is_judged_against_the_runners_own_90th_percentile_of_26_weeks():
    b = Builder()
    for k in range(26):  # weekly runs growing by week: strains differ week to week
        monday = W - (26 - k) * WEEK
        b.run(monday + DAY, 30 + 2 * k)
        b.run(monday + 3 * DAY, 30)
    history = build_history(b.activities, MALE, W - DAY)
    last = W - WEEK
    strains = sorted(history.week_strain[last - k * WEEK] for k in range(26))
    assert len(strains) == 26
    pos = 0.9 * 25  # linear interpolation between ranks 22 and 23 (0-based)
    expected = strains[22] + (strains[23] - strains[22]) * (pos - 22)
    assert strain_p90(history, last) == pytest.approx(expected, rel=1e-6)
    shown = week_load_to_dict(week_load(history, last))
    assert shown["strain_p90"] == pytest.approx(expected, abs=0.06)
    assert shown["strain_high"] is (shown["strain"] > shown["strain_p90"])
    assert shown["strain_high"] is True  # the biggest week of the 26 is above its own 90th


def test_strain_percentile_waits_for_eight_weeks_of_history():
    b = Builder()
    b.weeks(W - 5 * WEEK, 5, standard_week(200))
    history = build_history(b.activities, MALE, W - DAY)
    assert all(w.strain_p90 is None for w in weekly_loads(history, 6))


def test_a_week_where_no_day_is_left_says_none_fits_rather_than_only_zero(resources):
    race_day = date(2026, 6, 28)  # Sunday: a half marathon, 5 recovery days Mon-Fri after
    b = Builder()
    b.weeks(date(2026, 1, 5), 25, standard_week(300))
    profile = replace(MALE, long_run_weekday=6, strength_weekdays=(0, 2, 4))
    race = Race(1, race_day, "Summer Half", 21.1, Priority.A)
    after = date(2026, 6, 29)
    (week,) = plan_range(
        after, 1, b.activities, profile, (race,), lifting_logs(after), after, resources
    )
    assert week.strength_sessions == 0
    assert "None fits this week" in week.reason
    assert "Only 0" not in week.reason
