"""Nothing new in the 10 days before an A race (DOMAIN.md §6.1), also when the single-leg
rotation moved on during weeks that held no session, such as the recovery after an earlier race."""

from __future__ import annotations

from datetime import date, timedelta

from planner.model import LogStatus, Priority, Profile, Race, SessionLog, Sex
from planner.plan import PlanInputs, plan_weeks
from tests.planner.hard_rules import broken_rules
from tests.planner.season_builder import shipped_resources

RESOURCES = shipped_resources()
MONDAYS_ONLY = Profile(sex=Sex.MALE, hr_max=190, hr_rest=50, strength_weekdays=(0,))
ULTRA = Race(10, date(2025, 10, 31), "Autumn Ultra", 60.0, Priority.A)
FIVE_K = Race(11, date(2025, 11, 27), "Thanksgiving 5K", 5.0, Priority.A)
TODAY = date(2025, 9, 29)


def _single_leg_by_day():
    # Found by Hypothesis: the rotation's next step (step-up) fell in the two recovery weeks
    # after the ultra, so the first session after them brought it in 10 days before the 5K.
    logs = (SessionLog(date(2025, 9, 28), LogStatus.DONE, session_key="log#0"),)
    inputs = PlanInputs.of(
        activities=[],
        profile=MONDAYS_ONLY,
        races=(ULTRA, FIVE_K),
        logs=logs,
        today=TODAY,
        resources=RESOURCES,
    )
    plans = plan_weeks(inputs, start=TODAY - timedelta(weeks=6), weeks=14)
    days = {d.day: d.strength for w in plans for d in w.days if d.strength}
    single = {d: [e.id for e in s.exercises if e.pattern == "single-leg"] for d, s in days.items()}
    return plans, single


def test_the_first_session_after_the_ultra_keeps_the_single_leg_exercise_done_before_it():
    plans, single = _single_leg_by_day()
    before_ultra = max(d for d, ids in single.items() if d < ULTRA.day and ids)
    within_ten = [d for d in single if 0 < (FIVE_K.day - d).days <= 10]
    assert within_ten
    assert all(single[d] == single[before_ultra] for d in within_ten)
    assert broken_rules(plans, (ULTRA, FIVE_K), MONDAYS_ONLY, TODAY) == []


def test_a_race_week_after_seven_weeks_without_single_leg_work_adds_none():
    """Found by Hypothesis (500 examples, seed 2): two A races four weeks apart, weeks of upper
    body and core between them; the second race week's light session took the rotation's
    reverse lunge, last done 56 days before: "new" by §6.1. It now has no single-leg exercise."""
    from tests.planner.season_builder import Builder

    b = Builder()
    for day, minutes in [
        (date(2025, 10, 6), 22.5),
        (date(2025, 10, 7), 45),
        (date(2025, 10, 13), 45),
        (date(2025, 10, 14), 90),
        (date(2025, 12, 1), 22.5),
        (date(2025, 12, 2), 45),
    ]:
        b.run(day, minutes)
    profile = Profile(sex=Sex.MALE, hr_max=190, hr_rest=50, strength_weekdays=(0,))
    races = (
        Race(id=10, day=date(2025, 11, 9), name="Spring A", distance_km=5.0, priority=Priority.A),
        Race(id=11, day=date(2025, 12, 5), name="Second A", distance_km=5.0, priority=Priority.A),
    )
    today = date(2025, 10, 20)
    inputs = PlanInputs.of(
        activities=b.activities,
        profile=profile,
        races=races,
        logs=(),
        today=today,
        resources=shipped_resources(),
    )
    plans = plan_weeks(inputs, start=today - timedelta(weeks=6), weeks=14)
    by_day = {d.day: d.strength for w in plans for d in w.days if d.strength}
    last_single_leg = max(
        day for day, s in by_day.items() if any(e.pattern == "single-leg" for e in s.exercises)
    )
    race_week = by_day[date(2025, 12, 1)]
    assert (date(2025, 12, 1) - last_single_leg).days > 42
    assert race_week.intensity.value == "light"  # legs are trained, lightly
    assert not [e.id for e in race_week.exercises if e.pattern == "single-leg"]
    assert broken_rules(plans, races, profile, today) == []
