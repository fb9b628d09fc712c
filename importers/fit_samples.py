"""Per-second samples of one FIT file, from its record columns: plausible, sorted, merged.

Records with impossible times are dropped here (`importers.plausibility`), old watches' packed
speed and distance are unpacked, heart rate sent in separate `hr` messages is merged in
(`importers.fit_hr`), and timer pauses are marked, so the reductions in `importers.fit_reduce`
see clean columns whichever decoder read the file.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from importers import fit_reduce as reduce
from importers import plausibility as plausible
from importers.fit_columns import PACKED_FIELD
from importers.fit_hr import merge_into_records
from importers.fit_messages import FitMessages


def samples(
    msgs: FitMessages, shift: float, latest: float = float("inf"), notes: list[str] | None = None
) -> reduce.Samples:
    cols = _plausible_records(msgs, shift, latest, [] if notes is None else notes)
    n = int(cols["_count"])
    t = cols["timestamp"] + shift if n else np.zeros(0)
    hr = _column(cols, ("heart_rate",), n)
    # `speed` first: fitfast expands it into enhanced_speed with a rounding slip (4.068 -> 4.067).
    speed = _column(cols, ("speed", "enhanced_speed"), n)
    distance = _column(cols, ("distance",), n)
    packed = cols.get(PACKED_FIELD)
    if packed is not None and any(v is not None for v in packed[:10]):
        speed, distance = _compressed_speed_distance(packed)
    if n and np.isnan(speed).all() and not np.isnan(distance).all():
        speed = reduce.speed_from_distance(t, distance)
    hr_msgs = msgs.get("hr")
    if hr_msgs:
        anchors = [
            dict(m, timestamp=m["timestamp"] + shift) if "timestamp" in m else m for m in hr_msgs
        ]
        hr = merge_into_records(t, hr, anchors)
    cadence = _column(cols, ("cadence",), n)
    if n > 1 and np.any(np.diff(t) < 0):
        order = np.argsort(t, kind="stable")
        t, hr, speed = t[order], hr[order], speed[order]
        distance, cadence = distance[order], cadence[order]
    timing = reduce.timer_running(t, _timer_events(msgs, shift))
    return reduce.Samples(t, hr, speed, distance, timing, cadence)


def _plausible_records(
    msgs: FitMessages, shift: float, latest: float, notes: list[str]
) -> dict[str, Any]:
    """Record columns of the records with a time that can be real: dated, not in the future,
    within a week of the session start; one wild timestamp must not stretch a run over decades.
    Records without a time are left out as well."""
    cols = msgs.records
    t = cols.get("timestamp")
    if t is None:
        return {"_count": 0}
    starts = [s.get("start_time") for s in msgs.get("session")]
    anchor = next((float(a) + shift for a in starts if isinstance(a, int | float)), None)
    timed = ~np.isnan(t)
    keep = timed & plausible.record_mask(t + shift, latest, anchor)
    if (~keep & timed).any():
        notes.append(f"{int((~keep & timed).sum())} record(s) with impossible times dropped")
    if keep.all():
        return cols
    out: dict[str, Any] = {"_count": int(keep.sum())}
    for name, col in cols.items():
        if name == PACKED_FIELD:
            out[name] = [v for v, k in zip(col, keep.tolist(), strict=True) if k]
        elif name != "_count":
            out[name] = col[keep]
    return out


def _timer_events(msgs: FitMessages, shift: float) -> list[tuple[float, bool]]:
    """(time, running after it) for every timer start/stop, in time order."""
    out = []
    for ev in msgs.get("event"):
        if ev.get("event") != "timer" or "timestamp" not in ev:
            continue
        kind = ev.get("event_type")
        if kind == "start":
            out.append((float(ev["timestamp"]) + shift, True))
        elif kind in ("stop", "stop_all", "stop_disable", "stop_disable_all"):
            out.append((float(ev["timestamp"]) + shift, False))
    out.sort(key=lambda e: e[0])
    return out


def _compressed_speed_distance(packed: list[Any]) -> tuple[np.ndarray, np.ndarray]:
    """Old watches pack speed (12 bits, 1/100 m/s) and distance (12 bits, 1/16 m, rolling
    over) into three bytes; decoded here so both decoders give the same columns."""
    speed = np.full(len(packed), np.nan)
    distance = np.full(len(packed), np.nan)
    total = 0
    last = None
    for i, raw in enumerate(packed):
        if not isinstance(raw, bytes | bytearray | list) or len(raw) != 3:
            continue
        try:
            b = bytes(raw)
        except (TypeError, ValueError):
            continue
        packed_value = b[0] | (b[1] << 8) | (b[2] << 16)
        speed[i] = (packed_value & 0xFFF) / 100
        part = packed_value >> 12
        if last is None:
            total = part
        else:
            total += (part - last) & 0xFFF
        last = part
        distance[i] = total / 16
    return np.round(speed, 3), np.round(distance, 3)


def _column(cols: dict[str, Any], names: tuple[str, ...], n: int) -> np.ndarray:
    """The first of `names` the records carry, rounded to the FIT resolution so both decoders'
    floats (raw / scale versus raw * 1/scale) agree to the last bit."""
    for name in names:
        if name in cols:
            return np.round(cols[name], 3)
    return np.full(n, np.nan)
