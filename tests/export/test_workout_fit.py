"""FIT workout files, decoded back with fitdecode."""

from __future__ import annotations

from datetime import UTC, datetime

import fitdecode
import pytest

from operations.export.workout_fit import (
    EXERCISES,
    WorkoutFileError,
    fit_exercise,
    send_to_watch,
    top_of_range,
    write_workout,
)
from planner.model import ExercisePrescription
from tests.printing import plans


def decode(path):
    messages = {"file_id": [], "workout": [], "workout_step": []}
    with fitdecode.FitReader(str(path), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name in messages:
                values = {f.name: f.value for f in frame.fields if f.value is not None}
                messages[frame.name].append(values)
    return messages


def session_a():
    return plans.normal_week().days[2].strength


def test_workout_file_is_a_strength_workout_with_a_valid_crc(tmp_path):
    out = write_workout(session_a(), tmp_path / "a.fit", created=datetime(2026, 11, 1, tzinfo=UTC))
    msgs = decode(out)
    assert msgs["file_id"][0]["type"] == "workout"
    workout = msgs["workout"][0]
    assert workout["sport"] == "training"
    assert workout["sub_sport"] == "strength_training"
    assert workout["num_valid_steps"] == len(msgs["workout_step"])


def test_steps_match_sets_reps_and_exercise_names(tmp_path):
    session = session_a()
    steps = decode(write_workout(session, tmp_path / "a.fit"))["workout_step"]
    total_sets = sum(ex.sets for ex in session.exercises)
    assert len(steps) == 1 + total_sets + (total_sets - 1)  # warm-up, sets, rests between
    assert steps[0]["intensity"] == "warmup"
    work = [s for s in steps if s["intensity"] == "active"]
    expected = [ex for ex in session.exercises for _ in range(ex.sets)]
    assert [s["wkt_step_name"] for s in work] == [ex.name for ex in expected]
    for step, ex in zip(work, expected, strict=True):
        if ex.seconds:
            assert step["duration_type"] == "time"
            assert step["duration_time"] == top_of_range(ex.seconds)
        else:
            assert step["duration_type"] == "reps"
            assert step["duration_reps"] == top_of_range(ex.reps)
        category, name = fit_exercise(ex)
        assert step["exercise_category"] is not None
        if name is not None:
            assert step["exercise_name"] == name
    squat = work[0]
    assert squat["exercise_category"] == "squat" and squat["duration_reps"] == 6
    rests = [s for s in steps if s["intensity"] == "rest"]
    assert rests[0]["duration_time"] == 150.0  # back squat rest 2.5 min


def test_carries_are_open_steps_ended_with_the_lap_button(tmp_path):
    session = plans.normal_week().days[4].strength
    steps = decode(write_workout(session, tmp_path / "b.fit"))["workout_step"]
    carry = [s for s in steps if s.get("wkt_step_name") == "Suitcase carry"]
    assert len(carry) == 2 and all(s["duration_type"] == "open" for s in carry)
    assert carry[0]["exercise_category"] == "carry"


def test_every_library_exercise_has_a_fit_category_and_known_names_resolve():
    for ex_id, (_category, name) in EXERCISES.items():
        ex = ExercisePrescription(id=ex_id, name=ex_id, pattern="", sets=1)
        category_value, name_value = fit_exercise(ex)
        assert isinstance(category_value, int)
        assert (name_value is None) == (name is None), ex_id


def test_unknown_exercise_gets_a_category_from_its_pattern():
    ex = ExercisePrescription(id="nordic_curl", name="Nordic curl", pattern="hinge", sets=2)
    category, name = fit_exercise(ex)
    assert (category, name) == (8, None)  # deadlift category


def test_send_to_watch_writes_into_garmin_newfiles(tmp_path):
    (tmp_path / "GARMIN").mkdir()
    out = send_to_watch(session_a(), tmp_path)
    assert out.parent == tmp_path / "GARMIN" / "NewFiles"
    assert out.name == "StrongStride_20261125_A.fit"
    assert decode(out)["workout"][0]["wkt_name"].startswith("Strength A")


def test_a_folder_without_garmin_is_not_taken_for_a_watch(tmp_path):
    with pytest.raises(WorkoutFileError, match="GARMIN"):
        send_to_watch(session_a(), tmp_path)


def test_reps_ranges_use_the_top_of_the_range():
    assert top_of_range("4-6") == 6
    assert top_of_range("6/side") == 6
    assert top_of_range("15+") == 15
    assert top_of_range("20-30 m/side") is None
    assert top_of_range(None) is None
