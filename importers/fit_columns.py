"""Record messages as columns, and large files read part by part, so memory stays bounded.

A FIT record decoded as a dict costs about a kilobyte; a 64 MB file holds two million records.
So records never stay dicts: each decoder's records become one float64 column per field the
importer reads (NaN where a record lacks it), built while reading. A large file is split at its
chained-file boundaries (each part is a complete FIT file with its own header and CRC) and read
one part at a time; a part too large to decode into dicts goes straight to the column-building
tolerant reader.
"""

from __future__ import annotations

import struct
from array import array
from typing import Any

import numpy as np

# The record fields the importer reads; everything else in a record is never looked at.
RECORD_FIELDS = ("timestamp", "heart_rate", "speed", "enhanced_speed", "distance", "cadence")
PACKED_FIELD = "compressed_speed_distance"  # old watches: 3 bytes per record, kept as a list
# Files (or chained parts) up to this size are decoded into dicts by the fast decoder; a larger
# part would cost about 50 times its size in memory that way, so it is read as columns.
DICT_PART_BYTES = 4 * 1024 * 1024


class RecordColumns:
    """Accumulates records field by field: one `array('d')` per field, NaN where absent."""

    def __init__(self) -> None:
        self.n = 0
        self.cols = {name: array("d") for name in RECORD_FIELDS}
        self.packed: list[Any] | None = None

    def add(self, row: dict[str, Any]) -> None:
        nan = float("nan")
        for name, col in self.cols.items():
            value = row.get(name, nan)
            col.append(value if isinstance(value, float | int) and value is not True else nan)
        packed = row.get(PACKED_FIELD)
        if packed is not None and self.packed is None:
            self.packed = [None] * self.n
        if self.packed is not None:
            self.packed.append(packed)
        self.n += 1

    def finish(self) -> dict[str, Any]:
        """{field: float64 array} for fields present in any record (plus the packed list)."""
        out: dict[str, Any] = {}
        for name, col in self.cols.items():
            values = np.frombuffer(col, dtype=float) if self.n else np.zeros(0)
            if self.n and not np.isnan(values).all():
                out[name] = np.array(values)  # a copy: the array('d') buffer is freed
        if self.packed is not None:
            out[PACKED_FIELD] = self.packed
        out["_count"] = self.n
        return out


def from_dicts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Columns of records the fast decoder gave as dicts: one list pass per field read."""
    n = len(rows)
    out: dict[str, Any] = {"_count": n}
    nan = float("nan")
    for name in RECORD_FIELDS:
        if not (n and (name in rows[0] or name in rows[-1] or any(name in r for r in rows))):
            continue
        try:
            col = np.array([r.get(name, nan) for r in rows], dtype=float)
            if col.ndim != 1:
                raise ValueError("array-valued field")
        except (TypeError, ValueError):  # a damaged field: convert value by value
            col = np.fromiter((_number(r.get(name)) for r in rows), float, n)
        out[name] = col
    if any(PACKED_FIELD in r for r in rows[:10]):
        out[PACKED_FIELD] = [r.get(PACKED_FIELD) for r in rows]
    return out


def from_arrays(columns: dict[str, np.ndarray]) -> dict[str, Any]:
    """Columns of records the fast decoder gave as arrays (`fitfast.records`): the fields the
    importer reads, each left out when no record holds it, as `from_dicts` does."""
    n = len(next(iter(columns.values()))) if columns else 0
    out: dict[str, Any] = {"_count": n}
    for name in RECORD_FIELDS:
        col = columns.get(name)
        if col is not None and not np.isnan(col).all():
            out[name] = col
    return out


def _number(value: Any) -> float:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if ok else float("nan")


def concat(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Record columns of several chained parts, in file order."""
    parts = [p for p in parts if p.get("_count")]
    if len(parts) == 1:
        return parts[0]
    total = sum(p["_count"] for p in parts)
    out: dict[str, Any] = {"_count": total}
    for name in RECORD_FIELDS:
        if any(name in p for p in parts):
            out[name] = np.concatenate([p.get(name, np.full(p["_count"], np.nan)) for p in parts])
    if any(PACKED_FIELD in p for p in parts):
        out[PACKED_FIELD] = [v for p in parts for v in p.get(PACKED_FIELD, [None] * p["_count"])]
    return out


def split_chain(data: bytes) -> list[bytes]:
    """The chained FIT files in `data`; damaged trailing bytes come last, as one part."""
    parts = []
    start = 0
    while start + 14 <= len(data):
        header = data[start]
        if header not in (12, 14) or data[start + 8 : start + 12] != b".FIT":
            break
        end = start + header + struct.unpack_from("<I", data, start + 4)[0] + 2
        if end > len(data) or end <= start + header:
            break
        parts.append(data[start:end])
        start = end
    if start < len(data):
        parts.append(data[start:])
    return parts
