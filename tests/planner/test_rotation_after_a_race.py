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
