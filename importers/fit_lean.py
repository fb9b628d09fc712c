"""A FIT file without its bulk: the few messages the importer reads as dicts, as a small FIT file.

The fast decoder gives records as NumPy columns (`fitfast.records`) at the cost of one decoding
pass; the other messages the importer needs (sessions, events, sets, `hr` messages...) it gives
only through `fitfast.parse`, which builds a dict for every message of the file: records, HRV,
GPS metadata and device-specific messages included (about 1.4 s of dicts for a season of
one-second runs, against 0.95 s for the columns). So the file is walked once here, message
header to message header, and a new FIT file is built of the wanted messages and their
definitions alone (typically 1-3 % of the bytes); parsing that costs next to nothing.

`lean_fit` returns None whenever the walk meets something it does not rebuild exactly (a
compressed-timestamp header, whose time depends on messages that would be left out; bytes
after the last chained part; a record field the columns cannot carry; a size that does not add
up), and the caller then parses the whole file as before. It never judges the file: `fitfast.records` on the original
bytes checks structure and CRC first.
"""

from __future__ import annotations

import struct

from importers.fit_columns import split_chain

# FIT global message numbers of the messages read as dicts (`fit_messages.WANTED` minus
# `record`): file_id, user_profile, zones_target, hr_zone, sport, session, event, activity, hr,
# monitoring_hr_data, set; and the developer field descriptions (developer_data_id,
# field_description), so a kept message's developer fields decode as in the whole file.
LEAN_MESSAGES = frozenset({0, 3, 7, 8, 12, 18, 21, 34, 132, 211, 225, 206, 207})
RECORD = 20
# Record field numbers whose values are arrays (`compressed_speed_distance`, old watches): the
# columns skip arrays, so such files are parsed whole.
_ARRAY_RECORD_FIELDS = frozenset({8})


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC = _crc_table()


def crc16(data: bytes | bytearray, crc: int = 0) -> int:
    """The FIT checksum (CRC-16, polynomial 0x8005 reflected, initial value 0)."""
    table = _CRC
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def lean_fit(data: bytes, keep: frozenset[int] = LEAN_MESSAGES) -> bytes | None:
    """A valid FIT file holding only the `keep` messages of `data`, or None (see above).
    Chained files (a pool swim's heart rate, a triathlon's legs) become a chain of lean parts."""
    parts = []
    for part in split_chain(data):
        if len(part) < 14 or part[0] not in (12, 14) or part[8:12] != b".FIT":
            return None  # damaged bytes after the last complete part
        end = part[0] + struct.unpack_from("<I", part, 4)[0]
        lean = _lean_part(part, end, keep) if end + 2 == len(part) else None
        if lean is None:
            return None
        parts.append(lean)
    return b"".join(parts) if parts else None


def _lean_part(data: bytes, end: int, keep: frozenset[int]) -> bytes | None:
    """The lean copy of one complete FIT file whose messages end at `end` (the checksum
    follows)."""
    size = [0] * 16  # by local message type: the data message's length, header byte included
    kept = [False] * 16
    spans: list[bytes] = []
    header_size = data[0]
    pos = header_size
    unpack = struct.unpack_from
    while pos < end:
        header = data[pos]
        if header < 16:  # a data message
            length = size[header]
            if not length:
                return None  # data before its definition
            if kept[header]:
                spans.append(data[pos : pos + length])
            pos += length
            continue
        if header & 0xC0 != 0x40 or pos + 6 > end:
            return None  # a compressed-timestamp header (bit 7), or damage
        number = unpack(">H" if data[pos + 2] else "<H", data, pos + 3)[0]
        n_fields = data[pos + 5]
        fields = pos + 6
        after = fields + 3 * n_fields
        length = 1 + sum(data[fields + 1 : after : 3])
        if header & 0x20:  # developer fields follow
            if after >= end:
                return None
            n_dev = data[after]
            length += sum(data[after + 2 : after + 1 + 3 * n_dev : 3])
            after += 1 + 3 * n_dev
        if after > end:
            return None
        if number == RECORD and _ARRAY_RECORD_FIELDS.intersection(data[fields:after:3]):
            return None
        local = header & 0x0F
        size[local] = length
        kept[local] = number in keep
        if kept[local]:
            spans.append(data[pos:after])
        pos = after
    if pos != end:
        return None
    body = b"".join(spans)
    head = bytearray(data[:header_size])
    struct.pack_into("<I", head, 4, len(body))
    if header_size == 14:
        struct.pack_into("<H", head, 12, crc16(head[:12]))
    out = bytes(head) + body
    return out + struct.pack("<H", crc16(out))
