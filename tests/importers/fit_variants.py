"""Distinct, valid copies of a real FIT file: every date moved by a given number of seconds.

Used to build large folders (tests, benchmark) from the real fixtures. Walks the FIT record
structure (definitions, normal and compressed-timestamp headers, developer fields), adds the
offset to every date_time field we know of, and recomputes the file CRC, so the copy decodes
exactly like the original except for its dates.
"""

from __future__ import annotations

import struct

# (global message number, field number) pairs holding a FIT date_time.
_TIME_FIELDS = {
    (0, 4),  # file_id.time_created
    (18, 2),  # session.start_time
    (19, 2),  # lap.start_time
    (34, 5),  # activity.local_timestamp
    (225, 6),  # set.start_time
}
_TIMESTAMP = 253
_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip


def fit_crc(data: bytes, crc: int = 0) -> int:
    for byte in data:
        tmp = _CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC_TABLE[byte & 0xF]
        tmp = _CRC_TABLE[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC_TABLE[(byte >> 4) & 0xF]
    return crc


def shift_fit(data: bytes, seconds: int) -> bytes:
    """A copy of a FIT file (chained files too) with every date moved by `seconds`."""
    out = bytearray()
    start = 0
    while start + 12 <= len(data) and data[start + 8 : start + 12] == b".FIT":
        part = _shift_one(data[start:], seconds)
        out += part
        start += len(part)
    return bytes(out)


def _shift_one(data: bytes, seconds: int) -> bytes:
    out = bytearray(data)
    header_size = data[0]
    data_size = struct.unpack_from("<I", data, 4)[0]
    end = header_size + data_size
    pos = header_size
    defs: dict[int, tuple[int, str, list[tuple[int, int, int]], int]] = {}
    while pos < end:
        head = data[pos]
        pos += 1
        if head & 0x80:  # compressed timestamp header: data message, local type in bits 5-6
            local = (head >> 5) & 0x3
            pos = _shift_fields(out, data, pos, defs[local], seconds)
        elif head & 0x40:  # definition
            local = head & 0x0F
            arch = data[pos + 1]
            endian = ">" if arch == 1 else "<"
            mesg = struct.unpack_from(endian + "H", data, pos + 2)[0]
            nfields = data[pos + 4]
            pos += 5
            fields = []
            for _ in range(nfields):
                fields.append((data[pos], data[pos + 1], data[pos + 2]))
                pos += 3
            dev_size = 0
            if head & 0x20:
                ndev = data[pos]
                pos += 1
                for _ in range(ndev):
                    dev_size += data[pos + 1]
                    pos += 3
            defs[local] = (mesg, endian, fields, dev_size)
        else:
            pos = _shift_fields(out, data, pos, defs[head & 0x0F], seconds)
    crc = fit_crc(bytes(out[:end]))
    struct.pack_into("<H", out, end, crc)
    return bytes(out[: end + 2])


def _shift_fields(out: bytearray, data: bytes, pos: int, definition, seconds: int) -> int:
    mesg, endian, fields, dev_size = definition
    for num, size, _base in fields:
        if size == 4 and (num == _TIMESTAMP or (mesg, num) in _TIME_FIELDS):
            value = struct.unpack_from(endian + "I", data, pos)[0]
            if value != 0xFFFFFFFF and value >= 0x10000000:
                struct.pack_into(endian + "I", out, pos, value + seconds)
        pos += size
    return pos + dev_size
