"""Finding activity files: folders walked recursively, `.fit`, `.fit.gz` and zip archives
(Garmin Connect's "export your data" zip holds the activity FIT files in nested zips).

Archives are read in memory, never extracted to disk, and only within limits, so a hostile or
broken zip cannot fill the disk or the memory: no member path may escape (`..`, absolute paths),
and member count, member and total uncompressed size, compression ratio and nesting depth are
capped. A rejected archive or member is reported with its reason, never silently dropped.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from importers.formats import other_kind


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 100_000
    max_member_bytes: int = 64 * 1024 * 1024  # one FIT file
    max_nested_zip_bytes: int = 1024 * 1024 * 1024
    max_total_bytes: int = 8 * 1024 * 1024 * 1024
    max_ratio: float = 200.0  # FIT compresses ~3-10x; bombs reach 1000x
    max_depth: int = 3


DEFAULT_LIMITS = ZipLimits()
MEMBER_SEP = "::"
SPOOL_IN_MEMORY = (
    16 * 1024 * 1024
)  # a nested archive larger than this is spooled to disk  # "export.zip::inner.zip::activity.fit" names a member inside archives


@dataclass(frozen=True)
class Candidate:
    """A file that may hold activities. Archive members carry `chain` (archive path, nested
    archive names..., member name) and are read only when about to be decoded (`Archives`),
    so a large export never sits in memory at once; `data` holds bytes once read."""

    path: str  # identity shown to the user and stored in imported_file
    size: int
    mtime: float | None
    kind: str  # "fit", "fit.gz" or "zip-member"
    data: bytes | None = None
    chain: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rejected:
    """Something found that will not be read, and why."""

    path: str
    reason: str
    failed: bool = True  # False: skipped on purpose (e.g. not an activity file type)


def file_kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".fit"):
        return "fit"
    if lower.endswith(".fit.gz"):
        return "fit.gz"
    if lower.endswith(".zip"):
        return "zip"
    return other_kind(lower)  # GPX, TCX, Strava's activities.csv: importers.formats


def walk(
    paths: list[Path], *, limits: ZipLimits = DEFAULT_LIMITS, known: dict | None = None
) -> Iterator[Candidate | Rejected]:
    """Every candidate under `paths` (files or folders), depth first, in name order.

    Nothing is decompressed here except nested archives (to list their members); `known` is
    accepted for callers that pass what the database knows, and is not needed for listing.
    """
    for root in paths:
        root = Path(root)
        try:
            st = root.stat()
        except OSError as exc:
            yield Rejected(str(root), f"cannot open: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(root, limits, known)
        else:
            yield from _file(root, st, limits, known, explicit=True)


def _walk_dir(
    folder: Path, limits: ZipLimits, known: dict | None
) -> Iterator[Candidate | Rejected]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Rejected(str(folder), f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name == "__MACOSX":
            continue  # macOS resource forks of an unpacked archive: metadata only
        if entry.name.startswith("._"):
            yield Rejected(entry.path, "macOS metadata file, not an activity", failed=False)
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk_dir(Path(entry.path), limits, known)
            elif entry.is_file() and file_kind(entry.name):
                yield from _file(Path(entry.path), entry.stat(), limits, known, explicit=False)
            elif entry.is_symlink() and file_kind(entry.name):
                yield Rejected(entry.path, "cannot read: the link points to a missing file")
        except OSError as exc:
            yield Rejected(entry.path, f"cannot read: {exc.strerror or exc}")


def _file(
    path: Path, st: os.stat_result, limits: ZipLimits, known: dict | None, *, explicit: bool
) -> Iterator[Candidate | Rejected]:
    kind = file_kind(path.name)
    if kind is None:
        if explicit:
            yield Rejected(str(path), "not a FIT, FIT.GZ or ZIP file", failed=False)
        return
    if kind == "zip":
        yield from _zip_file(path, st, limits, known)
        return
    yield Candidate(str(path), st.st_size, st.st_mtime, kind)


def _zip_file(
    path: Path, st: os.stat_result, limits: ZipLimits, known: dict | None
) -> Iterator[Candidate | Rejected]:
    try:
        with zipfile.ZipFile(path) as zf:
            yield from _zip_members(
                zf, str(path), st.st_mtime, limits, known, depth=1, chain=(str(path),)
            )
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield Rejected(str(path), f"cannot read zip archive: {exc}")


def _zip_members(
    zf: zipfile.ZipFile,
    label: str,
    mtime: float | None,
    limits: ZipLimits,
    known: dict | None,
    *,
    depth: int,
    chain: tuple[str, ...],
) -> Iterator[Candidate | Rejected]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        yield Rejected(label, f"zip has {len(infos)} members (limit {limits.max_members})")
        return
    declared_total = sum(i.file_size for i in infos)
    if declared_total > limits.max_total_bytes:
        yield Rejected(label, f"zip would unpack to {declared_total} bytes (limit exceeded)")
        return
    for info in infos:
        if info.is_dir():
            continue
        name = info.filename
        kind = file_kind(name)
        if kind is None:
            continue
        member = f"{label}{MEMBER_SEP}{name}"
        problem = _member_problem(info, limits, kind)
        if problem:
            yield Rejected(member, problem)
            continue
        if kind == "zip":
            if depth >= limits.max_depth:
                yield Rejected(member, f"zip nested deeper than {limits.max_depth} levels")
                continue
            try:
                with (
                    _spool_member(zf, info, limits.max_nested_zip_bytes) as spool,
                    zipfile.ZipFile(spool) as inner_zf,
                ):
                    yield from _zip_members(
                        inner_zf,
                        member,
                        mtime,
                        limits,
                        known,
                        depth=depth + 1,
                        chain=(*chain, name),
                    )
            except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
                yield Rejected(member, f"cannot read nested zip: {exc}")
            continue
        yield Candidate(member, info.file_size, mtime, "zip-member", None, (*chain, name))


def _member_problem(info: zipfile.ZipInfo, limits: ZipLimits, kind: str) -> str | None:
    pure = PurePosixPath(info.filename.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or (info.filename[1:3] == ":/"):
        return "unsafe path in zip (points outside the archive)"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "symbolic link in zip"
    cap = limits.max_nested_zip_bytes if kind == "zip" else limits.max_member_bytes
    if info.file_size > cap:
        return f"member too large when unpacked ({info.file_size} bytes, limit {cap})"
    if info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
        ratio = info.file_size / info.compress_size
        return f"suspicious compression ratio {ratio:.0f}:1 (zip bomb?)"
    return None


def _spool_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> IO[bytes]:
    """A nested archive copied to a temporary file (memory only while small), within `cap`."""
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 - caller closes
    copied = 0
    with zf.open(info) as fh:
        while chunk := fh.read(1024 * 1024):
            copied += len(chunk)
            if copied > cap:
                spool.close()
                raise ValueError(f"nested zip larger than its header says (over {cap} bytes)")
            spool.write(chunk)
    spool.seek(0)
    return spool


class Archives:
    """Reads archive members on demand, keeping the most recent archive chain open.

    Members of one archive come one after another, so one open chain serves them all.
    Not thread-safe: the import's main thread owns it.
    """

    def __init__(self, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self._key: tuple[str, ...] | None = None
        self._stack: ExitStack | None = None
        self._zip: zipfile.ZipFile | None = None

    def read(self, c: Candidate) -> bytes:
        archive, member = c.chain[:-1], c.chain[-1]
        if archive != self._key:
            self.close()
            self._open(archive)
        assert self._zip is not None
        info = self._zip.getinfo(member)
        problem = _member_problem(info, self.limits, file_kind(member) or "fit")
        if problem:
            raise ValueError(problem)
        data = _read_member(self._zip, info, self.limits.max_member_bytes)
        if (file_kind(member) or "").endswith(".gz"):
            data = gunzip_limited(data, self.limits.max_member_bytes)
        return data

    def _open(self, archive: tuple[str, ...]) -> None:
        stack = ExitStack()
        try:
            zf = stack.enter_context(zipfile.ZipFile(archive[0]))
            for nested in archive[1:]:
                spool = stack.enter_context(
                    _spool_member(zf, zf.getinfo(nested), self.limits.max_nested_zip_bytes)
                )
                zf = stack.enter_context(zipfile.ZipFile(spool))
        except BaseException:
            stack.close()
            raise
        self._stack, self._zip, self._key = stack, zf, archive

    def close(self) -> None:
        if self._stack is not None:
            self._stack.close()
        self._stack = self._zip = self._key = None


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """Read at most `cap` bytes: a header that lies about the size is caught here too."""
    with zf.open(info) as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise ValueError(f"member larger than its header says (over {cap} bytes)")
    return data


def gunzip_limited(data: bytes, cap: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
        out = gz.read(cap + 1)
    if len(out) > cap:
        raise ValueError(f"unpacks to more than {cap} bytes")
    return out


def _is_known(known: dict, path: str, size: int, mtime: float | None) -> bool:
    f = known.get(path)
    return f is not None and f.size == size and f.mtime == mtime


def read_candidate(c: Candidate, *, limit: int = DEFAULT_LIMITS.max_member_bytes) -> bytes:
    """The FIT bytes of a candidate (plain file, gzip or already-read archive member)."""
    if c.data is not None:
        return c.data
    with open(c.path, "rb") as fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise ValueError(f"file larger than {limit} bytes")
    if c.kind.endswith(".gz"):
        return gunzip_limited(raw, limit)
    return raw
