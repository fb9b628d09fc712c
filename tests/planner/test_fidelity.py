"""What the runner is told is what DOMAIN.md says: moves (§5), the return after a race (§4.2),
availability with no leg day (§5, §8), leg lifts and nothing new near races (§6.1), days already
past (§5), reason sentences (§8) and the first jumps (§6.4). Each test quotes the rule it checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from planner.model import Intensity, LogStatus, Phase, Priority, Race, SessionLog
from planner.moves import MoveOutcome, judge_move
from planner.plan import PlanInputs, plan_weeks
from tests.planner.hard_rules import contacts, jumps, leg_lifts
from tests.planner.season_builder import (
    MALE,
    Builder,
    lifting_logs,
    shipped_resources,
    standard_week,
)

RESOURCES = shipped_resources()
W = date(2026, 3, 2)  # a Monday
DAY = timedelta(days=1)
WEEK = timedelta(days=7)
# the usual week: key Tue and Thu, long run Sun
PROFILE = replace(MALE, long_run_weekday=6, key_run_weekdays=(1, 3))


def _inputs(*, races=(), logs=None, today=W, profile=PROFILE, seen=None, weeks=26) -> PlanInputs:
    b = Builder()
    b.weeks(W - weeks * WEEK, weeks, standard_week(300))
    return PlanInputs.of(
        activities=b.activities,
        profile=profile,
        races=races,
        logs=lifting_logs(W) if logs is None else logs,
        today=today,
        resources=RESOURCES,
        seen_days=seen,
    )


def _sessions(plans):
    return [d.strength for w in plans for d in w.days if d.strength]


# --- item 1: moves -------------------------------------------------------------------------


def test_a_move_onto_the_a_race_day_or_the_day_before_is_refused_with_the_reason():
    race = Race(1, W + 13 * DAY, "River Marathon", 42.2, Priority.A)  # Sunday
    inputs = _inputs(races=(race,))
    for to in (race.day, race.day - DAY):
        verdict = judge_move(inputs, planned_day=W + 8 * DAY, to=to)
        assert verdict.outcome is MoveOutcome.REFUSED
        assert "River Marathon" in verdict.reason


def test_a_move_onto_a_recovery_day_after_a_race_is_refused():
    race = Race(1, W - DAY, "River Marathon", 42.2, Priority.A)  # yesterday
    verdict = judge_move(_inputs(races=(race,)), planned_day=W + DAY, to=W + 3 * DAY)
    assert verdict.outcome is MoveOutcome.REFUSED
    assert "recover" in verdict.reason


def test_a_move_onto_the_day_before_the_long_run_keeps_upper_body_and_core_and_says_so():
    inputs = _inputs()
    verdict = judge_move(inputs, planned_day=W + 3 * DAY, to=W + 5 * DAY)  # Sat, long run Sun
    assert verdict.outcome is MoveOutcome.UPPER_CORE
    assert (
        verdict.reason
        == "Sat 7 Mar is the day before your long run, so this one is upper body and core only."
    )
    move = SessionLog(W + 3 * DAY, LogStatus.MOVED, moved_to=W + 5 * DAY, lower_body=False)
    (week,) = plan_weeks(_inputs(logs=(*lifting_logs(W), move)), start=W, weeks=1)
    moved = next(d.strength for d in week.days if d.day == W + 5 * DAY)
    assert moved.intensity is Intensity.UPPER_CORE and not leg_lifts(moved)


def test_a_move_within_48_hours_of_another_session_is_allowed_after_a_warning():
    inputs = _inputs(profile=replace(PROFILE, strength_block_opt_in=True))
    (week,) = plan_weeks(inputs, start=W, weeks=1)
    days = [d.day for d in week.days if d.strength]
    if len(days) < 2:
        inputs = _inputs()
        (week,) = plan_weeks(inputs, start=W, weeks=1)
        days = [d.day for d in week.days if d.strength] + [W + 7 * DAY + DAY]
    verdict = judge_move(inputs, planned_day=days[0], to=days[1] - DAY)
    assert verdict.allowed
    assert verdict.outcome in (MoveOutcome.WARNED, MoveOutcome.UPPER_CORE)
    if verdict.outcome is MoveOutcome.WARNED:
        assert "48 h" in verdict.reason


def test_a_recorded_move_onto_race_day_is_not_kept_and_the_race_week_names_the_real_day():
    race = Race(1, W + 6 * DAY, "River Marathon", 42.2, Priority.A)  # Sunday of this week
    (before,) = plan_weeks(_inputs(races=(race,)), start=W, weeks=1)
    light = next(d.strength for d in before.days if d.strength)
    bad = SessionLog(light.day, LogStatus.MOVED, moved_to=race.day, session_key=light.key)
    (week,) = plan_weeks(_inputs(races=(race,), logs=(*lifting_logs(W), bad)), start=W, weeks=1)
    on_race_day = next(d for d in week.days if d.day == race.day)
    assert on_race_day.strength is None
    held = [d.day for d in week.days if d.strength]
    assert f"One light session on {held[0]:%a} {held[0].day} {held[0]:%b}" in week.reason


# --- item 2: the return after an A race ----------------------------------------------------


def _after_marathon():
    race = Race(1, W - DAY, "Demo Marathon", 42.2, Priority.A)  # Sunday before W
    inputs = _inputs(races=(race,), today=W)
    return plan_weeks(inputs, start=W, weeks=4)


def test_the_first_leg_session_after_a_marathon_is_light_with_no_jumps():
    leg_sessions = [s for s in _sessions(_after_marathon()) if leg_lifts(s)]
    first = leg_sessions[0]
    assert first.day > W + 6 * DAY  # seven days with no strength after a marathon
    assert first.intensity is Intensity.LIGHT
    assert jumps(first) == []
    assert all(e.sets <= 2 for e in leg_lifts(first))  # half the sets


def test_jumps_restart_at_the_start_count_after_an_a_race():
    leg_sessions = [s for s in _sessions(_after_marathon()) if leg_lifts(s)]
    with_jumps = [s for s in leg_sessions if jumps(s)]
    assert with_jumps, "jumps return after the first light session"
    first = with_jumps[0]
    assert contacts(first) <= 40
    assert all(e.id in ("pogo_hops", "skips") for e in jumps(first))  # tier 1 again


def test_an_upper_body_session_does_not_use_up_the_light_return_after_a_half():
    race = Race(1, W - DAY, "Sunday Half", 21.1, Priority.A)
    profile = replace(PROFILE, strength_weekdays=(0, 4, 5))  # Mon, Sat: upper body only; Fri
    plans = plan_weeks(_inputs(races=(race,), profile=profile), start=W, weeks=3)
    leg_sessions = [s for s in _sessions(plans) if leg_lifts(s)]
    assert leg_sessions[0].intensity is Intensity.LIGHT
    assert jumps(leg_sessions[0]) == []


# --- item 3: available days with no leg day ----------------------------------------------


def test_strength_days_that_all_fall_before_long_or_key_runs_say_so_and_name_a_day():
    profile = replace(PROFILE, strength_weekdays=(0, 5))  # Mon before key Tue, Sat before long
    (week,) = plan_weeks(_inputs(profile=profile), start=W, weeks=1)
    assert all(s.intensity is Intensity.UPPER_CORE for s in _sessions([week]))
    assert "Your strength days (Mon, Sat) all fall before a long run or key workout" in week.reason
    # Tue (after the key run, Wed is free) and Fri are the days without a hard run next day
    assert "adding Tuesday would fit one" in week.reason or "adding Friday" in week.reason


# --- item 4: leg work and nothing new near races ------------------------------------------


def test_outside_development_a_session_has_two_leg_lifts_and_in_development_three():
    race = Race(1, W + 8 * WEEK + 6 * DAY, "Autumn Marathon", 42.2, Priority.A)
    plans = plan_weeks(_inputs(races=(race,)), start=W, weeks=10)
    for w in plans:
        for s in (d.strength for d in w.days if d.strength and d.strength.status == "planned"):
            if not leg_lifts(s):
                continue
            expected = 3 if w.phase in (Phase.BASE, Phase.NO_RACE, Phase.OFF_SEASON) else 2
            assert len(leg_lifts(s)) <= expected, (w.phase, s.day)
    builds = [w for w in plans if w.phase in (Phase.BUILD, Phase.PEAK, Phase.TAPER)]
    assert builds and all(
        len(leg_lifts(d.strength)) == 2
        for w in builds
        for d in w.days
        if d.strength and d.strength.intensity is Intensity.FULL
    )


def test_taper_jumps_are_ones_done_in_the_weeks_before():
    race = Race(1, W + 3 * WEEK + 6 * DAY, "Autumn Half", 21.1, Priority.A)
    inputs = _inputs(races=(race,), logs=lifting_logs(W, weeks=40), weeks=40)
    plans = plan_weeks(inputs, start=W - 6 * WEEK, weeks=10)
    done: set[str] = set()
    for w in plans:
        for s in (d.strength for d in w.days if d.strength):
            if w.phase in (Phase.TAPER, Phase.RACE_WEEK):
                new = {e.id for e in jumps(s)} - done - {"pogo_hops", "skips"}
                assert not new, (w.phase, s.day, new)
            done |= {e.id for e in jumps(s)}


def test_two_a_races_three_weeks_apart_bring_no_new_single_leg_exercise_before_either():
    first = Race(1, W + 4 * WEEK + 6 * DAY, "Spring Half", 21.1, Priority.A)
    second = Race(2, first.day + 3 * WEEK, "Second Half", 21.1, Priority.A)
    inputs = _inputs(races=(first, second), logs=lifting_logs(W, weeks=30), weeks=30)
    plans = plan_weeks(inputs, start=W - 8 * WEEK, weeks=16)
    seen: dict[str, date] = {}
    for s in _sessions(plans):
        for e in (e for e in s.exercises if e.pattern == "single-leg"):
            seen.setdefault(e.id, s.day)
    for race in (first, second):
        for ex, day in seen.items():
            assert not 0 < (race.day - day).days <= 10, (ex, day, race.name)


# --- item 5: days already past -------------------------------------------------------------


def test_a_runner_who_starts_on_a_saturday_gets_nothing_before_saturday_and_is_told_why():
    saturday = W + 5 * DAY
    (week,) = plan_weeks(_inputs(today=saturday, seen=frozenset()), start=saturday, weeks=1)
    assert all(d.strength is None for d in week.days if d.day < saturday)
    if week.strength_sessions < week.facts.planned_count:
        assert "already past" in week.reason


def test_a_seen_session_whose_day_passed_unlogged_stays_and_nothing_is_added_on_top():
    (monday_view,) = plan_weeks(_inputs(today=W), start=W, weeks=1)
    shown = [d.day for d in monday_view.days if d.strength]
    thursday = W + 3 * DAY
    seen = frozenset(shown)
    (later,) = plan_weeks(_inputs(today=thursday, seen=seen), start=W, weeks=1)
    now = [d.day for d in later.days if d.strength]
    past = [d for d in shown if d < thursday]
    assert all(d in now for d in past)  # stays on its day, status still planned (not logged)
    assert len(now) == len(shown)


# --- item 6: sentences ----------------------------------------------------------------------


def test_the_injury_flag_points_to_a_clinician():
    (week,) = plan_weeks(_inputs(profile=replace(PROFILE, injury=True)), start=W, weeks=1)
    assert week.reason.startswith("Upper body and core only while you are marked injured")
    assert "physiotherapist or doctor" in week.reason


def test_a_week_after_the_current_one_says_it_follows_what_you_actually_run():
    this, ahead = plan_weeks(_inputs(), start=W, weeks=2)
    assert "planned from your running up to" not in this.reason
    assert "(planned from your running up to Mon 2 Mar; it follows what you actually run)" in (
        ahead.reason
    )


def test_no_sentence_says_1_days_or_build_block():
    race = Race(1, W + 2 * DAY, "Town 10K", 10.0, Priority.B)
    plans = plan_weeks(_inputs(races=(race,)), start=W - WEEK, weeks=3)
    texts = [w.reason for w in plans] + [s.reason for s in _sessions(plans)]
    assert not any(" 1 days" in t or "Build block" in t for t in texts)


# --- item 7: the first jumps -----------------------------------------------------------------


def test_jumps_start_at_40_contacts_in_the_first_week_they_unlock():
    start = W - 8 * WEEK
    logs = tuple(
        SessionLog(start + k * WEEK + wd * DAY, LogStatus.DONE, rpe=7, minutes=45)
        for k in range(8)
        for wd in (1, 4)
    )
    inputs = _inputs(logs=logs)
    plans = plan_weeks(inputs, start=W - 2 * WEEK, weeks=4)
    first = next(s for s in _sessions(plans) if jumps(s))
    assert contacts(first) <= 40
    assert contacts(first) > 30  # the week's 40 contacts in whole sets
