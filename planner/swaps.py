"""Putting the runner's chosen substitutes into planned sessions.

A swap changes which exercise is done, never the dose: sets, reps, seconds, load hint and rest
stay as the planner prescribed them for the movement. Pure: swaps and library come as arguments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from planner.library import Library
from planner.model import ExercisePrescription, WeekPlan


def swap_prescription(
    ex: ExercisePrescription, substitute_id: str, library: Library
) -> ExercisePrescription:
    """`ex` done as `substitute_id`, with the planned dose.

    The alternatives offered afterwards are the planned exercise's other substitutes and the
    planned exercise itself, so the runner can change their mind or swap back.
    """
    original = ex.swapped_from or ex.id
    sub = library.get(substitute_id)
    if sub is None or substitute_id == original:
        return ex
    planned = library.get(original)
    choices = planned.substitutes if planned is not None else ex.substitutes
    return replace(
        ex,
        id=sub.id,
        name=sub.name,
        pattern=sub.pattern,
        cue=sub.cue,
        substitutes=tuple(s for s in choices if s != sub.id) + (original,),
        swapped_from=original,
        last=(),  # the planned exercise's results are not the substitute's
    )


def apply_swaps(
    plans: Sequence[WeekPlan], swaps: Mapping[str, Mapping[str, str]], library: Library
) -> list[WeekPlan]:
    """`plans` with each session's swaps ({session_key: {exercise_id: substitute_id}}) applied.

    Swaps for sessions or exercises not in the plan, or naming an exercise the library no longer
    has, are left out: the planned exercise stays.
    """
    out = []
    for week in plans:
        days = []
        for day in week.days:
            chosen = swaps.get(day.strength.key) if day.strength is not None else None
            if chosen:
                exercises = tuple(
                    swap_prescription(ex, chosen[ex.id], library) if ex.id in chosen else ex
                    for ex in day.strength.exercises
                )
                day = replace(day, strength=replace(day.strength, exercises=exercises))
            days.append(day)
        out.append(replace(week, days=tuple(days)))
    return out
