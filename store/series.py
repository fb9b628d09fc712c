"""The chart series column: (t, hr, speed) triples packed as little-endian float32.

About 10 s apart, NaN where a value is missing; a one-hour run takes about 4 KB.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable

Triple = tuple[float, float | None, float | None]


def pack_series(series: Iterable[Triple]) -> bytes:
    flat: list[float] = []
    for t, hr, speed in series:
        flat += [t, float("nan") if hr is None else hr, float("nan") if speed is None else speed]
    return struct.pack(f"<{len(flat)}f", *flat)


def unpack_series(blob: bytes) -> list[tuple[float, float, float]]:
    values = struct.unpack(f"<{len(blob) // 4}f", blob)
    return [tuple(values[i : i + 3]) for i in range(0, len(values) - 2, 3)]  # type: ignore[misc]
