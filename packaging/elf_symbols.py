"""Linux: drop the symbol table from a library that `strip` cannot rewrite (NumPy's OpenBLAS).

Wheels repaired by auditwheel have their dynamic sections moved by patchelf into extra
segments at the end of the file. GNU strip and llvm-strip lay such a file out again and break
it ("ELF load command address/offset not page-aligned"), so linux_dist.py leaves numpy.libs
unstripped, 1 MB of symbols in OpenBLAS alone. This module removes them without moving
anything the loader reads: the static symbol table, its strings and the compiler notes are not
part of any segment, so the whole pages they fill are cut out and every later file offset moves
down by a multiple of the page size (which keeps each segment's offset and address congruent,
as the loader requires). Section names and the section table are written again at the end.
Virtual addresses do not change, so nothing inside the segments needs patching.
"""

from __future__ import annotations

import struct
from pathlib import Path

DROPPED = {b".symtab", b".strtab", b".comment"}
_EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
_PHDR = struct.Struct("<IIQQQQQQ")
_SHDR = struct.Struct("<IIQQQQIIQQ")
_NOBITS, _ALLOC = 8, 0x2


def _name(table: bytes, offset: int) -> bytes:
    return table[offset : table.index(b"\0", offset)]


def drop_symbols(lib: Path) -> int:
    """Cut the symbol table's pages out of `lib` (64-bit little-endian ELF); bytes saved."""
    data = bytearray(lib.read_bytes())
    if data[:6] != b"\x7fELF\x02\x01":
        return 0
    eh = list(_EHDR.unpack_from(data))
    phoff, shoff, phnum, shnum, shstrndx = eh[5], eh[6], eh[10], eh[12], eh[13]
    phdrs = [list(_PHDR.unpack_from(data, phoff + i * _PHDR.size)) for i in range(phnum)]
    shdrs = [list(_SHDR.unpack_from(data, shoff + i * _SHDR.size)) for i in range(shnum)]
    names = bytes(data[shdrs[shstrndx][4] : shdrs[shstrndx][4] + shdrs[shstrndx][5]])
    dropped = {
        i
        for i, sh in enumerate(shdrs)
        if _name(names, sh[0]) in DROPPED and not sh[2] & _ALLOC and sh[5]
    }
    # Bytes that must stay where they are: headers, segments and every other section's data.
    kept = [(0, phoff + phnum * _PHDR.size)] + [(p[2], p[2] + p[5]) for p in phdrs if p[5]]
    kept += [
        (sh[4], sh[4] + sh[5])
        for i, sh in enumerate(shdrs)
        if i not in dropped and i != shstrndx and sh[1] != _NOBITS and sh[5]
    ]
    page = max([p[7] for p in phdrs if p[0] == 1] or [0x1000])
    cut = _pages_to_cut([shdrs[i] for i in dropped], kept, page, len(data))
    if cut is None:
        return 0
    body = _without(data, cut, eh, phdrs, shdrs, dropped, names)
    lib.write_bytes(body)
    return len(data) - len(body)


def _pages_to_cut(
    dropped: list[list[int]], kept: list[tuple[int, int]], page: int, size: int
) -> tuple[int, int] | None:
    """The whole pages covered by the dropped sections and nothing kept, or None."""
    if not dropped:
        return None
    first = min(sh[4] for sh in dropped)
    last = max(sh[4] + sh[5] for sh in dropped)
    low = max([end for start, end in kept if end <= first], default=0)
    high = min([start for start, end in kept if start >= last], default=size)
    if any(start < high and end > low for start, end in kept):
        return None  # something the loader reads lies among the symbols: leave the file as is
    cut_from, cut_to = -(-low // page) * page, high // page * page
    return (cut_from, cut_to) if cut_to > cut_from else None


def _without(
    data: bytearray,
    cut: tuple[int, int],
    eh: list,
    phdrs: list[list[int]],
    shdrs: list[list[int]],
    dropped: set[int],
    names: bytes,
) -> bytearray:
    """The file with `cut` removed, later offsets moved down, names and section table at the end."""
    cut_from, cut_to = cut
    shift = cut_to - cut_from
    for p in phdrs:
        if p[2] >= cut_to:
            p[2] -= shift
    for i, sh in enumerate(shdrs):
        if i in dropped:
            sh[1:] = [0, 0, 0, 0, 0, 0, 0, 0, 0]  # an empty SHT_NULL entry keeps the numbering
        elif sh[4] >= cut_to:
            sh[4] -= shift
    body = data[:cut_from] + data[cut_to:]
    body += b"\0" * (-len(body) % 8)
    shdrs[eh[13]][4] = len(body)
    body += names + b"\0" * (-len(names) % 8)
    eh[6] = len(body)
    _EHDR.pack_into(body, 0, *eh)
    for i, p in enumerate(phdrs):
        _PHDR.pack_into(body, eh[5] + i * _PHDR.size, *p)
    return body + b"".join(_SHDR.pack(*sh) for sh in shdrs)
