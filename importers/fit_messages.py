"""Two FIT decoders behind one shape: the messages the importer needs, as plain dicts.

`fitfast` (Rust, fast) reads every file whose structure and CRC are sound; `fitdecode` (pure
Python) is the fallback for the rest: CRC not checked, every complete message before a
truncation kept. Both are normalised to the same `FitMessages` so the activity code above never
knows which decoder ran: timestamps are Unix seconds, enums are profile names, arrays are lists,
fields without a value are absent, `file_id.product` is the raw product number.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from typing import Any

import fitdecode
import fitfast

from importers import fit_columns, fit_lean

# Seconds between the Unix epoch and the FIT epoch (1989-12-31T00:00:00Z).
FIT_EPOCH_S = 631065600
# FIT date_time values below this are seconds since the device powered on, not a date.
FIT_MIN_ABSOLUTE = 0x10000000 + FIT_EPOCH_S

WANTED = frozenset(
    {
        "file_id",
        "activity",
        "session",
        "record",
        "event",
        "hr",
        "set",
        "sport",
        "user_profile",
        "zones_target",
        "hr_zone",
        "monitoring_hr_data",
    }
)
# Fields that are arrays by the FIT profile; any other field holding an array is damage and is
# dropped, so a corrupt definition cannot hand a list to code that expects one number.
ARRAY_FIELDS = frozenset(
    {
        "filtered_bpm",
        "event_timestamp",
        "event_timestamp_12",
        "compressed_speed_distance",
        "category",
        "category_subtype",
        "resting_heart_rate",
    }
)
_TIME_FIELDS = frozenset(
    {"timestamp", "start_time", "local_timestamp", "time_created", "event_timestamp_dt"}
)


class FitReadError(Exception):
    """The file holds nothing a FIT decoder can read; the message says why in plain words."""


@dataclass
class FitMessages:
    """The wanted messages of one file, in file order, plus how reading went."""

    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    decoder: str = "fitfast"
    warnings: list[str] = field(default_factory=list)
    truncated: bool = False  # a decode error cut the activity short
    # Record messages as columns (`importers.fit_columns`): {field: float64 array, "_count": n}.
    records: dict[str, Any] = field(default_factory=lambda: {"_count": 0})

    def get(self, name: str) -> list[dict[str, Any]]:
        return self.messages.get(name, [])

    @property
    def record_count(self) -> int:
        return int(self.records.get("_count", 0))

    @classmethod
    def joined(cls, parts: list[FitMessages]) -> FitMessages:
        """The messages of chained parts read one by one, in file order."""
        out = cls(
            decoder="fitdecode" if any(p.decoder == "fitdecode" for p in parts) else "fitfast"
        )
        for p in parts:
            for name, rows in p.messages.items():
                out.messages.setdefault(name, []).extend(rows)
            out.warnings.extend(p.warnings)
            out.truncated = out.truncated or p.truncated
        out.records = fit_columns.concat([p.records for p in parts])
        return out


def read_fast(data: bytes) -> FitMessages:
    """Decode with fitfast; raises `fitfast.FitDecodeError` on any structural or CRC fault.

    Records come as columns from `fitfast.records` (which checks the whole file), the other
    wanted messages from parsing the file's lean copy (`importers.fit_lean`); when no exact lean
    copy can be made, the whole file is parsed and its record dicts become columns."""
    lean = fit_lean.lean_fit(data)
    if lean is None:
        parsed = fitfast.parse(data, enum_names=True, datetimes=False)
        records = fit_columns.from_dicts(parsed.pop("record", []))
    else:
        records = fit_columns.from_arrays(fitfast.records(data))
        parsed = fitfast.parse(lean, enum_names=True, datetimes=False)
    out: dict[str, list[dict[str, Any]]] = {}
    for name in WANTED:
        rows = parsed.get(name)
        if rows and name != "record":
            out[name] = rows  # fields outside the profile stay under int keys; never read
    del parsed  # the record dicts, if any, go now
    for row in out.get("hr", []):
        if isinstance(row.get("event_timestamp_12"), bytes | bytearray):
            row["event_timestamp_12"] = list(row["event_timestamp_12"])
    msgs = FitMessages(out, decoder="fitfast", records=records)
    return _without_stray_arrays(msgs)


def _without_stray_arrays(msgs: FitMessages) -> FitMessages:
    """Drop array values from fields the profile defines as one value (records are columns,
    where such a value is already NaN)."""
    for rows in msgs.messages.values():
        for row in rows:
            stray = [
                k for k, v in row.items() if isinstance(v, list | tuple) and k not in ARRAY_FIELDS
            ]
            for k in stray:
                del row[k]
    return msgs


def read_tolerant(data: bytes) -> FitMessages:
    """Decode with fitdecode, CRC unchecked, keeping everything read before an error."""
    if not data:
        raise FitReadError("empty file (0 bytes)")
    result = FitMessages(decoder="fitdecode")
    columns = fit_columns.RecordColumns()
    completed_files = 0
    data_since_crc = False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            for frame in _frames(data):
                if frame.frame_type == fitdecode.FIT_FRAME_CRC:
                    completed_files += 1
                    data_since_crc = False
                elif frame.frame_type == fitdecode.FIT_FRAME_DATA:
                    data_since_crc = True
                    if frame.name == "record":
                        columns.add(_fields(frame))
                    elif frame.name in WANTED:
                        result.messages.setdefault(frame.name, []).append(_fields(frame))
        except Exception as exc:  # fitdecode raises several types; all mean "stopped here"
            reason = _plain_reason(exc)
            if not result.messages and not columns.n:
                raise FitReadError(reason) from exc
            result.warnings.append(f"decoding stopped early: {reason}")
            # A fault after a complete, CRC-closed file (chained files) loses nothing of it.
            result.truncated = data_since_crc or completed_files == 0
    result.warnings[:0] = sorted({str(w.message) for w in caught})
    result.records = columns.finish()
    return _without_stray_arrays(result)


def _frames(data: bytes) -> Any:
    with fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.DISABLED,
        error_handling=fitdecode.ErrorHandling.WARN,
        keep_raw_chunks=False,
    ) as reader:
        yield from reader


def _fields(frame: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for fld in frame.fields:
        value = fld.value
        if value is None:
            continue
        name = fld.name
        if name == "garmin_product" or (name == "product" and not isinstance(value, int)):
            name, value = "product", fld.raw_value
        elif name in _TIME_FIELDS:
            raw = fld.raw_value
            value = raw + FIT_EPOCH_S if isinstance(raw, int) else None
        elif name in ("event_timestamp_12", "compressed_speed_distance"):
            value = list(fld.raw_value) if fld.raw_value is not None else None
        elif isinstance(value, tuple):
            value = list(value)
        if value is not None:
            row[name] = value
    return row


def _plain_reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    lowered = text.lower()
    if "not a fit file" in lowered or "header" in lowered and "invalid" in lowered:
        return "not a FIT file"
    if isinstance(exc, fitdecode.FitEOFError) or "eof" in lowered:
        return "file ends in the middle of a message (truncated)"
    if "not defined" in lowered or "local message" in lowered:
        return f"corrupt data: {text}"
    return text
