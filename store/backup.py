"""Copies of the database made with SQLite's backup API, and the checks a copy must pass.

A backup is a complete, consistent SQLite file even while a window or an import is writing
(the backup API copies a snapshot). Backups live in `<data folder>/backups/`, private to the
runner, named by why and when they were made:

    daily-2026-12-06.sqlite              the first open of each day (7 kept, plus the newest
                                         of each of the last 12 months)
    before-import-20261206-101500.sqlite before a bulk import (3 kept)
    before-migration-0002-20261206-...   before the schema is upgraded (3 kept)
    before-restore-20261206-...          the database as it was before a restore (3 kept)
    manual-20261206-101500.sqlite        File > Back up now / `strongstride backup` (all kept)
    damaged-20261206-101500.sqlite       a damaged database moved aside by a restore
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from store.privacy import create_private_file, private_folder

BACKUP_FOLDER = "backups"
SUFFIX = ".sqlite"
DAILY_KEPT = 7
MONTHS_KEPT = 12
KEPT_PER_KIND = {"before-import": 3, "before-migration": 3, "before-restore": 3}
DAMAGED_PREFIX = "damaged-"  # a damaged database moved aside by a restore: never offered
SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(Exception):
    """A file cannot be used as a backup; the message names it and says why."""


@dataclass(frozen=True)
class BackupCheck:
    """What a valid backup holds: its schema revision and number of activities."""

    path: Path
    revision: str
    activities: int


def backup_folder(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def copy_database(source: Path, target: Path, *, read_only: bool = False) -> Path:
    """A consistent copy of `source` at `target`, written beside it first, then moved in place.

    The copy is private (0600). A copy that fails half-way leaves no file at `target`.
    `read_only` opens the source read-only (a file that is not ours); our own database is read
    through a normal connection, which removes its -wal/-shm again when it is the last one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    try:
        mode = "?mode=ro" if read_only else ""
        src = sqlite3.connect(f"{source.resolve().as_uri()}{mode}", uri=True, timeout=30)
        try:
            dest = sqlite3.connect(partial)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                _check_copy(dest)
            finally:
                dest.close()
        finally:
            src.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _check_copy(conn: sqlite3.Connection) -> None:
    """A backup that is itself damaged must never be kept, nor offered later."""
    problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if problem != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed: {problem}")


def copy_into(source: Path, database: Path) -> None:
    """Replace `database`'s contents with `source`'s in one transaction (backup API).

    Connections already open on `database` (a window) read the new contents next time; the
    database keeps its WAL mode.
    """
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(database, timeout=30)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


def make_backup(database: Path, kind: str, *, now: datetime | None = None) -> Path:
    """A new backup of `database` in its backups folder; older ones of that kind are pruned."""
    folder = private_folder(backup_folder(database))
    when = now or datetime.now()
    name = f"daily-{when:%Y-%m-%d}" if kind == "daily" else f"{kind}-{stamp(when)}"
    target = copy_database(database, folder / f"{name}{SUFFIX}")
    prune(folder)
    return target


def has_daily_backup(database: Path, day: date) -> bool:
    return (backup_folder(database) / f"daily-{day:%Y-%m-%d}{SUFFIX}").exists()


def backups(database: Path) -> list[Path]:
    """Every backup of `database`, newest first."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.iterdir()
        if p.suffix == SUFFIX and not p.name.startswith((".", DAMAGED_PREFIX))
    ]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def latest_backup(database: Path) -> Path | None:
    found = backups(database)
    return found[0] if found else None


def prune(folder: Path) -> list[Path]:
    """Delete the backups the rolling scheme no longer keeps; returns what was deleted."""
    by_kind: dict[str, list[Path]] = {}
    for path in sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.name, reverse=True):
        kind = next((k for k in ("daily", *KEPT_PER_KIND) if path.name.startswith(k)), "")
        by_kind.setdefault(kind, []).append(path)
    doomed = _old_dailies(by_kind.get("daily", []))
    for kind, kept in KEPT_PER_KIND.items():
        doomed += by_kind.get(kind, [])[kept:]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def _old_dailies(dailies: list[Path]) -> list[Path]:
    """Dailies (newest first) beyond the last 7 that are not the newest of a recent month."""
    keep = set(dailies[:DAILY_KEPT])
    months: set[str] = set()
    for path in dailies:
        month = path.name[len("daily-") : len("daily-2026-12")]
        if month not in months and len(months) < MONTHS_KEPT:
            months.add(month)
            keep.add(path)
    return [p for p in dailies if p not in keep]


def check_backup(path: Path, *, known_revision) -> BackupCheck:
    """Refuse anything that is not a whole StrongStride database this version can open.

    `known_revision(rev)` says whether this version knows a schema revision (a newer one is
    refused). Reads the file only; nothing is written to it.
    """
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupError(f"{path} is not a StrongStride backup (not an SQLite file)")
    from store.checks import companions, remove_new_companions

    found = companions(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return _check_contents(path, conn, known_revision)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is damaged ({exc}); choose another backup") from exc
    finally:
        remove_new_companions(path, found)  # a read-only look leaves nothing beside the file


def _check_contents(path: Path, conn: sqlite3.Connection, known_revision) -> BackupCheck:
    problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise BackupError(f"{path} is damaged ({problems[0]}); choose another backup")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"alembic_version", "activity"} <= tables:
        raise BackupError(f"{path} is an SQLite file but not a StrongStride database")
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = row[0] if row else ""
    if not known_revision(revision):
        raise BackupError(
            f"{path} was written by a newer StrongStride (schema {revision}); "
            "install the newer version to restore it"
        )
    (activities,) = conn.execute("SELECT count(*) FROM activity").fetchone()
    return BackupCheck(path=path, revision=revision, activities=activities)
