"""Double progression from logged sets (DOMAIN.md §6.2).

Keep the load until every set reaches the top of the rep range in two sessions in a row, then add
2.5-5 % (barbell +2.5-5 kg, dumbbells +1-2 kg) and start again at the bottom of the range.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner import defaults as D

# A session's results for one exercise: ((kg, reps), ...) per set, newest session last.
ExerciseHistory = Sequence[tuple[str, Sequence[tuple[float | None, int | None]]]]

BARBELL = {"back_squat", "stiff_leg_dl", "bb_press", "bent_row"}


def top_of_range(reps: str) -> int | None:
    digits = reps.replace("/side", "").split("-")[-1].rstrip("+").strip()
    return int(digits) if digits.isdigit() else None


def _sessions_for(
    ex_id: str, history: ExerciseHistory
) -> list[Sequence[tuple[float | None, int | None]]]:
    return [sets for hid, sets in history if hid == ex_id and sets]


def load_hint(ex_id: str, reps: str, dose, history: ExerciseHistory) -> str:
    """What to load next time: same weight, or the next step once the range is mastered."""
    sessions = _sessions_for(ex_id, history)
    effort = f"effort {dose.rpe}/10"
    if not sessions:
        return f"{effort}, 2-3 reps in reserve" if dose.name == "development" else effort
    last = sessions[-1]
    kgs = [kg for kg, _ in last if kg]
    if not kgs:
        return effort
    kg = max(kgs)
    top = top_of_range(reps)
    recent = sessions[-D.PROGRESS_RULE :]
    mastered = (
        top is not None
        and len(recent) == D.PROGRESS_RULE
        and all(all((r or 0) >= top for _, r in s) for s in recent)
        and dose.name in ("development", "beginner_1", "beginner_2")
    )
    if mastered:
        step = (
            max(2.5, round(kg * D.LOAD_STEP[0] / 2.5) * 2.5)
            if ex_id in BARBELL
            else max(1.0, round(kg * D.LOAD_STEP[0]))
        )
        return f"{kg + step:g} kg (up from {kg:g} kg), {effort}"
    return f"{kg:g} kg as last time, {effort}"
