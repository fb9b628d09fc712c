"""Derived data kept in a file beside the database, so a restart need not compute it again.

A cache file is never the only copy of anything: it holds one blob under the digest of the key
it was computed for, and a reader that asks with another key (new activities, another profile,
another day), finds a damaged file or cannot read it simply gets nothing and computes afresh.
Writes go to a temporary file that replaces the old one, so a reader never sees half a file.
It is a file and not a table so that it needs no schema migration and is never part of a
backup.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.db import Database

MAGIC = b"strongstride-cache 1\n"


def cache_file(db: Database, name: str) -> Path:
    """`strongstride.<name>.cache` beside `strongstride.sqlite`."""
    return db.path.with_name(f"{db.path.stem}.{name}.cache")


def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).hexdigest().encode("ascii")


def read_cached(db: Database, name: str, key: str) -> bytes | None:
    """The blob stored for exactly this key, or None."""
    try:
        data = cache_file(db, name).read_bytes()
    except OSError:
        return None
    header = MAGIC + key_digest(key) + b"\n"
    return data[len(header) :] if data.startswith(header) else None


def write_cached(db: Database, name: str, key: str, blob: bytes) -> None:
    """Keep `blob` for `key`; a folder that cannot be written only means no cache."""
    target = cache_file(db, name)
    try:
        fd, temp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + key_digest(key) + b"\n")
            fh.write(blob)
        os.replace(temp, target)
    except OSError:
        Path(temp).unlink(missing_ok=True)
