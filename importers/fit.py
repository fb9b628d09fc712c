"""One FIT file in, plain activity records out (one per session; multisport gives several).

Design: decode with fitfast when it accepts the file, else with fitdecode (CRC unchecked,
complete messages of a truncated file kept, the activity marked partial); both decoders are
normalised by `importers.fit_messages`, so every later step is shared and the two paths give the
same records. `hr` messages are merged into the records (`importers.fit_hr`) and per-second
samples are reduced with NumPy (`importers.fit_reduce`). Safe to run in a worker process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fitfast
import numpy as np

from importers import fit_reduce as reduce
from importers import plausibility as plausible
from importers.fit_devices import device_name, exercise_category
from importers.fit_hr import merge_into_records
from importers.fit_messages import (
    FIT_MIN_ABSOLUTE,
    FitMessages,
    FitReadError,
    read_fast,
    read_tolerant,
)
from importers.fit_profile import profile_suggestion
from importers.records import ActivityRecord, ProfileSuggestion, StrengthSetRecord

SOURCE = "fit"
_RUNNING = {"running", "run", "trail", "trail_running", "treadmill", "virtual_run", "track"}
_STRENGTH_SUBS = {"strength_training"}


@dataclass(frozen=True)
class FitResult:
    """What one file gave: activities, or a reason it holds none, plus profile suggestions."""

    activities: tuple[ActivityRecord, ...] = ()
    profile: ProfileSuggestion | None = None
    skipped: str | None = None  # why a readable file gave no activity (e.g. a settings file)
    decoder: str = "fitfast"
    warnings: tuple[str, ...] = field(default=())
    # Implausible parts left out (impossible times, lengths, distances): the file is flagged.
    implausible: tuple[str, ...] = field(default=())

    @property
    def partial(self) -> bool:
        return any(a.partial for a in self.activities)


def normalise_sport(sport: str | None, sub_sport: str | None) -> str:
    """The app's sport name: 'running' for every kind of run, 'strength' for strength work."""
    sport = sport.lower() if isinstance(sport, str) else "generic"  # unknown enums are ints
    if sport in _RUNNING:
        return "running"
    strength_sub = isinstance(sub_sport, str) and sub_sport in _STRENGTH_SUBS
    if sport == "strength_training" or (sport == "training" and strength_sub):
        return "strength"
    return sport


def read_fit(
    source: Path | str | bytes, *, decoder: str = "auto", now: float | None = None
) -> FitResult:
    """Read one FIT file. Raises `FitReadError` (plain reason) when nothing can be read.

    decoder: "auto" (fitfast, falling back to fitdecode), "fitfast" or "fitdecode".
    now: Unix time the file is read at (default: the clock); nothing may start after tomorrow.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    _check_header(data)
    warnings: list[str] = []
    if decoder == "fitdecode":
        msgs = read_tolerant(data)
    else:
        try:
            msgs = read_fast(data)
        except fitfast.FitDecodeError as exc:
            if decoder == "fitfast":
                raise FitReadError(str(exc)) from exc
            warnings.append(f"read with the tolerant decoder ({_short(exc)})")
            msgs = read_tolerant(data)
        except BaseException as exc:
            if type(exc).__name__ != "PanicException" or decoder == "fitfast":
                raise
            # The fast decoder's Rust code gave up on this damage; the tolerant one may not.
            warnings.append(f"read with the tolerant decoder (the fast one failed: {_short(exc)})")
            msgs = read_tolerant(data)
    warnings.extend(msgs.warnings)
    return _build(msgs, warnings, plausible.latest_time(now))


def _check_header(data: bytes) -> None:
    if not data:
        raise FitReadError("empty file (0 bytes)")
    if len(data) < 12 or data[8:12] != b".FIT" or data[0] not in (12, 14):
        raise FitReadError("not a FIT file (no FIT header)")
    if len(data) <= data[0]:
        raise FitReadError("FIT header only, no data")


def _short(exc: Exception) -> str:
    return str(exc).replace("FIT decode error: ", "").strip()


def _build(msgs: FitMessages, warnings: list[str], latest: float) -> FitResult:
    file_ids = msgs.get("file_id")
    file_id = file_ids[0] if file_ids else {}
    file_type = file_id.get("type", "activity" if msgs.get("record") else None)
    profile = profile_suggestion(msgs, file_id)
    if file_type != "activity":
        what = f"{file_type} file" if file_type else "no file type"
        return FitResult(
            profile=profile,
            skipped=f"not an activity ({what})",
            decoder=msgs.decoder,
            warnings=tuple(warnings),
        )
    shift = _clock_shift(msgs, warnings)
    if shift is None:
        return FitResult(
            profile=profile,
            skipped="no real date: the watch clock was not set (times count from power-on)",
            decoder=msgs.decoder,
            warnings=tuple(warnings),
        )
    notes: list[str] = []
    samples = _samples(msgs, shift, latest, notes)
    sessions = msgs.get("session") or _session_from_records(msgs, samples, shift)
    sessions = _plausible_sessions(sessions, shift, latest, notes)
    if not sessions and notes:
        raise FitReadError("no plausible activity: " + "; ".join(notes))
    if not sessions:
        return FitResult(
            profile=profile,
            skipped="activity file without any session or record",
            decoder=msgs.decoder,
            warnings=tuple(warnings),
        )
    if not msgs.get("session"):
        warnings.append("no session summary: figures computed from the records")
    ctx = _FileContext(
        device=device_name(file_id),
        ident=_identity(file_id),
        offset=_utc_offset(msgs),
        partial=msgs.truncated or not msgs.get("session"),
        warnings=tuple(warnings),
        sets=msgs.get("set"),
        notes=notes,
    )
    starts = [s.get("start_time") for s in sessions]
    limits = [
        min(
            (
                float(b) + shift
                for b in starts[i + 1 :]
                if b is not None and a is not None and b > a
            ),
            default=None,
        )
        for i, a in enumerate(starts)
    ]
    activities = tuple(
        _activity(s, samples, ctx, shift, limit) for s, limit in zip(sessions, limits, strict=True)
    )
    implausible = tuple(dict.fromkeys(notes))
    return FitResult(activities, profile, None, msgs.decoder, tuple(warnings), implausible)


def _plausible_sessions(
    sessions: list[dict[str, Any]], shift: float, latest: float, notes: list[str]
) -> list[dict[str, Any]]:
    """Sessions whose start is a real date no later than tomorrow; the others are named."""
    kept = []
    for sess in sessions:
        start = sess.get("start_time")
        if start is None and isinstance(sess.get("timestamp"), int | float):
            start = sess["timestamp"] - (sess.get("total_elapsed_time") or 0)
        if isinstance(start, int | float) and plausible.plausible_time(float(start) + shift, latest):
            kept.append(sess)
        else:
            notes.append("a session with an impossible start time was left out")
    return kept


@dataclass(frozen=True)
class _FileContext:
    device: str | None
    ident: str
    offset: int
    partial: bool
    warnings: tuple[str, ...]
    sets: list[dict[str, Any]]
    notes: list[str]  # implausible parts left out, filled while the activities are built


def _clock_shift(msgs: FitMessages, warnings: list[str]) -> float | None:
    """Seconds to add to every time: 0 normally; for a watch without a clock, from local time."""
    times = [s.get("start_time") for s in msgs.get("session")] or [
        r.get("timestamp") for r in msgs.get("record")[:1]
    ]
    times = [t for t in times if t is not None]
    if not times or min(times) >= FIT_MIN_ABSOLUTE:
        return 0.0
    for act in msgs.get("activity"):
        local, ts = act.get("local_timestamp"), act.get("timestamp")
        if local is not None and ts is not None and local >= FIT_MIN_ABSOLUTE:
            warnings.append("watch clock not set: start taken from local time, UTC offset unknown")
            return float(local - ts)
    return None


def _samples(
    msgs: FitMessages, shift: float, latest: float = float("inf"), notes: list[str] | None = None
) -> reduce.Samples:
    recs = _plausible_records(msgs, shift, latest, [] if notes is None else notes)
    n = len(recs)
    t = np.fromiter((r["timestamp"] for r in recs), float, n) + shift
    hr = _column(recs, ("heart_rate",), n)
    # `speed` first: fitfast expands it into enhanced_speed with a rounding slip (4.068 -> 4.067).
    speed = _column(recs, ("speed", "enhanced_speed"), n)
    distance = _column(recs, ("distance",), n)
    if any("compressed_speed_distance" in r for r in recs[:10]):
        speed, distance = _compressed_speed_distance(recs)
    if n and np.isnan(speed).all() and not np.isnan(distance).all():
        speed = reduce.speed_from_distance(t, distance)
    hr_msgs = msgs.get("hr")
    if hr_msgs:
        anchors = [
            dict(m, timestamp=m["timestamp"] + shift) if "timestamp" in m else m for m in hr_msgs
        ]
        hr = merge_into_records(t, hr, anchors)
    cadence = _column(recs, ("cadence",), n)
    if n > 1 and np.any(np.diff(t) < 0):
        order = np.argsort(t, kind="stable")
        t, hr, speed = t[order], hr[order], speed[order]
        distance, cadence = distance[order], cadence[order]
    timing = reduce.timer_running(t, _timer_events(msgs, shift))
    return reduce.Samples(t, hr, speed, distance, timing, cadence)


def _plausible_records(
    msgs: FitMessages, shift: float, latest: float, notes: list[str]
) -> list[dict[str, Any]]:
    """Records with a time that can be real: dated, not in the future, within a week of the
    session start; one wild timestamp must not stretch a run over decades."""
    recs = [r for r in msgs.get("record") if isinstance(r.get("timestamp"), int | float)]
    if not recs:
        return recs
    t = np.fromiter((r["timestamp"] for r in recs), float, len(recs)) + shift
    starts = [s.get("start_time") for s in msgs.get("session")]
    anchor = next((float(a) + shift for a in starts if isinstance(a, int | float)), None)
    keep = plausible.record_mask(t, latest, anchor)
    if keep.all():
        return recs
    notes.append(f"{int((~keep).sum())} record(s) with impossible times dropped")
    return [r for r, k in zip(recs, keep.tolist(), strict=True) if k]


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


def _compressed_speed_distance(recs: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Old watches pack speed (12 bits, 1/100 m/s) and distance (12 bits, 1/16 m, rolling
    over) into three bytes; decoded here so both decoders give the same columns."""
    speed = np.full(len(recs), np.nan)
    distance = np.full(len(recs), np.nan)
    total = 0
    last = None
    for i, r in enumerate(recs):
        raw = r.get("compressed_speed_distance")
        if not isinstance(raw, bytes | bytearray | list) or len(raw) != 3:
            continue
        b = bytes(raw)
        packed = b[0] | (b[1] << 8) | (b[2] << 16)
        speed[i] = (packed & 0xFFF) / 100
        part = packed >> 12
        if last is None:
            total = part
        else:
            total += (part - last) & 0xFFF
        last = part
        distance[i] = total / 16
    return np.round(speed, 3), np.round(distance, 3)


def _column(recs: list[dict[str, Any]], names: tuple[str, ...], n: int) -> np.ndarray:
    """One field of every record; rounded to the FIT resolution so both decoders' floats
    (raw / scale versus raw * 1/scale) agree to the last bit."""
    nan = float("nan")
    if not recs:
        return np.full(0, nan)
    for name in names:
        if name in recs[0] or name in recs[-1] or any(name in r for r in recs):
            try:
                col = np.array([r.get(name, nan) for r in recs], dtype=float)
                if col.ndim != 1:
                    raise ValueError("array-valued field")
            except (TypeError, ValueError):  # an array-valued oddity: convert one by one
                col = np.fromiter((_num(r.get(name)) for r in recs), float, n)
            return np.round(col, 3)
    return np.full(n, np.nan)


def _num(value: Any) -> float:
    return float(value) if isinstance(value, int | float) else np.nan


def _session_from_records(
    msgs: FitMessages, s: reduce.Samples, shift: float
) -> list[dict[str, Any]]:
    """A stand-in session for a file cut before its summary: times and distance from records."""
    if s.t.size == 0:
        return []
    sport = next(iter(msgs.get("sport")), {})
    dist = s.distance[~np.isnan(s.distance)]
    return [
        {
            "start_time": s.t[0] - shift,
            "total_elapsed_time": float(s.t[-1] - s.t[0]),
            "total_timer_time": reduce.moving_time(s),
            "total_distance": float(dist.max() - dist.min()) if dist.size else None,
            "sport": sport.get("sport", "generic"),
            "sub_sport": sport.get("sub_sport"),
        }
    ]


def _activity(
    sess: dict[str, Any],
    samples: reduce.Samples,
    ctx: _FileContext,
    shift: float,
    limit: float | None,
) -> ActivityRecord:
    """One session; its samples end where the next session of a multisport file begins."""
    sport = normalise_sport(sess.get("sport"), sess.get("sub_sport"))
    elapsed, timer = _num_or_none(sess.get("total_elapsed_time")), _num_or_none(
        sess.get("total_timer_time")
    )
    start = sess.get("start_time")
    if start is None:
        start = sess.get("timestamp", 0) - (elapsed or timer or 0)
    start = float(start) + shift
    length = min(float(elapsed or timer or 0), plausible.MAX_ELAPSED_S)
    end = start + length
    win = samples.window(start, end + 0.999 if limit is None else min(end + 0.999, limit - 0.001))
    moving = reduce.moving_time(win) if win.t.size else None
    figs = plausible.SessionFigures(
        elapsed,
        timer,
        _num_or_none(sess.get("total_distance")),
        _num_or_none(sess.get("total_ascent")),
        _num_or_none(sess.get("avg_heart_rate")),
        _num_or_none(sess.get("max_heart_rate")),
        ctx.notes,
    )
    span = float(win.t[-1] - win.t[0]) if win.t.size else None
    figs.check(sport, span, moving)
    elapsed, timer = figs.elapsed, figs.timer
    if timer is None:
        timer = moving if moving is not None else 0.0
    avg_hr, max_hr = figs.avg_hr, figs.max_hr
    if avg_hr is None or max_hr is None:
        rec_avg, rec_max = reduce.hr_summary(win)
        avg_hr = avg_hr if avg_hr is not None else rec_avg
        max_hr = max_hr if max_hr is not None else rec_max
    sub_sport = sess.get("sub_sport")
    return ActivityRecord(
        source=SOURCE,
        external_id=f"{ctx.ident}:{int(start)}",
        sport=sport,
        sub_sport=sub_sport if isinstance(sub_sport, str) else None,
        start_utc=datetime.fromtimestamp(int(start), UTC),
        utc_offset_s=ctx.offset,
        timer_s=round(float(timer), 3),
        elapsed_s=round(float(elapsed), 3) if elapsed is not None else None,
        distance_m=_opt(figs.distance),
        ascent_m=_opt(figs.ascent),
        avg_hr=_opt(avg_hr),
        max_hr=_opt(max_hr),
        device=ctx.device,
        partial=ctx.partial,
        hr_histogram=reduce.hr_histogram(win),
        peak_hr_10s=reduce.peak_hr_10s(win),
        speed_histogram=reduce.speed_histogram(win),
        series=reduce.series(win, start),
        strength_sets=_strength_sets(ctx.sets, start - shift, end - shift)
        if sport == "strength"
        else (),
        warnings=ctx.warnings,
    )


def _num_or_none(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _opt(value: Any) -> float | None:
    return round(float(value), 3) if isinstance(value, int | float) else None


def _strength_sets(sets: list[dict[str, Any]], start: float, end: float) -> tuple:
    out = []
    for msg in sets:
        at = msg.get("start_time", msg.get("timestamp"))
        if msg.get("set_type") != "active" or at is None or not (start - 1 <= at <= end + 1):
            continue
        weight = msg.get("weight")
        out.append(
            StrengthSetRecord(
                position=len(out) + 1,
                category=exercise_category(msg.get("category")),
                reps=msg.get("repetitions"),
                weight_kg=float(weight) if isinstance(weight, int | float) and weight > 0 else None,
                duration_s=_opt(msg.get("duration")),
            )
        )
    return tuple(out)


def _identity(file_id: dict[str, Any]) -> str:
    serial = file_id.get("serial_number")
    if serial:
        return str(serial)
    return f"{file_id.get('manufacturer', 'unknown')}-{file_id.get('product', 0)}"


def _utc_offset(msgs: FitMessages) -> int:
    for act in msgs.get("activity"):
        local, ts = act.get("local_timestamp"), act.get("timestamp")
        if local is not None and ts is not None and ts >= FIT_MIN_ABSOLUTE:
            offset = int(local) - int(ts)
            if abs(offset) <= 14 * 3600:
                return int(round(offset / 900) * 900)
    return 0
