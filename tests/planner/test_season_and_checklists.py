"""Season phases from the race calendar and the daily checklists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.checklists import day_checklist
from planner.model import DayType, Phase, Priority, Race
from planner.season import day_phase, distance_class, recovery_days, week_phase

RACE = date(2026, 6, 7)  # a Sunday
MARATHON = Race(1, RACE, "Marathon", 42.2, Priority.A)


@pytest.mark.parametrize(
    ("km", "cls", "days"),
    [
        (5, "5K", 2),
        (10, "10K", 3),
        (21.1, "half", 5),
        (42.2, "marathon", 7),
        (50, "ultra", 10),
        (100, "ultra", 14),
    ],
)
def test_distance_classes_and_recovery_days(km, cls, days):
    assert distance_class(km) == cls
    assert recovery_days(Race(1, RACE, "r", km, Priority.A)) == days


@pytest.mark.parametrize(
    ("weeks_before", "phase"),
    [
        (0, Phase.RACE_WEEK),
        (1, Phase.TAPER),
        (2, Phase.PEAK),
        (4, Phase.PEAK),
        (5, Phase.BUILD),
        (12, Phase.BUILD),
        (13, Phase.BASE),
        (20, Phase.BASE),
        (21, Phase.OFF_SEASON),
        (60, Phase.NO_RACE),
    ],
)
def test_marathon_phases_run_backwards_from_race_week(weeks_before, phase):
    monday = RACE - timedelta(days=6) - timedelta(weeks=weeks_before)
    assert week_phase(monday, (MARATHON,)) is phase


def test_after_a_marathon_recovery_then_transition_then_off_season_or_no_race():
    assert day_phase(RACE + timedelta(days=3), (MARATHON,)) is Phase.RECOVERY
    # the Monday after is still recovering, so the week takes the phase after it
    assert week_phase(RACE + timedelta(days=1), (MARATHON,)) is Phase.TRANSITION
    # 7 recovery days + 3 transition weeks end on Sunday 5 July
    assert week_phase(RACE + timedelta(days=1 + 7 * 3), (MARATHON,)) is Phase.TRANSITION
    assert week_phase(RACE + timedelta(days=1 + 7 * 4), (MARATHON,)) is Phase.NO_RACE
    later = Race(2, RACE + timedelta(weeks=40), "Next", 42.2, Priority.A)
    assert week_phase(RACE + timedelta(days=1 + 7 * 4), (MARATHON, later)) is Phase.OFF_SEASON


def test_b_and_c_races_never_change_the_phase():
    b = Race(2, RACE - timedelta(weeks=6), "Tune-up", 10, Priority.B)
    monday = b.day - timedelta(days=6)
    assert week_phase(monday, (MARATHON, b)) is week_phase(monday, (MARATHON,))


def _ids(items):
    return {i.id: i for i in items}


def test_strength_days_never_get_an_ice_bath(resources):
    items = _ids(day_checklist(resources.checklists, date(2026, 3, 3), DayType.KEY, True, ()))
    assert items["cold_water"].note.startswith("not today")
    assert "strides_drills" in items  # strength day with a key run
    assert {"foam_roll", "ball_release", "hip_mob", "thoracic_mob", "shoulder_mob"} <= set(items)


def test_hard_run_days_offer_cold_water_and_sauna_as_optional(resources):
    items = _ids(day_checklist(resources.checklists, date(2026, 3, 3), DayType.KEY, False, ()))
    assert items["cold_water"].optional and not items["cold_water"].note
    assert items["sauna"].optional


def test_race_day_and_the_day_after_skip_daily_rolling_and_massage_waits_48_hours(resources):
    race = Race(1, date(2026, 3, 8), "Half", 21.1, Priority.A)
    t = resources.checklists
    race_day = _ids(day_checklist(t, race.day, DayType.RACE, False, (race,)))
    assert "foam_roll" not in race_day and "strides_drills" in race_day
    day1 = _ids(day_checklist(t, race.day + timedelta(days=1), DayType.POST_RACE, False, (race,)))
    assert "foam_roll" not in day1 and "massage" not in day1
    day3 = _ids(day_checklist(t, race.day + timedelta(days=3), DayType.POST_RACE, False, (race,)))
    assert "foam_roll" in day3 and day3["massage"].optional


def test_no_sauna_the_day_before_a_race_and_no_massage_48_hours_before_an_a_race(resources):
    race = Race(1, date(2026, 3, 8), "Half", 21.1, Priority.A)
    items = _ids(
        day_checklist(
            resources.checklists, race.day - timedelta(days=1), DayType.REST, False, (race,)
        )
    )
    assert "sauna" not in items and "massage" not in items
    week_before = _ids(
        day_checklist(
            resources.checklists, race.day - timedelta(days=7), DayType.REST, False, (race,)
        )
    )
    assert "sauna" in week_before and "massage" in week_before


def test_marathon_race_day_has_no_strides(resources):
    race = Race(1, date(2026, 3, 8), "Marathon", 42.2, Priority.A)
    items = _ids(day_checklist(resources.checklists, race.day, DayType.RACE, False, (race,)))
    assert "strides_drills" not in items and "warmup_dynamic" in items


def test_only_ruled_out_items_carry_a_note_so_every_other_item_can_be_ticked(resources):
    race = Race(1, date(2026, 3, 8), "Half", 21.1, Priority.A)
    t = resources.checklists
    for offset in range(-3, 5):
        day = race.day + timedelta(days=offset)
        for run_type in (DayType.REST, DayType.KEY, DayType.LONG, DayType.RACE, DayType.POST_RACE):
            for strength in (False, True):
                for item in day_checklist(t, day, run_type, strength, (race,)):
                    assert item.dose or item.note, item
                    if item.note:
                        assert item.id == "cold_water" and strength
