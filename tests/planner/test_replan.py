"""Re-planning: logged sessions stay put, the rest of the week moves around them, keys hold."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from planner.model import Intensity, LogStatus, SessionLog
from tests.planner.season_builder import MALE, Builder, lifting_logs, plan_range, strength_days

W = date(2026, 3, 2)
DAY = timedelta(days=1)


def _runner():
    b = Builder()
    b.weeks(W - 26 * 7 * DAY, 22, {1: (70, 15), 3: (70, 0), 6: (140, 0)})
    b.weeks(W - 4 * 7 * DAY, 5, {1: (35, 15), 3: (35, 0), 6: (70, 0)})  # low volume: 2 a week
    profile = replace(MALE, long_run_weekday=6, key_run_weekdays=(1,))
    return b.activities, profile


def _plan(acts, profile, logs, today, resources):
    (plan,) = plan_range(W, 1, acts, profile, (), logs, today, resources)
    return plan


def test_a_skipped_session_is_re_planned_later_in_the_week_with_spacing_kept(resources):
    acts, profile = _runner()
    base_logs = lifting_logs(W)
    first = _plan(acts, profile, base_logs, W, resources)
    days = strength_days(first)
    assert len(days) == 2
    skipped = SessionLog(days[0], LogStatus.SKIPPED, session_key=f"{W}#1")
    after = _plan(acts, profile, (*base_logs, skipped), days[0] + DAY, resources)
    shown = {d.day: d.strength for d in after.days if d.strength}
    assert shown[days[0]].status == "skipped"
    active = strength_days(after)
    assert days[0] not in active
    assert len(active) == 2
    assert all(d > days[0] for d in active)
    assert all((b - a).days >= 2 for a, b in zip(active, active[1:], strict=False))


def test_done_and_moved_sessions_stay_where_the_runner_put_them(resources):
    acts, profile = _runner()
    base_logs = lifting_logs(W)
    first = _plan(acts, profile, base_logs, W, resources)
    d1, d2 = strength_days(first)
    s1 = next(d.strength for d in first.days if d.day == d1)
    s2 = next(d.strength for d in first.days if d.day == d2)
    target = W + 6 * DAY if d2 != W + 6 * DAY else W + 5 * DAY
    logs = (
        *base_logs,
        SessionLog(d1, LogStatus.DONE, rpe=7, minutes=40, session_key=s1.key),
        SessionLog(d2, LogStatus.MOVED, moved_to=target, session_key=s2.key),
    )
    later = _plan(acts, profile, logs, d2, resources)
    by_day = {d.day: d.strength for d in later.days if d.strength}
    assert by_day[d1].status == "done" and by_day[d1].key == s1.key
    assert by_day[target].status == "moved" and by_day[target].key == s2.key
    assert d2 not in by_day


def test_keys_are_stable_for_the_same_slot_across_re_plans(resources):
    acts, profile = _runner()
    logs = lifting_logs(W)
    a = _plan(acts, profile, logs, W, resources)
    b = _plan(acts, profile, logs, W, resources)
    keys = [d.strength.key for d in a.days if d.strength]
    assert keys == [d.strength.key for d in b.days if d.strength]
    assert keys == [f"{W}#1", f"{W}#2"]


def test_past_logged_sessions_never_change_when_new_runs_arrive(resources):
    acts, profile = _runner()
    first = _plan(acts, profile, lifting_logs(W), W, resources)
    d1 = strength_days(first)[0]
    s1 = next(d.strength for d in first.days if d.day == d1)
    logs = (*lifting_logs(W), SessionLog(d1, LogStatus.DONE, session_key=s1.key))
    b = Builder()
    b.activities = list(acts)
    b.run(d1 + DAY, 90, hard_min=40)  # an unplanned hard run the day after
    later = _plan(b.activities, profile, logs, d1 + 2 * DAY, resources)
    kept = next(d.strength for d in later.days if d.day == d1)
    assert kept.status == "done" and kept.key == s1.key
    assert kept.intensity is Intensity.FULL or kept.intensity is s1.intensity


def test_a_new_hard_run_re_plans_the_open_days_around_the_logged_ones(resources):
    acts, profile = _runner()
    today = W + 2 * DAY  # Wednesday
    first = _plan(acts, profile, lifting_logs(W), W, resources)
    d1 = strength_days(first)[0]
    assert d1 < today
    s1 = next(d.strength for d in first.days if d.day == d1)
    logs = (*lifting_logs(W), SessionLog(d1, LogStatus.DONE, session_key=s1.key))
    b = Builder()
    b.activities = list(acts)
    b.run(W + 4 * DAY, 60, hard_min=30)  # Friday's hard run is already in the calendar
    plan = _plan(b.activities, profile, logs, today, resources)
    days = strength_days(plan)
    assert days[0] == d1 and len(days) == 2
    assert days[1] >= today and (days[1] - d1).days >= 2
    legs = {"squat", "hinge", "single-leg"}
    second = next(d.strength for d in plan.days if d.day == days[1])
    if days[1] == W + 3 * DAY:  # the day before the new key run: no legs
        assert not any(e.pattern in legs for e in second.exercises)


def test_a_session_moved_into_next_week_is_not_planned_twice(resources):
    acts, profile = _runner()
    logs = lifting_logs(W)
    first = _plan(acts, profile, logs, W, resources)
    last_day = strength_days(first)[-1]
    s = next(d.strength for d in first.days if d.day == last_day)
    target = W + 8 * DAY  # next Tuesday
    moved = (*logs, SessionLog(last_day, LogStatus.MOVED, moved_to=target, session_key=s.key))
    this, nxt = plan_range(W, 2, acts, profile, (), moved, W, resources)
    assert len(strength_days(this)) == len(strength_days(first)) - 1
    assert last_day not in strength_days(this)
    assert "fit this week" not in this.reason
    shown = next(d.strength for d in nxt.days if d.day == target)
    assert shown.key == s.key and shown.status == "moved"
    days = strength_days(this) + strength_days(nxt)
    assert all((b - a).days >= 2 for a, b in zip(days, days[1:], strict=False))


def test_a_future_week_is_the_same_planned_alone_or_inside_a_longer_view(resources):
    acts, profile = _runner()
    logs = lifting_logs(W)
    long_view = plan_range(W, 6, acts, profile, (), logs, W, resources)
    for k in (2, 5):
        (alone,) = plan_range(W + 7 * k * DAY, 1, acts, profile, (), logs, W, resources)
        assert alone == long_view[k]
    variants = [d.strength.variant for p in long_view for d in p.days if d.strength]
    assert all(a != b for a, b in zip(variants, variants[1:], strict=False))
