"""Applying the runner's exercise swaps to planned weeks (pure, with the shipped library)."""

from __future__ import annotations

from datetime import date, timedelta

from planner.model import (
    DayPlan,
    DayType,
    ExercisePrescription,
    Intensity,
    Phase,
    StrengthSession,
    VolumeLevel,
    WeekPlan,
)
from planner.swaps import apply_swaps

MONDAY = date(2026, 11, 23)


def _squat() -> ExercisePrescription:
    return ExercisePrescription(
        id="back_squat",
        name="Back squat",
        pattern="squat",
        sets=3,
        reps="4-6",
        load_hint="effort 7-8/10",
        cue="brace, sit between the hips",
        rest_s=150,
        substitutes=("goblet_squat",),
    )


def _week() -> WeekPlan:
    days = []
    for i in range(7):
        day = MONDAY + timedelta(days=i)
        strength = None
        if i in (1, 4):  # Tuesday and Friday
            strength = StrengthSession(
                key=f"{MONDAY.isoformat()}#{1 if i == 1 else 2}",
                day=day,
                title="Strength A",
                intensity=Intensity.FULL,
                reason="",
                exercises=(_squat(),),
            )
        days.append(DayPlan(day=day, day_type=DayType.EASY, strength=strength))
    return WeekPlan(MONDAY, Phase.BASE, VolumeLevel.NORMAL, 2, "", tuple(days))


def test_a_swap_changes_the_exercise_of_that_session_only_and_keeps_the_planned_dose(resources):
    library = resources.library
    [week] = apply_swaps([_week()], {"2026-11-23#1": {"back_squat": "goblet_squat"}}, library)
    tuesday = week.days[1].strength.exercises[0]
    friday = week.days[4].strength.exercises[0]
    goblet = library["goblet_squat"]
    assert (tuesday.id, tuesday.name, tuesday.cue) == ("goblet_squat", goblet.name, goblet.cue)
    assert tuesday.pattern == goblet.pattern
    assert (tuesday.sets, tuesday.reps, tuesday.load_hint, tuesday.rest_s) == (
        3,
        "4-6",
        "effort 7-8/10",
        150,
    )
    assert tuesday.swapped_from == "back_squat" and "back_squat" in tuesday.substitutes
    assert friday == _squat()


def test_swaps_for_unknown_sessions_exercises_or_substitutes_leave_the_plan_as_it_was(resources):
    week = _week()
    swaps = {
        "2026-11-30#1": {"back_squat": "goblet_squat"},
        "2026-11-23#1": {"deadlift": "goblet_squat"},
        "2026-11-23#2": {"back_squat": "no_such_exercise"},
    }
    assert apply_swaps([week], swaps, resources.library) == [week]
