"""How long a strength session takes, from what is in it (DOMAIN.md §6.1).

Warm-up, then every exercise's sets (the work, and the rest between sets), then a changeover to
the next exercise. The same minutes appear on the card, the printed sheet, the calendar file and
`plan --json`, so a session of 19 sets is never called a 35-minute session.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from planner import defaults as D
from planner.model import ExercisePrescription


def _top(text: str | None) -> int:
    """The top of a range such as "4-6", "6/side", "20-40" (0 when there is no number)."""
    digits = "".join(c if c.isdigit() else " " for c in (text or "").split("-")[-1]).split()
    return int(digits[0]) if digits else 0


def set_work_seconds(ex: ExercisePrescription) -> int:
    """The work of one set: the hold, or the reps at a controlled pace; both sides if per side."""
    work = _top(ex.seconds) if ex.seconds else _top(ex.reps) * D.SECONDS_PER_REP
    sides = 2 if "/side" in (ex.seconds or ex.reps or "") else 1
    return work * sides


def exercise_seconds(ex: ExercisePrescription) -> int:
    """All sets of one exercise with the rests between them (not after the last one)."""
    rest = ex.rest_s or 0
    return ex.sets * set_work_seconds(ex) + max(0, ex.sets - 1) * rest


def session_minutes(exercises: Iterable[ExercisePrescription]) -> int:
    """Warm-up + sets x (work + rest) + changeovers, rounded up to whole minutes."""
    items = [ex for ex in exercises if ex.sets > 0]
    seconds = D.SESSION_WARMUP_MIN * 60 + sum(exercise_seconds(ex) for ex in items)
    seconds += max(0, len(items) - 1) * D.CHANGEOVER_S
    return math.ceil(seconds / 60)
