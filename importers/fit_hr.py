"""Heart rate stored in `hr` messages (swims, triathlon swim legs) merged into the records.

Watches that cannot receive a chest strap's signal under water store the strap's beats in `hr`
messages and send them later; the records of that stretch carry no heart rate. Garmin's FIT SDK
merges them: expand the messages to timed beats (12-bit accumulated event timestamps in 1/1024 s,
gaps up to 5 s carried forward in 250 ms steps), then give each record the rounded mean of the
beats since the previous record. Neither decoder does this, so both paths go through here.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_GAP_STEP_S = 0.25
_GAP_MAX_STEPS = 20  # 5 s
_ROLLOVER = 0x400000  # event_timestamp wraps at 2^32 / 1024 s


def expand_beats(hr_messages: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Times (Unix s) and bpm of every stored beat, with short gaps filled as the SDK does."""
    times: list[float] = []  # beat times before gap filling
    bpms: list[float] = []
    anchor_time: float | None = None
    anchor_event = 0.0
    acc = 0  # accumulated event timestamp, 1/1024 s
    for msg in hr_messages:
        bpm = _as_list(msg.get("filtered_bpm"))
        if "timestamp" in msg:
            anchor_time = float(msg["timestamp"]) + float(msg.get("fractional_timestamp") or 0.0)
            first = _as_list(msg.get("event_timestamp"))
            if len(first) != 1 or not isinstance(first[0], int | float):
                continue
            anchor_event = float(first[0])
            acc = int(round(anchor_event * 1024))
            events = [anchor_event]
        else:
            raw = msg.get("event_timestamp_12")
            if anchor_time is None or not raw:
                continue
            packed = int.from_bytes(bytes(raw), "little")
            events = []
            for i in range(len(bpm)):
                part = (packed >> (12 * i)) & 0xFFF
                acc += (part - acc) & 0xFFF
                events.append(acc / 1024)
        for event, beat in zip(events, bpm, strict=False):
            if beat is None:
                continue
            if event < anchor_event and anchor_event - event > _ROLLOVER:
                event += _ROLLOVER
            times.append(anchor_time + (event - anchor_event))
            bpms.append(float(beat))
    return _fill_gaps(np.asarray(times, dtype=float), np.asarray(bpms, dtype=float))


def _fill_gaps(t: np.ndarray, bpm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Carry each beat forward in 250 ms steps across a gap, for at most 5 s (as the SDK)."""
    if t.size < 2:
        return t, bpm
    gap_ms = np.abs(np.diff(t)) * 1000
    steps = np.clip(np.ceil(gap_ms / (_GAP_STEP_S * 1000) - 1e-9) - 1, 0, _GAP_MAX_STEPS)
    steps = steps.astype(np.int64)
    # Each beat i (but the last) is followed by steps[i] copies at +0.25 s, +0.5 s, ...
    reps = np.concatenate((steps + 1, [1]))
    out_t = np.repeat(t, reps)
    out_bpm = np.repeat(bpm, reps)
    starts = np.cumsum(reps) - reps
    offsets = np.arange(out_t.size) - np.repeat(starts, reps)
    out_t = out_t + offsets * _GAP_STEP_S
    return out_t, out_bpm


def merge_into_records(
    record_t: np.ndarray, record_hr: np.ndarray, hr_messages: list[dict[str, Any]]
) -> np.ndarray:
    """Record heart rates with the stored beats merged in (beats win where they exist)."""
    if not hr_messages or record_t.size == 0:
        return record_hr
    beat_t, beat_bpm = expand_beats(hr_messages)
    if beat_t.size == 0:
        return record_hr
    # Each record covers (previous record's time, its own time]; a record at the same time as
    # the one before reaches back one second, as the SDK does.
    start = np.empty_like(record_t)
    start[0] = record_t[0] - 1
    start[1:] = record_t[:-1]
    same = start >= record_t
    start[same] = record_t[same] - 1
    cum = np.concatenate(([0.0], np.cumsum(beat_bpm)))
    lo = np.searchsorted(beat_t, start, side="right")
    hi = np.searchsorted(beat_t, record_t, side="right")
    count = hi - lo
    merged = record_hr.copy()
    has = count > 0
    merged[has] = np.floor((cum[hi[has]] - cum[lo[has]]) / count[has] + 0.5)
    return merged


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]
