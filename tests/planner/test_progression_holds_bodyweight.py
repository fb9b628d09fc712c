"""Progression for holds and bodyweight work from logged results (DOMAIN.md §6.2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from planner.content import DEVELOPMENT, MAINTENANCE, SessionSpec, build_session
from planner.model import Equipment, Intensity, LogStatus, SessionLog
from planner.progression import bodyweight_hint, hold_hint, progress_hint
from planner.sessions import _exercise_history

DAY = date(2026, 3, 3)
NAMES = {"pike_push_up": "Pike push-up", "sl_hip_thrust": "Single-leg hip thrust"}


def _history(ex_id: str, *sessions: tuple[int, ...], kg: float | None = None):
    """One entry per session, each with one logged number (reps or seconds) per set."""
    return [(ex_id, [(kg, r) for r in sets]) for sets in sessions]


def test_a_plank_held_25_s_asks_for_5_s_more_next_time():
    assert hold_hint("plank", "20-40", DEVELOPMENT, _history("plank", (25, 30)), NAMES) == (
        "hold 30 s (last time 25 s)"
    )


def test_a_hold_never_asks_for_more_than_the_top_of_its_range():
    hint = hold_hint("plank", "20-40", DEVELOPMENT, _history("plank", (38, 38)), NAMES)
    assert hint == "hold 40 s (last time 38 s)"


def test_a_hold_at_the_top_once_repeats_it_and_twice_moves_to_the_harder_variant():
    once = hold_hint("plank", "20-40", DEVELOPMENT, _history("plank", (30,), (40, 40)), NAMES)
    assert once.startswith("hold 40 s again")
    twice = hold_hint("plank", "20-40", DEVELOPMENT, _history("plank", (40, 40), (40, 41)), NAMES)
    assert twice == "40 s held twice: next time plank with alternating arm reach"


def test_maintenance_keeps_the_hold_of_last_time():
    hint = hold_hint("side_plank", "20-30", MAINTENANCE, _history("side_plank", (22,)), NAMES)
    assert hint == "hold 22 s as last time"


def test_bodyweight_reps_at_the_top_twice_move_to_the_harder_library_exercise():
    hist = _history("push_up", (20, 20), (20, 21))
    assert bodyweight_hint("push_up", "15-20", DEVELOPMENT, hist, NAMES) == (
        "top of the range twice: next time Pike push-up"
    )
    short = _history("push_up", (20, 20), (20, 17))
    assert bodyweight_hint("push_up", "15-20", DEVELOPMENT, short, NAMES) == (
        "17 reps last time, aim for 20"
    )


def test_loaded_lifts_keep_double_progression_and_unlogged_exercises_get_no_hint():
    loaded = _history("goblet_squat", (6, 6, 6), (6, 6, 6), kg=20.0)
    assert progress_hint("goblet_squat", "4-6", None, DEVELOPMENT, loaded, NAMES).startswith(
        "21 kg (up from 20 kg)"
    )
    assert progress_hint("plank", "", "20-40", DEVELOPMENT, [], NAMES) == ""


def test_a_bodyweight_session_shows_the_hold_and_variant_hints_from_the_logs(resources):
    logs = [
        SessionLog(
            DAY - timedelta(days=k),
            LogStatus.DONE,
            exercise_results=(
                ("plank", None, 40),
                ("plank", None, 40),
                ("push_up", None, 12),
                ("push_up", None, 11),
            ),
        )
        for k in (7, 3)
    ]
    spec = SessionSpec(
        key="k",
        day=DAY,
        variant="B",
        intensity=Intensity.FULL,
        dose=DEVELOPMENT,
        reason="r",
        equipment=Equipment.BODYWEIGHT,
        max_level=2,
        single_leg=("reverse_lunge",),
    )
    a = build_session(spec, resources.library, _exercise_history(logs, DAY))
    hints = {e.id: e.load_hint for e in a.exercises}
    assert hints["push_up"] == "11 reps last time, aim for 20"
    a_session = build_session(
        replace(spec, variant="A"), resources.library, _exercise_history(logs, DAY)
    )
    plank = next(e for e in a_session.exercises if e.id == "plank")
    assert plank.load_hint == "40 s held twice: next time plank with alternating arm reach"
