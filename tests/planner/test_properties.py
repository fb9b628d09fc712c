"""Properties that hold for any history, race calendar and profile (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import defaults as D
from planner.frequency import table_count
from planner.model import (
    DayType,
    Equipment,
    Intensity,
    Phase,
    Priority,
    Profile,
    Race,
    Sex,
    VolumeLevel,
)
from tests.planner.season_builder import Builder, lifting_logs, plan_range, shipped_resources

RESOURCES = shipped_resources()
START = date(2026, 3, 2)
WEEKS = 6
LEGS = {"squat", "hinge", "single-leg", "plyo"}

weekday_sets = st.frozensets(st.integers(0, 6), max_size=7)


@st.composite
def histories(draw):
    b = Builder()
    n_weeks = draw(st.integers(0, 40))
    run_days = sorted(draw(st.frozensets(st.integers(0, 6), min_size=1, max_size=6)))
    hard_days = draw(st.frozensets(st.sampled_from(run_days), max_size=2))
    for w in range(n_weeks):
        scale = draw(st.sampled_from([0.0, 0.3, 0.6, 1.0, 1.0, 1.3, 1.6]))
        monday = START - timedelta(weeks=n_weeks - w)
        for wd in run_days:
            minutes = 45 * scale * (2 if wd == run_days[-1] else 1)
            if minutes >= 5:
                b.run(monday + timedelta(days=wd), minutes, hard_min=15 if wd in hard_days else 0)
    return b.activities


@st.composite
def calendars(draw):
    races = []
    for i in range(draw(st.integers(0, 3))):
        day = START + timedelta(days=draw(st.integers(-20, 7 * WEEKS + 60)))
        km = draw(st.sampled_from([5.0, 10.0, 21.1, 42.2, 60.0, 100.0]))
        races.append(Race(i + 1, day, f"Race {i + 1}", km, draw(st.sampled_from(list(Priority)))))
    return tuple(races)


@st.composite
def profiles(draw):
    long_day = draw(st.one_of(st.none(), st.integers(0, 6)))
    return Profile(
        sex=draw(st.sampled_from(list(Sex))),
        hr_max=190,
        hr_rest=50,
        long_run_weekday=long_day,
        key_run_weekdays=tuple(sorted(draw(weekday_sets.map(lambda s: set(list(s)[:2]))))),
        strength_weekdays=tuple(sorted(draw(weekday_sets))),
        equipment=draw(st.sampled_from(list(Equipment))),
        lifted_regularly=draw(st.booleans()),
        strength_block_opt_in=draw(st.booleans()),
        beginner_second_session=draw(st.booleans()),
        injury=draw(st.booleans()),
        usual_weekly_run_minutes=draw(st.sampled_from([None, 150.0, 300.0])),
    )


def _plans(activities, profile, races, with_logs):
    logs = lifting_logs(START, weeks=10) if with_logs else ()
    return plan_range(START, WEEKS, activities, profile, races, logs, START, RESOURCES)


def _sessions(plans):
    return [d.strength for p in plans for d in p.days if d.strength]


def _day_types(plans):
    return {d.day: d.day_type for p in plans for d in p.days}


def _has_legs(session) -> bool:
    return any(e.pattern in LEGS for e in session.exercises)


PROPS = settings(
    max_examples=70, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@PROPS
@given(histories(), profiles(), calendars(), st.booleans())
def test_no_week_gets_more_sessions_than_the_domain_maximum(acts, profile, races, logs):
    for plan in _plans(acts, profile, races, logs):
        cap = D.OPT_IN_MAX if profile.strength_block_opt_in else D.FREQ_CAP
        assert plan.strength_sessions <= cap
        assert len([d for d in plan.days if d.strength]) == plan.strength_sessions


@PROPS
@given(histories(), profiles(), calendars(), st.booleans())
def test_sessions_are_always_at_least_48_hours_apart(acts, profile, races, logs):
    days = sorted(s.day for s in _sessions(_plans(acts, profile, races, logs)))
    assert all((b - a).days >= 2 for a, b in zip(days, days[1:], strict=False))


@PROPS
@given(histories(), profiles(), calendars(), st.booleans())
def test_no_heavy_leg_work_in_the_days_before_an_a_race(acts, profile, races, logs):
    a_days = [r.day for r in races if r.priority is Priority.A]
    for s in _sessions(_plans(acts, profile, races, logs)):
        for race_day in a_days:
            before = (race_day - s.day).days
            assert before not in (0, 1), "no strength at all on D-1 and race day"
            if before in (2, 3):
                assert not _has_legs(s)
            if 4 <= before <= 6:
                assert s.intensity is not Intensity.FULL


@PROPS
@given(histories(), profiles(), calendars(), st.booleans())
def test_no_leg_work_the_day_before_a_long_or_key_run(acts, profile, races, logs):
    plans = _plans(acts, profile, races, logs)
    types = _day_types(plans)
    for s in _sessions(plans):
        nxt = types.get(s.day + timedelta(days=1))
        if nxt in (DayType.LONG, DayType.KEY, DayType.RACE):
            assert not _has_legs(s), (s.day, nxt)
        if types[s.day] is DayType.LONG:
            assert not _has_legs(s)


@PROPS
@given(histories(), profiles(), calendars(), st.booleans())
def test_every_full_session_covers_squat_or_hinge_single_leg_pull_and_core(
    acts, profile, races, logs
):
    for s in _sessions(_plans(acts, profile, races, logs)):
        if s.intensity is not Intensity.FULL:
            continue
        patterns = {e.pattern for e in s.exercises}
        assert patterns & {"squat", "hinge"}
        assert "single-leg" in patterns
        assert "pull" in patterns
        assert patterns & {"core", "carry"}
        lower_sets = sum(
            e.sets for e in s.exercises if e.pattern in ("squat", "hinge", "single-leg")
        )
        assert lower_sets <= D.LOWER_BODY_SETS_MAX


@PROPS
@given(histories(), profiles(), calendars(), st.booleans())
def test_every_week_and_every_session_has_a_reason(acts, profile, races, logs):
    plans = _plans(acts, profile, races, logs)
    for plan in plans:
        assert plan.reason.strip()
    for s in _sessions(plans):
        assert s.reason.strip()


@given(st.sampled_from(list(Phase)), st.booleans(), st.booleans())
def test_low_volume_never_gets_fewer_sessions_than_high_volume_in_the_same_phase(
    phase, opt_in, capped
):
    low = table_count(phase, VolumeLevel.LOW, opt_in=opt_in, capped=capped)
    normal = table_count(phase, VolumeLevel.NORMAL, opt_in=opt_in, capped=capped)
    high = table_count(phase, VolumeLevel.HIGH, opt_in=opt_in, capped=capped)
    assert low >= normal >= high


@PROPS
@given(histories(), profiles(), calendars())
def test_the_same_inputs_give_the_same_plan(acts, profile, races):
    assert _plans(acts, profile, races, True) == _plans(acts, profile, races, True)


@PROPS
@given(
    histories(),
    profiles(),
    calendars(),
    st.lists(st.sampled_from(["done", "skipped", None]), min_size=3, max_size=3),
    st.integers(1, 6),
)
def test_re_planning_after_logs_keeps_logged_sessions_and_the_48_hour_gap(
    acts, profile, races, answers, today_offset
):
    from planner.model import LogStatus, SessionLog

    logs = lifting_logs(START, weeks=10)
    (first,) = plan_range(START, 1, acts, profile, races, logs, START, RESOURCES)
    today = START + timedelta(days=today_offset)
    sessions = [d.strength for d in first.days if d.strength and d.day < today]
    new = [
        SessionLog(s.day, LogStatus(a), session_key=s.key, variant=s.variant)
        for s, a in zip(sessions, answers, strict=False)
        if a
    ]
    (again,) = plan_range(START, 1, acts, profile, races, (*logs, *new), today, RESOURCES)
    shown = {d.day: d.strength for d in again.days if d.strength}
    for log in new:
        assert shown[log.planned_day].status == log.status.value
        assert shown[log.planned_day].key == log.session_key
    days = sorted(d for d, s in shown.items() if s.status != "skipped")
    assert all((b - a).days >= 2 for a, b in zip(days, days[1:], strict=False))
    assert all(
        d >= today
        for d, s in shown.items()
        if s.status == "planned" and d not in {x.day for x in sessions}
    )
