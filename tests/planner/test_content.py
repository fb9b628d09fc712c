"""Session content: equipment, beginners, plyometric gate, rotation, progression, library."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner import defaults as D
from planner.content import DEVELOPMENT, SessionSpec, build_session
from planner.experience import experience_for_week
from planner.library import EQUIPMENT_ITEMS
from planner.model import Equipment, Intensity, LogStatus, Phase, Profile, SessionLog
from planner.progression import load_hint

DAY = date(2026, 3, 3)
CRUNCHES = {"crunch", "sit_up", "situp"}


def _spec(**kw):
    base = dict(
        key="k",
        day=DAY,
        variant="A",
        intensity=Intensity.FULL,
        dose=DEVELOPMENT,
        reason="r",
        equipment=Equipment.GYM,
        max_level=2,
        single_leg=("reverse_lunge",),
    )
    base.update(kw)
    return SessionSpec(**base)


def test_library_holds_every_exercise_of_the_domain_table_with_known_equipment(resources):
    lib = resources.library
    assert len(lib) == 36
    known = set().union(*EQUIPMENT_ITEMS.values())
    for ex in lib.values():
        assert ex.cue and ex.sets and (ex.reps or ex.seconds)
        assert all(set(alt) <= known for alt in ex.requires)
        assert all(s in lib for s in ex.substitutes), ex.id
        assert ex.id not in CRUNCHES


@pytest.mark.parametrize("equipment", list(Equipment))
@pytest.mark.parametrize("variant", ["A", "B"])
def test_every_equipment_setting_gets_a_complete_session_it_can_do(resources, equipment, variant):
    session = build_session(_spec(equipment=equipment, variant=variant), resources.library, [])
    lib = resources.library
    assert all(lib[e.id].usable_with(equipment) for e in session.exercises)
    patterns = {e.pattern for e in session.exercises}
    assert {"squat", "hinge", "single-leg", "push", "pull"} <= patterns
    lower = sum(e.sets for e in session.exercises if e.pattern in ("squat", "hinge", "single-leg"))
    assert lower <= D.LOWER_BODY_SETS_MAX


def test_variant_a_leads_with_a_squat_and_a_heavy_push_b_with_a_hinge_and_a_heavy_pull(resources):
    a = build_session(_spec(variant="A"), resources.library, [])
    b = build_session(_spec(variant="B"), resources.library, [])
    assert a.exercises[0].pattern == "squat"
    assert b.exercises[0].pattern == "hinge"
    heavy_a = next(e for e in a.exercises if e.pattern == "push")
    heavy_b = next(e for e in b.exercises if e.pattern == "pull")
    assert heavy_a.reps == "4-6" and heavy_b.reps == "4-6"


def test_upper_body_and_core_sessions_drop_legs_and_jumps(resources):
    s = build_session(_spec(intensity=Intensity.UPPER_CORE, plyo=(1, 40)), resources.library, [])
    assert not {e.pattern for e in s.exercises} & {"squat", "hinge", "single-leg", "plyo"}
    assert {"push", "pull"} <= {e.pattern for e in s.exercises}


def test_beginners_only_get_level_one_exercises(resources):
    s = build_session(_spec(max_level=1), resources.library, [])
    assert all(resources.library[e.id].level == 1 for e in s.exercises)


def test_double_progression_adds_load_after_two_sessions_at_the_top_of_the_range():
    history = [("back_squat", [(80.0, 6), (80.0, 6), (80.0, 6)])] * 2
    assert load_hint("back_squat", "4-6", DEVELOPMENT, history).startswith("82.5 kg")
    one_short = [("back_squat", [(80.0, 6), (80.0, 5), (80.0, 6)]), *history[:1]]
    assert load_hint("back_squat", "4-6", DEVELOPMENT, one_short).startswith("80 kg as last")
    dumbbells = [("db_rdl", [(20.0, 8)] * 3)] * 2
    assert load_hint("db_rdl", "6-8", DEVELOPMENT, dumbbells).startswith("21 kg")


def _logs(n: int, start: date, every: int = 3) -> list[SessionLog]:
    return [SessionLog(start + timedelta(days=every * i), LogStatus.DONE) for i in range(n)]


def test_plyometrics_unlock_after_six_weeks_and_eight_sessions_then_climb_tiers():
    profile = Profile(lifted_regularly=True)
    start = date(2026, 1, 5)
    logs = _logs(30, start)
    too_soon = experience_for_week(start + timedelta(weeks=5), logs, profile, (), DAY, Phase.BASE)
    assert too_soon.plyo is None
    opened = experience_for_week(start + timedelta(weeks=7), logs, profile, (), DAY, Phase.BASE)
    assert opened.plyo is not None and opened.plyo[0] == 1 and opened.plyo[1] <= 50
    later = experience_for_week(start + timedelta(weeks=12), logs, profile, (), DAY, Phase.BASE)
    assert later.plyo[0] == 2
    capped = experience_for_week(start + timedelta(weeks=12), logs, profile, (), DAY, Phase.BUILD)
    assert capped.plyo[1] <= 60
    few = _logs(5, start, every=10)
    assert (
        experience_for_week(start + timedelta(weeks=8), few, profile, (), DAY, Phase.BASE).plyo
        is None
    )
    hurt = replace(profile, injury=True)
    assert (
        experience_for_week(start + timedelta(weeks=12), logs, hurt, (), DAY, Phase.BASE).plyo
        is None
    )


def test_single_leg_slot_rotates_every_six_weeks_and_freezes_before_an_a_race():
    from planner.model import Priority, Race

    profile = Profile(lifted_regularly=True)
    start = date(2026, 1, 5)
    logs = _logs(3, start)
    seq = [
        experience_for_week(
            start + timedelta(weeks=w), logs, profile, (), DAY, Phase.BASE
        ).single_leg[0]
        for w in (0, 5, 6, 12, 18, 24)
    ]
    assert seq == [
        "reverse_lunge",
        "reverse_lunge",
        "step_up",
        "rfe_split_squat",
        "sl_hip_thrust",
        "reverse_lunge",
    ]
    race = Race(1, start + timedelta(weeks=6, days=6), "A", 21.1, Priority.A)
    frozen = experience_for_week(
        start + timedelta(weeks=6), logs, profile, (race,), DAY, Phase.TAPER
    )
    assert frozen.single_leg[0] == "reverse_lunge"


@pytest.mark.parametrize("variant", ["A", "B"])
@pytest.mark.parametrize("tier", [1, 2, 3])
@pytest.mark.parametrize("budget", [20, 30, 40, 50, 60, 70, 100])
def test_jumps_never_exceed_the_weeks_contact_budget_and_say_how_many_they_are(
    resources, variant, tier, budget
):
    s = build_session(_spec(variant=variant, plyo=(tier, budget)), resources.library, [])
    jumps = [e for e in s.exercises if e.pattern == "plyo"]
    assert jumps, "an unlocked session starts with jumps"
    total = 0
    for e in jumps:
        landings = e.sets * resources.library[e.id].contacts_per_set
        assert e.load_hint == f"{landings} contacts"
        total += landings
    assert 0 < total <= budget
