"""Sets the runner logged: reading them from words, and showing last time's result.

A logged set is (exercise id, kg, reps); for a hold the number is the seconds held, the form the
§6.2 progression reads (`planner.progression`). Weights are kept in kg and shown in the runner's
units: kg for runners in km, lb for runners in miles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

LoggedSet = tuple[str, float | None, int | None]  # exercise id, kg, reps (seconds for holds)
SetResult = tuple[float | None, int | None]  # kg, reps (seconds for holds)

KG_PER_LB = 0.45359237

_SET = re.compile(
    r"^(?P<id>[a-z0-9_]+)=(?:(?P<w>\d+(?:\.\d+)?)\s*(?P<unit>kg|lb)?\s*[x×]\s*)?"
    r"(?P<n>\d+)\s*(?P<s>s)?$"
)


def weight_unit(units: str) -> str:
    """kg for runners who count in km, lb for runners who count in miles."""
    return "lb" if units == "mi" else "kg"


def to_kg(weight: float, unit: str) -> float:
    return round(weight * KG_PER_LB, 2) if unit == "lb" else weight


def shown_weight(kg: float, units: str) -> str:
    """A stored weight in the runner's unit, without needless decimals: '60 kg', '132.5 lb'."""
    if weight_unit(units) == "lb":
        value = round(kg / KG_PER_LB * 2) / 2  # half pounds
        return f"{value:g} lb"
    return f"{kg:g} kg"


def parse_set(text: str, *, units: str = "km") -> LoggedSet:
    """One set in words: 'back_squat=60x5' (weight in the runner's unit, or with kg/lb),
    'push_up=12' (reps without weight), 'plank=40s' (a hold). Raises ValueError naming the text.
    """
    m = _SET.match(text.strip().lower().replace(" ", ""))
    if m is None:
        raise ValueError(
            f"'{text}' is not a set: use EXERCISE=WEIGHTxREPS (back_squat=60x5), "
            "EXERCISE=REPS (push_up=12) or EXERCISE=SECONDSs (plank=40s)"
        )
    count = int(m["n"])
    if m["s"] and m["w"]:
        raise ValueError(f"'{text}': a hold is logged in seconds only (plank=40s)")
    if count <= 0:
        raise ValueError(f"'{text}': reps or seconds must be more than 0")
    kg = None
    if m["w"] is not None:
        kg = to_kg(float(m["w"]), m["unit"] or weight_unit(units))
    return m["id"], kg, count


def last_result(exercise_id: str, history: Sequence[tuple[str, Sequence[SetResult]]]):
    """The sets of the newest logged session that did `exercise_id` (history: oldest first)."""
    for ex_id, sets in reversed(history):
        if ex_id == exercise_id and sets:
            return tuple(sets)
    return ()


def describe_last(sets: Sequence[SetResult], *, hold: bool, units: str = "km") -> str:
    """Last time in a few words: '60 kg × 5, 5, 4', '12, 12 reps', '40 s, 35 s'."""
    if not sets:
        return ""
    if hold:
        return ", ".join(f"{n} s" for _, n in sets if n)
    counts = ", ".join(str(n) for _, n in sets if n)
    weights = {kg for kg, _ in sets if kg}
    if not weights:
        return f"{counts} reps"
    if len(weights) == 1:
        return f"{shown_weight(weights.pop(), units)} × {counts}"
    return ", ".join(f"{shown_weight(kg, units)} × {n}" if kg else f"{n}" for kg, n in sets)


def last_to_dicts(sets: Sequence[SetResult], *, hold: bool) -> list[dict]:
    """Last time's sets for `plan --json`: {"kg", "reps"} or {"seconds"} per set."""
    if hold:
        return [{"seconds": n} for _, n in sets]
    return [{"kg": kg, "reps": n} for kg, n in sets]
