"""Checks a database file must pass before anything writes to it.

Every check reads through a read-only connection. SQLite may still create `-wal`/`-shm` files
beside a WAL database for a read-only reader; when the file is refused, the ones this check
created are removed again, so a refused file is left exactly as it was found.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store import backup, migrate
from store.errors import StoreError, damaged_error, database_error, kind_of

SQLITE_MAGIC = b"SQLite format 3\x00"
READ_TIMEOUT_S = 30


def check_is_sqlite(path: Path) -> None:
    """Refuse a file that does not start with SQLite's header (an empty file is a new one)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot read the database ({exc.strerror or exc})",
            kind="read-only" if isinstance(exc, PermissionError) else "io",
        ) from exc
    if head != SQLITE_MAGIC:
        raise StoreError(
            f"{path} is not a StrongStride database (not an SQLite file); "
            "move it away or choose another --data-dir",
            kind="not-sqlite",
        )


def stored_revision(path: Path) -> str | None:
    """The schema revision written in the file, read without writing anything."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    return read_only(path, revision_in)


def revision_in(conn: sqlite3.Connection) -> str | None:
    """The schema revision on an open connection; None before the schema exists."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has_table else None
    return row[0] if row else None


def check_not_newer(path: Path, stored: str) -> None:
    """Refuse a newer schema before anything (even the WAL switch) writes to the file."""
    if not migrate.is_known_revision(stored):
        raise StoreError(
            f"{path} was written by a newer StrongStride (schema {stored}); "
            "install the newer version or choose another --data-dir",
            kind="newer",
        )


def check_pages(path: Path) -> None:
    """`PRAGMA quick_check`: every page and index entry readable and well-formed.

    A damaged file raises StoreError (kind "damaged") naming the newest backup. On a 10-year
    history this takes a small fraction of a second (benchmarks/db_guard_bench.py), so it runs
    on every open.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    before = companions(path)
    refuse_damaged(path, read_only(path, page_problems), before)


def page_problems(conn: sqlite3.Connection) -> list[str]:
    """The first few findings of `PRAGMA quick_check` on an open connection; ["ok"] if sound."""
    return [row[0] for row in conn.execute("PRAGMA quick_check(5)")]


def refuse_damaged(path: Path, problems: list[str], before: set[Path]) -> None:
    """Raise the "damaged" StoreError naming the newest backup unless `problems` is ["ok"],
    removing the -wal/-shm files the check created (`before`: those found beforehand)."""
    if problems != ["ok"]:
        remove_new_companions(path, before)
        raise damaged_error(path, problems[0], backup.latest_backup(path))


def read_only(path: Path, read):
    """Run `read(conn)` on a read-only connection; SQLite errors become one-line StoreErrors."""
    before = companions(path)
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=READ_TIMEOUT_S
        )
        try:
            return read(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if kind_of(exc) == "damaged":
            remove_new_companions(path, before)
        raise database_error(path, exc, backup.latest_backup(path)) from exc


def companions(path: Path) -> set[Path]:
    return {p for p in (path.with_name(path.name + s) for s in ("-wal", "-shm")) if p.exists()}


def remove_new_companions(path: Path, before: set[Path]) -> None:
    """Remove -wal/-shm files our read created beside a refused file (never the app's own)."""
    for companion in companions(path) - before:
        wal_has_data = companion.name.endswith("-wal") and companion.stat().st_size > 0
        if not wal_has_data:
            companion.unlink(missing_ok=True)
