"""The CPU-bound half of an import: read, hash and decode one file; runs in worker processes.

Everything here is picklable and free of database access, so a worker process can run it; the
single writer thread in `importers.pipeline` stores the results. `decode` never raises: whatever
a decoder throws (a Rust panic arrives as pyo3's `PanicException`, a `BaseException` that cannot
be pickled) becomes that file's plain failure message, so one bad file costs only itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from importers.sources import Candidate, read_candidate

if TYPE_CHECKING:
    from importers.fit import FitResult

_known_hashes: frozenset[str] = frozenset()
_failed_hashes: dict[str, str] = {}  # sha256 -> why that content failed before


@dataclass(frozen=True)
class Decoded:
    """One file after decoding: its hash and activities, or why it could not be read."""

    path: str
    size: int
    mtime: float | None
    kind: str
    sha256: str = ""
    result: FitResult | None = None
    error: str | None = None
    known_content: bool = False  # same bytes as a file imported before (moved or copied)


def init_worker(known: frozenset[str], failed: dict[str, str] | None = None) -> None:
    """Worker set-up: the hashes already in the database (and those that failed), sent once."""
    global _known_hashes, _failed_hashes
    _known_hashes = known
    _failed_hashes = dict(failed or {})


def decode(c: Candidate, known: frozenset[str] | None = None) -> Decoded:
    """Read, hash and decode one candidate; every fault becomes this file's failure."""
    known = _known_hashes if known is None else known
    base = dict(path=c.path, size=c.size, mtime=c.mtime, kind=c.kind)
    try:
        data = read_candidate(c)
    except (OSError, ValueError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return Decoded(**base, error=f"cannot read: {reason}")
    sha = hashlib.sha256(data).hexdigest()
    if sha in known:
        return Decoded(**base, sha256=sha, known_content=True)
    if sha in _failed_hashes:
        return Decoded(**base, sha256=sha, error=_failed_hashes[sha])
    result, error = decode_bytes(data, path=c.path)
    del data
    return Decoded(**base, sha256=sha, result=result, error=error)


def decode_bytes(data: bytes, path: str = "") -> tuple[FitResult | None, str | None]:
    """Decode a file's bytes into (result, None) or (None, why not); never raises a decoder
    fault. FIT unless `path` names GPX, TCX or Strava's activities.csv.

    The fuzz tests call this directly: it is the guard every file passes through.
    """
    from importers.fit import read_fit  # the decoders load in workers, not in a re-sync
    from importers.fit_messages import FitReadError
    from importers.formats import read_other_format

    try:
        return read_other_format(path, data) or read_fit(data), None
    except FitReadError as exc:
        return None, str(exc)
    except MemoryError:
        return None, "too large to decode within the memory limit"
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        return None, f"the decoder failed on this file ({type(exc).__name__}: {_first_line(exc)})"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else "no message"
