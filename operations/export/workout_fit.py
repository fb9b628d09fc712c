"""A planned strength session as a FIT workout file, for Garmin and other FIT watches.

Written with fit-tool (BSD-3-Clause, so it can ship inside the installers). The file holds a
file_id message (type workout), one workout message (sport training, sub-sport strength
training) and the steps: a timed warm-up, then every set of every exercise as its own step
(reps, a hold time, or "press lap when done" for carries) with a timed rest step between sets.
Each exercise step carries the FIT exercise category and, where the FIT profile has that
exercise, its exercise name, so the watch shows and logs the right movement.

Rep ranges become the top of the range ("4-6" -> 6 reps, "20-40" s -> 40 s): the plan asks
for the same load until every set reaches the top (double progression).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile import profile_type
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.workout_message import WorkoutMessage
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
from fit_tool.profile.profile_type import (
    ExerciseCategory,
    FileType,
    Intensity,
    Manufacturer,
    Sport,
    SubSport,
    WorkoutStepDuration,
    WorkoutStepTarget,
)

from operations.export.fit_exercise_names import EXERCISES
from planner.model import ExercisePrescription, StrengthSession

WARM_UP_S = 8 * 60
DEFAULT_REST_S = 60

# An exercise the table does not know still gets a category from its movement pattern.
PATTERN_CATEGORIES = (
    ("plyo", "PLYO"),
    ("carry", "CARRY"),
    ("core", "CORE"),
    ("single-leg", "LUNGE"),
    ("squat", "SQUAT"),
    ("hinge", "DEADLIFT"),
    ("push", "PUSH_UP"),
    ("pull", "ROW"),
)


class WorkoutFileError(Exception):
    """The workout could not be written (no exercises, watch folder missing)."""


@dataclass(frozen=True)
class Step:
    """One step as the watch will run it."""

    name: str
    intensity: Intensity
    reps: int | None = None
    seconds: float | None = None  # None with reps None = open, press lap when done
    category: int | None = None
    exercise_name: int | None = None
    notes: str = ""


def fit_exercise(ex: ExercisePrescription) -> tuple[int, int | None]:
    """FIT (exercise_category, exercise_name) for a prescribed exercise."""
    category_name, exercise = EXERCISES.get(ex.id, (_category_from_pattern(ex.pattern), None))
    category = ExerciseCategory[category_name]
    if exercise is None:
        return category.value, None
    enum_name = "".join(part.capitalize() for part in category_name.split("_")) + "ExerciseName"
    names = getattr(profile_type, enum_name, None)
    member = getattr(names, exercise, None) if names is not None else None
    return category.value, (member.value if member is not None else None)


def _category_from_pattern(pattern: str) -> str:
    for word, category in PATTERN_CATEGORIES:
        if word in pattern:
            return category
    return "TOTAL_BODY"


def top_of_range(text: str | None) -> int | None:
    """'4-6' -> 6, '6/side' -> 6, '15+' -> 15, '20-30 m/side' -> None (a distance, not reps)."""
    if not text or re.search(r"\d\s*m\b", text):
        return None
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    return max(numbers) if numbers else None


def session_steps(session: StrengthSession) -> list[Step]:
    """The warm-up, every set of every exercise, and the rests between sets."""
    steps = [
        Step(
            "Dynamic warm-up",
            Intensity.WARMUP,
            seconds=WARM_UP_S,
            category=ExerciseCategory.WARM_UP.value,
        )
    ]
    total_sets = sum(max(ex.sets, 1) for ex in session.exercises)
    done = 0
    for ex in session.exercises:
        category, name = fit_exercise(ex)
        notes = "; ".join(p for p in (ex.reps and f"{ex.reps} reps", ex.load_hint, ex.cue) if p)
        for _ in range(max(ex.sets, 1)):
            hold = top_of_range(ex.seconds) if ex.seconds else None
            reps = None if ex.seconds else top_of_range(ex.reps)
            steps.append(
                Step(
                    ex.name,
                    Intensity.ACTIVE,
                    reps=reps,
                    seconds=hold,
                    category=category,
                    exercise_name=name,
                    notes=notes,
                )
            )
            done += 1
            if done < total_sets:
                steps.append(Step("Rest", Intensity.REST, seconds=ex.rest_s or DEFAULT_REST_S))
    return steps


def _messages(session: StrengthSession, steps: list[Step], created: datetime) -> Iterator:
    file_id = FileIdMessage()
    file_id.type = FileType.WORKOUT
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = zlib.crc32(session.key.encode()) or 1
    file_id.time_created = round(created.timestamp() * 1000)
    yield file_id

    workout = WorkoutMessage()
    workout.workout_name = f"{session.title} {session.day:%d %b}"
    workout.sport = Sport.TRAINING
    workout.sub_sport = SubSport.STRENGTH_TRAINING
    workout.num_valid_steps = len(steps)
    yield workout

    for index, step in enumerate(steps):
        msg = WorkoutStepMessage()
        msg.message_index = index
        msg.workout_step_name = _clip(step.name, 50)
        msg.intensity = step.intensity
        msg.target_type = WorkoutStepTarget.OPEN
        if step.reps is not None:
            msg.duration_type = WorkoutStepDuration.REPS
            msg.duration_reps = step.reps
        elif step.seconds is not None:
            msg.duration_type = WorkoutStepDuration.TIME
            msg.duration_time = float(step.seconds)
        else:
            msg.duration_type = WorkoutStepDuration.OPEN
        if step.category is not None:
            msg.exercise_category = step.category
        if step.exercise_name is not None:
            msg.exercise_name = step.exercise_name
        if step.notes:
            msg.notes = _clip(step.notes, 100)
        yield msg


def _clip(text: str, limit: int) -> str:
    """Shorten at a word boundary so a watch never shows half a word."""
    if len(text) <= limit:
        return text
    return text[: limit - 3].rsplit(" ", 1)[0].rstrip(",;") + "..."


def workout_bytes(session: StrengthSession, *, created: datetime | None = None) -> bytes:
    """The complete FIT file (header, messages, CRC) for one session."""
    if not session.exercises:
        raise WorkoutFileError(f"{session.title} on {session.day} has no exercises")
    steps = session_steps(session)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    for message in _messages(session, steps, created or datetime.now(UTC)):
        builder.add(message)
    return builder.build().to_bytes()


def workout_filename(session: StrengthSession) -> str:
    return f"StrongStride_{session.day:%Y%m%d}_{session.variant}.fit"


def write_workout(session: StrengthSession, path: str | Path, *, created=None) -> Path:
    """Save the session as a FIT workout file; a folder path gets a dated file name."""
    out = Path(path)
    if out.is_dir():
        out = out / workout_filename(session)
    if not out.parent.is_dir():
        raise WorkoutFileError(f"folder {out.parent} does not exist")
    out.write_bytes(workout_bytes(session, created=created))
    return out


def send_to_watch(session: StrengthSession, mount_root: str | Path, *, created=None) -> Path:
    """Copy the workout into a mounted Garmin watch (GARMIN/NewFiles), which imports it."""
    from importers.watch import WatchNotFound, send_workout

    root = Path(mount_root)
    data = workout_bytes(session, created=created)
    try:
        return Path(send_workout(workout_filename(session), data, mount=root))
    except WatchNotFound as exc:
        raise WorkoutFileError(f"{root} does not look like a Garmin watch: {exc}") from exc


def send_to_plugged_in_watch(session: StrengthSession, mount: Path | None = None) -> str:
    """Onto the watch at `mount`, or the one plugged in (as a drive or over MTP).

    Returns where the file went: a path for a drive, "<watch>: <path on it>" over MTP.
    """
    from importers.watch import WatchNotFound, send_workout

    data = workout_bytes(session)
    try:
        return send_workout(workout_filename(session), data, mount=mount)
    except WatchNotFound as exc:
        raise WorkoutFileError(str(exc)) from exc
