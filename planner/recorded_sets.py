"""Sets a watch recorded, matched to the session that was planned (the watch closes the loop).

A watch names each set by a category ('squat', 'lunge', 'plank'), not by the exact exercise, so
each set goes to the planned exercise of that category, in the plan's order; sets with no
category or none planned are left out of the log (the card still shows them). Holds log the
seconds held.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planner.logged_sets import LoggedSet
from planner.model import ExercisePrescription

RecordedSet = tuple[str | None, int | None, float | None, float | None]  # category, reps, kg, s


def match_sets(
    recorded: Sequence[RecordedSet],
    planned: Sequence[ExercisePrescription],
    categories: Mapping[str, str],
) -> tuple[LoggedSet, ...]:
    """Each recorded set as (exercise id, kg, reps or seconds) of the planned exercise of its
    category; `categories` maps library ids to the watch's category names."""
    by_category: dict[str, list[ExercisePrescription]] = {}
    for ex in planned:
        cat = categories.get(ex.swapped_from or ex.id) or categories.get(ex.id)
        if cat:
            by_category.setdefault(cat, []).append(ex)
    done: dict[str, int] = {}
    out: list[LoggedSet] = []
    for category, reps, kg, seconds in recorded:
        candidates = by_category.get((category or "").lower(), [])
        ex = next((e for e in candidates if done.get(e.id, 0) < e.sets), None)
        if ex is None:
            continue
        count = round(seconds) if ex.seconds and seconds else reps
        if not count:
            continue
        done[ex.id] = done.get(ex.id, 0) + 1
        out.append((ex.id, kg, int(count)))
    return tuple(out)
