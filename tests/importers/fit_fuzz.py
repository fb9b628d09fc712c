"""A seeded FIT fuzzer: damaged copies of the real fixtures, reproducible from (seed, case).

Every mutation is one a real file meets on a bad USB cable, a full disk or a buggy exporter:
bit flips, truncation, inserted and deleted bytes, a damaged header, a definition whose field
size lies, zeroed blocks, timestamps gone wild, and files chained together. Most mutations
recompute the file CRC afterwards, so the strict fast decoder reads deep into the damage
instead of stopping at the checksum. Seeds are the fixtures themselves and short heads of them
(the first few KB closed as a valid file), so ten thousand cases run in about a minute.
"""

from __future__ import annotations

import random
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from importers.fit_lean import crc16  # checked against real files in test_fit_lean.py
from tests.importers.fit_variants import fit_crc

HEAD_BYTES = 3000  # a seed's head: messages up to about this many bytes


@dataclass(frozen=True)
class Layout:
    """Where things are in a FIT file: message starts, field-size bytes, timestamp fields."""

    messages: tuple[int, ...]
    field_sizes: tuple[int, ...]
    timestamps: tuple[int, ...]
    end: int  # where the data region ends (the CRC follows)


def layout(data: bytes) -> Layout:
    """Walk the first file's structure as far as it is sound."""
    header = data[0]
    end = min(len(data), header + struct.unpack_from("<I", data, 4)[0])
    pos, defs = header, {}
    messages, sizes, stamps = [], [], []
    try:
        while pos < end:
            messages.append(pos)
            head = data[pos]
            pos += 1
            if head & 0x80 or not head & 0x40:
                fields, dev = defs[(head >> 5) & 3 if head & 0x80 else head & 0x0F]
                for num, size in fields:
                    if num == 253 and size == 4:
                        stamps.append(pos)
                    pos += size
                pos += dev
                continue
            nfields = data[pos + 4]
            pos += 5
            fields = []
            for _ in range(nfields):
                sizes.append(pos + 1)
                fields.append((data[pos], data[pos + 1]))
                pos += 3
            dev = 0
            if head & 0x20:
                ndev = data[pos]
                pos += 1
                for _ in range(ndev):
                    dev += data[pos + 1]
                    pos += 3
            defs[head & 0x0F] = (fields, dev)
    except (KeyError, IndexError):
        pass
    return Layout(tuple(messages), tuple(sizes), tuple(stamps), end)


def head_of(data: bytes, limit: int = HEAD_BYTES) -> bytes:
    """The file's first messages up to `limit` bytes, closed as a valid FIT file."""
    lay = layout(data)
    header = data[0]
    cut = next((m for m in lay.messages if m >= limit), lay.end)
    out = bytearray(data[:cut])
    struct.pack_into("<I", out, 4, cut - header)
    if header == 14:
        struct.pack_into("<H", out, 12, 0)  # 0: header CRC not checked
    return bytes(out) + struct.pack("<H", crc16(bytes(out)))


def seeds(fixtures: Path) -> list[tuple[str, bytes]]:
    """(name, bytes) of every fixture and of the head of every FIT fixture."""
    out = []
    for path in sorted(fixtures.glob("*.fit")):
        data = path.read_bytes()
        out.append((path.name, data))
        if len(data) > 14 and data[8:12] == b".FIT" and data[0] in (12, 14):
            out.append((f"head:{path.name}", head_of(data)))
    return out


def _recrc(data: bytearray) -> bytearray:
    if len(data) > 2:
        struct.pack_into("<H", data, len(data) - 2, crc16(bytes(data[:-2])))
    return data


def _bit_flips(rng: random.Random, d: bytearray, lay: Layout) -> str:
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(d))
        d[i] ^= 1 << rng.randrange(8)
    return "bit flips"


def _truncate(rng: random.Random, d: bytearray, lay: Layout) -> str:
    del d[rng.randrange(1, len(d)) :]
    return "truncated"


def _insert(rng: random.Random, d: bytearray, lay: Layout) -> str:
    at = rng.randrange(len(d))
    d[at:at] = rng.randbytes(rng.randint(1, 32))
    return "bytes inserted"


def _delete(rng: random.Random, d: bytearray, lay: Layout) -> str:
    at = rng.randrange(len(d))
    del d[at : at + rng.randint(1, 64)]
    return "bytes deleted"


def _header(rng: random.Random, d: bytearray, lay: Layout) -> str:
    which = rng.choice(("size", "protocol", "profile", "data_size"))
    if which == "size":
        d[0] = rng.choice((0, 1, 11, 12, 13, 14, 15, 255))
    elif which == "protocol":
        d[1] = rng.randrange(256)
    elif which == "profile":
        struct.pack_into("<H", d, 2, rng.randrange(65536))
    else:
        values = (0, 1, len(d), len(d) * 2, 0x7FFFFFFF, 0xFFFFFFFF, rng.randrange(2**32))
        struct.pack_into("<I", d, 4, rng.choice(values))
    return f"header {which}"


def _field_size(rng: random.Random, d: bytearray, lay: Layout) -> str:
    spots = [i for i in lay.field_sizes if i < len(d)]
    if not spots:
        return _bit_flips(rng, d, lay)
    for _ in range(rng.randint(1, 3)):
        d[rng.choice(spots)] = rng.choice((0, 1, 2, 3, 4, 5, 7, 8, 16, 64, 255))
    return "field size"


def _zero_block(rng: random.Random, d: bytearray, lay: Layout) -> str:
    at = rng.randrange(len(d))
    n = rng.randint(16, 512)
    d[at : at + n] = bytes(len(d[at : at + n]))
    return "zeroed block"


def _wild_time(rng: random.Random, d: bytearray, lay: Layout) -> str:
    spots = [i for i in lay.timestamps if i + 4 <= len(d)]
    if not spots:
        return _bit_flips(rng, d, lay)
    values = (0, 1, 0x0FFFFFFF, 0x10000000, 0x7FFFFFFF, 0xFFFFFFFE, rng.randrange(2**32))
    for _ in range(rng.randint(1, 4)):
        struct.pack_into("<I", d, rng.choice(spots), rng.choice(values))
    return "timestamps"


MUTATIONS = (
    _bit_flips,
    _truncate,
    _insert,
    _delete,
    _header,
    _field_size,
    _zero_block,
    _wild_time,
)


@dataclass(frozen=True)
class Case:
    seed: int
    index: int
    source: str
    what: str
    data: bytes


def cases(pool: list[tuple[str, bytes]], seed: int, count: int) -> Iterator[Case]:
    """`count` damaged files, the same ones for the same seed."""
    layouts = {name: layout(data) if _is_fit(data) else None for name, data in pool}
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        name, data = rng.choice(pool)
        d = bytearray(data)
        if not d:
            yield Case(seed, index, name, "empty", b"")
            continue
        lay = layouts[name] or Layout((), (), (), len(d))
        steps = []
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            if not d:
                break
            steps.append(rng.choice(MUTATIONS)(rng, d, lay))
        if rng.random() < 0.08:
            other_name, other = rng.choice(pool)
            d += other
            steps.append(f"chained with {other_name}")
        if rng.random() < 0.7 and steps[-1:] != ["truncated"]:
            _recrc(d)
            steps.append("CRC recomputed")
        yield Case(seed, index, name, ", ".join(steps), bytes(d))


def _is_fit(data: bytes) -> bool:
    return len(data) > 14 and data[8:12] == b".FIT" and data[0] in (12, 14)


assert crc16(b"123456789") == fit_crc(b"123456789")
