"""The files imported before, read with the standard library's sqlite3 alone.

A re-sync that finds nothing new is the import runners do most (after every run, out of habit),
and loading SQLAlchemy costs more than the rest of it together. So the question "which of these
files are known, unchanged?" is answered here through one read-only connection: the schema
revision, the page check every open runs (`PRAGMA quick_check`), and one query. Anything else
(a new database, an older schema) answers None, and the caller opens the database as usual.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from store import migrate
from store.checks import (
    check_is_sqlite,
    companions,
    page_problems,
    read_only,
    refuse_damaged,
    revision_in,
)

_KNOWN_FILES_SQL = (
    "SELECT id, path, sha256, size, mtime, status, error FROM imported_file ORDER BY id"
)


@dataclass(frozen=True)
class KnownFile:
    id: int
    path: str
    sha256: str
    size: int
    mtime: float | None
    status: str
    error: str | None = None


def read_known_files(path: Path) -> dict[str, KnownFile] | None:
    """Every file seen before, by path; None when the file is missing, new or at another schema
    revision. A damaged file raises StoreError (kind "damaged"), as `Database.open` does."""
    check_is_sqlite(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    before = companions(path)

    def read(conn: sqlite3.Connection) -> tuple[list[str], dict[str, KnownFile] | None]:
        if revision_in(conn) != migrate.SCHEMA_REVISION:
            return ["ok"], None
        problems = page_problems(conn)
        if problems != ["ok"]:
            return problems, None
        return problems, {r[1]: KnownFile(*r) for r in conn.execute(_KNOWN_FILES_SQL)}

    problems, known = read_only(path, read)
    refuse_damaged(path, problems, before)
    return known
