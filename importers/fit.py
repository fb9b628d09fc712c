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
from importers.fit_columns import DICT_PART_BYTES, split_chain
from importers.fit_devices import device_name, exercise_category
from importers.fit_messages import (
    FIT_MIN_ABSOLUTE,
    FitMessages,
    FitReadError,
    read_fast,
    read_tolerant,
)
from importers.fit_profile import profile_suggestion
from importers.fit_samples import samples as _samples
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
    elif decoder == "auto" and len(data) > DICT_PART_BYTES:
        msgs = _read_in_parts(data, warnings)
    else:
        msgs = _read_one(data, decoder, warnings)
    warnings.extend(msgs.warnings)
    return _build(msgs, warnings, plausible.latest_time(now))


def _read_one(data: bytes, decoder: str, warnings: list[str]) -> FitMessages:
    """Fast decoder first; the tolerant one when it refuses the file or panics."""
    try:
        return read_fast(data)
    except fitfast.FitDecodeError as exc:
        if decoder == "fitfast":
            raise FitReadError(str(exc)) from exc
        warnings.append(f"read with the tolerant decoder ({_short(exc)})")
    except BaseException as exc:
        if type(exc).__name__ != "PanicException" or decoder == "fitfast":
            raise
        # The fast decoder's Rust code gave up on this damage; the tolerant one may not.
        warnings.append(f"read with the tolerant decoder (the fast one failed: {_short(exc)})")
    return read_tolerant(data)


def _read_in_parts(data: bytes, warnings: list[str]) -> FitMessages:
    """A large file, one chained part at a time, so memory follows the largest part; a part
    too large for dicts goes to the tolerant reader, which builds columns as it reads."""
    parts: list[FitMessages] = []
    for i, part in enumerate(split_chain(data)):
        try:
            if len(part) > DICT_PART_BYTES:
                parts.append(read_tolerant(part))
            else:
                parts.append(_read_one(part, "auto", warnings))
        except FitReadError as exc:
            if i == 0:
                raise
            warnings.append(f"decoding stopped early: {exc}")
            break
    return FitMessages.joined(parts)


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
    file_type = file_id.get("type", "activity" if msgs.record_count else None)
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
        if isinstance(start, int | float) and plausible.plausible_time(
            float(start) + shift, latest
        ):
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
    stamps = msgs.records.get("timestamp")
    first = stamps[~np.isnan(stamps)][:1].tolist() if stamps is not None else []
    times = [s.get("start_time") for s in msgs.get("session")] or first
    times = [t for t in times if t is not None]
    if not times or min(times) >= FIT_MIN_ABSOLUTE:
        return 0.0
    for act in msgs.get("activity"):
        local, ts = act.get("local_timestamp"), act.get("timestamp")
        if local is not None and ts is not None and local >= FIT_MIN_ABSOLUTE:
            warnings.append("watch clock not set: start taken from local time, UTC offset unknown")
            return float(local - ts)
    return None


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
    elapsed, timer = (
        _num_or_none(sess.get("total_elapsed_time")),
        _num_or_none(sess.get("total_timer_time")),
    )
    start = sess.get("start_time")
    if start is None:
        start = sess.get("timestamp", 0) - (elapsed or timer or 0)
    start = float(start) + shift
    length = min(float(elapsed or timer or 0), plausible.MAX_ELAPSED_S)
    end = start + length
    win = samples.window(start, end + 0.999 if limit is None else min(end + 0.999, limit - 0.001))
    figs, timer, avg_hr, max_hr = _figures(sess, sport, win, ctx.notes)
    elapsed = figs.elapsed
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


def _figures(
    sess: dict[str, Any], sport: str, win: reduce.Samples, notes: list[str]
) -> tuple[plausible.SessionFigures, float, float | None, float | None]:
    """The session's figures checked for plausibility, with timer time and HR filled in from
    the records where the session lacks them: (figures, timer, average HR, maximum HR)."""
    moving = reduce.moving_time(win) if win.t.size else None
    figs = plausible.SessionFigures(
        _num_or_none(sess.get("total_elapsed_time")),
        _num_or_none(sess.get("total_timer_time")),
        _num_or_none(sess.get("total_distance")),
        _num_or_none(sess.get("total_ascent")),
        _num_or_none(sess.get("avg_heart_rate")),
        _num_or_none(sess.get("max_heart_rate")),
        notes,
    )
    span = float(win.t[-1] - win.t[0]) if win.t.size else None
    figs.check(sport, span, moving)
    timer = figs.timer if figs.timer is not None else (moving or 0.0)
    avg_hr, max_hr = figs.avg_hr, figs.max_hr
    if avg_hr is None or max_hr is None:
        rec_avg, rec_max = reduce.hr_summary(win)
        avg_hr = avg_hr if avg_hr is not None else rec_avg
        max_hr = max_hr if max_hr is not None else rec_max
    return figs, timer, avg_hr, max_hr


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
