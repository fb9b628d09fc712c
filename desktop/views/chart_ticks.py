"""Round axis ticks for the charts: 0, 200, 400, 600 rather than 0, 238, 476, 714.

Pure arithmetic (no Qt), so the steps can be tested directly.
"""

from __future__ import annotations

import math

STEPS = (1, 2, 2.5, 5, 10)


def nice_axis(top: float, *, max_intervals: int = 4, whole: bool = True) -> tuple[float, int]:
    """The axis top and tick count for values up to `top`: a round step (1, 2, 2.5 or 5 times
    a power of ten) with at most `max_intervals` intervals. `whole` keeps steps at 1 or more,
    for counts and kilometres (no '0 0 0 0 1' on a chart of small numbers)."""
    top = max(top, 1e-9)
    raw = top / max_intervals
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in STEPS if s * power >= raw - 1e-12)
    if whole:
        step = max(1.0, step)
        if step == 2.5:
            step = 2.0 if top / 2.0 <= max_intervals else 5.0
    intervals = max(1, math.ceil(top / step - 1e-9))
    return step * intervals, intervals + 1


def tick_label_format(top: float, ticks: int) -> str:
    """A printf format that shows the ticks without needless decimals."""
    step = top / max(1, ticks - 1)
    return "%d" if float(step).is_integer() else "%.1f"
