"""Logged sets read from words, last time's result, and session time from the content."""

from __future__ import annotations

import pytest

from planner import defaults as D
from planner.logged_sets import describe_last, last_result, last_to_dicts, parse_set
from planner.model import ExercisePrescription
from planner.recorded_sets import match_sets
from planner.session_time import session_minutes


def _ex(sets: int, reps: str | None = None, seconds: str | None = None, rest: int = 60):
    return ExercisePrescription("x", "X", "squat", sets, reps=reps, seconds=seconds, rest_s=rest)


def test_a_set_in_words_becomes_exercise_weight_and_reps():
    assert parse_set("back_squat=60x5") == ("back_squat", 60.0, 5)
    assert parse_set("back_squat=62.5×4") == ("back_squat", 62.5, 4)
    assert parse_set("push_up=12") == ("push_up", None, 12)
    assert parse_set("plank=40s") == ("plank", None, 40)


def test_a_runner_in_miles_logs_pounds_and_they_are_kept_in_kg():
    assert parse_set("back_squat=135x5", units="mi") == ("back_squat", 61.23, 5)
    assert parse_set("back_squat=60kgx5", units="mi") == ("back_squat", 60.0, 5)
    assert describe_last([(61.23, 5), (61.23, 5)], hold=False, units="mi") == "135 lb × 5, 5"


@pytest.mark.parametrize("text", ["back_squat", "back_squat=x5", "plank=20x40s", "squat=0"])
def test_a_set_that_is_not_a_set_is_refused_naming_the_text(text):
    with pytest.raises(ValueError, match="'"):
        parse_set(text)


def test_last_result_is_the_newest_session_that_did_the_exercise():
    history = [
        ("back_squat", [(55.0, 6), (55.0, 6)]),
        ("plank", [(None, 30)]),
        ("back_squat", [(60.0, 5), (60.0, 4)]),
        ("goblet_squat", [(20.0, 10)]),
    ]
    assert last_result("back_squat", history) == ((60.0, 5), (60.0, 4))
    assert last_result("deadlift", history) == ()
    assert describe_last(last_result("back_squat", history), hold=False) == "60 kg × 5, 4"
    assert describe_last([(None, 30), (None, 25)], hold=True) == "30 s, 25 s"
    assert last_to_dicts([(None, 30)], hold=True) == [{"seconds": 30}]


def test_session_time_adds_warm_up_work_rests_and_changeovers():
    squat = _ex(3, reps="4-6", rest=150)  # 3 x 6 reps, 2 rests of 150 s
    plank = _ex(2, seconds="20-40/side", rest=60)  # 2 x 2 sides x 40 s, 1 rest
    work = 3 * 6 * D.SECONDS_PER_REP + 2 * 150 + 2 * 2 * 40 + 60 + D.CHANGEOVER_S
    expected = D.SESSION_WARMUP_MIN + -(-work // 60)
    assert session_minutes([squat, plank]) == expected
    assert session_minutes([squat, plank, _ex(3, reps="4-6", rest=150)]) > expected


def test_recorded_sets_go_to_the_planned_exercise_of_their_category_in_order():
    squat = ExercisePrescription("back_squat", "Back squat", "squat", 2, reps="4-6")
    plank = ExercisePrescription("plank", "Plank", "core", 1, seconds="20-40")
    recorded = [
        ("squat", 6, 60.0, 30.0),
        (None, 8, None, 20.0),  # no category: not logged
        ("squat", 5, 60.0, 28.0),
        ("squat", 5, 60.0, 28.0),  # a third squat set: more than planned
        ("plank", 1, None, 41.6),  # a hold logs its seconds
        ("curl", 10, 10.0, 30.0),  # not planned
    ]
    categories = {"back_squat": "squat", "plank": "plank"}
    assert match_sets(recorded, [squat, plank], categories) == (
        ("back_squat", 60.0, 6),
        ("back_squat", 60.0, 5),
        ("plank", None, 42),
    )
