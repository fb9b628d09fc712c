"""The CPU-bound half of an import: read, hash and decode one file; runs in worker processes.

Everything here is picklable and free of database access, so a process pool can run it; the
single writer thread in `importers.pipeline` stores the results.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from importers.fit import FitResult, read_fit
from importers.fit_messages import FitReadError
from importers.formats import read_other_format
from importers.sources import Candidate, read_candidate

_known_hashes: frozenset[str] = frozenset()


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


def init_worker(known: frozenset[str]) -> None:
    """Pool initializer: the hashes already in the database, sent once per worker."""
    global _known_hashes
    _known_hashes = known


def decode(c: Candidate, known: frozenset[str] | None = None) -> Decoded:
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
    try:
        result = read_other_format(c.path, data) or read_fit(data)
    except FitReadError as exc:
        return Decoded(**base, sha256=sha, error=str(exc))
    except Exception as exc:  # a decoder bug must cost one file, not the import
        return Decoded(**base, sha256=sha, error=f"unexpected decoder error: {exc!r}")
    return Decoded(**base, sha256=sha, result=result)
