"""Progression from logged sets (DOMAIN.md §6.2).

Loaded lifts: double progression. Keep the load until every set reaches the top of the rep range
in two sessions in a row, then add 2.5-5 % (barbell +2.5-5 kg, dumbbells +1-2 kg) and start again
at the bottom of the range. Holds: +5-10 s a session up to the top of the hold range, then the
harder variant. Bodyweight work: the harder variant once the top of the range is reached twice.
Maintenance and taper doses keep what was done last time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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


PROGRESSING_DOSES = ("development", "beginner_1", "beginner_2")


def harder_variant(ex_id: str, names: Mapping[str, str]) -> str | None:
    """The next, harder variant (HARDER_VARIANT): a library exercise's name or plain words."""
    nxt = D.HARDER_VARIANT.get(ex_id)
    if nxt is None:
        return None
    return names.get(nxt, nxt)


def _held_top_twice(sessions, top: int) -> bool:
    recent = sessions[-D.PROGRESS_RULE :]
    return len(recent) == D.PROGRESS_RULE and all(
        all((r or 0) >= top for _, r in s) for s in recent
    )


def hold_hint(
    ex_id: str, seconds: str, dose, history: ExerciseHistory, names: Mapping[str, str]
) -> str:
    """Holds (§6.2): +5-10 s a session up to the top of the range, then the harder variant.

    The logged number of a hold is the seconds held; the shortest set counts.
    """
    sessions = [s for s in _sessions_for(ex_id, history) if any(r for _, r in s)]
    top = top_of_range(seconds)
    if not sessions or top is None:
        return ""
    held = min(r for _, r in sessions[-1] if r)
    if dose.name not in PROGRESSING_DOSES:
        return f"hold {held} s as last time"
    if _held_top_twice(sessions, top):
        harder = harder_variant(ex_id, names)
        if harder:
            return f"{top} s held twice: next time {harder}"
        return f"{top} s held twice: slow down and brace harder, same {top} s"
    if held >= top:
        return f"hold {top} s again; twice in a row and the harder variant follows"
    target = min(top, held + D.HOLD_STEP[0])
    return f"hold {target} s (last time {held} s)"


def bodyweight_hint(
    ex_id: str, reps: str, dose, history: ExerciseHistory, names: Mapping[str, str]
) -> str:
    """Bodyweight (§6.2): every set at the top of the range twice in a row -> harder variant."""
    sessions = [s for s in _sessions_for(ex_id, history) if any(r for _, r in s)]
    top = top_of_range(reps)
    if not sessions or top is None:
        return ""
    last = min(r for _, r in sessions[-1] if r)
    if dose.name in PROGRESSING_DOSES and _held_top_twice(sessions, top):
        harder = harder_variant(ex_id, names)
        if harder:
            return f"top of the range twice: next time {harder}"
        return "top of the range twice: 3-4 s lowering on every rep"
    return f"{last} reps last time, aim for {top}"


def progress_hint(
    ex_id: str,
    reps: str,
    seconds: str | None,
    dose,
    history: ExerciseHistory,
    names: Mapping[str, str],
) -> str:
    """The hint from the logs: holds, bodyweight work (no weight logged) or loaded lifts."""
    if seconds:
        return hold_hint(ex_id, seconds, dose, history, names)
    sessions = _sessions_for(ex_id, history)
    if sessions and not any(kg for kg, _ in sessions[-1]):
        return bodyweight_hint(ex_id, reps, dose, history, names)
    return load_hint(ex_id, reps, dose, history)
