"""Back up and restore the runner's database: automatic copies and the two user actions.

* a daily copy on the first open of each day (7 kept, plus one a month), taken by the window
  and the command line alike;
* a copy before every bulk import (a folder, a zip or many files) and before every migration;
* **Back up now** / `strongstride backup [--to FILE]` and **Restore…** / `strongstride restore
  FILE`: the file is checked first (SQLite, a StrongStride schema this version knows, pages
  intact) and the current database is kept as a backup before it is replaced.

Every function may run on a worker thread; none touches a widget.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from store import Database, StoreError, locks, migrate
from store import backup as store_backup
from store.backup import BackupCheck, BackupError
from store.db import schema_lock_path
from store.errors import database_error

log = logging.getLogger(__name__)

BULK_FILES = 20  # more files than this in one import is a bulk import
BULK_SUFFIXES = {".zip"}


@dataclass(frozen=True)
class Restored:
    """What a restore did: the file it took, what it held, and where the old data went."""

    source: Path
    activities: int
    previous: Path


def back_up_now(db: Database, *, to: Path | None = None) -> Path:
    """A backup now: into `to` (a new file, or a folder) or the data folder's backups."""
    try:
        if to is None:
            return store_backup.make_backup(db.path, "manual")
        target = to / f"strongstride-{store_backup.stamp()}.sqlite" if to.is_dir() else to
        if target.exists():
            raise BackupError(f"{target} already exists; choose a new file name")
        if not target.parent.is_dir():
            raise BackupError(f"{target.parent}: no such folder")
        return store_backup.copy_database(db.path, target)
    except sqlite3.Error as exc:  # reading the database failed: say so about the database
        raise database_error(db.path, exc, store_backup.latest_backup(db.path)) from exc
    except OSError as exc:
        raise _backup_failed(to or store_backup.backup_folder(db.path), exc) from exc


def daily_backup(db: Database, *, today: date) -> Path | None:
    """Today's automatic backup, unless there is one (or the database was just created).

    A failure is logged, never raised: the runner's work goes on without the copy.
    """
    if db.created or store_backup.has_daily_backup(db.path, today):
        return None
    return _backup_or_log(db, "daily", "daily backup of")


def is_bulk_import(paths: Iterable[Path | str]) -> bool:
    """A folder, a zip archive or more than BULK_FILES files."""
    items = [Path(p) for p in paths]
    if len(items) > BULK_FILES:
        return True
    return any(p.is_dir() or p.suffix.lower() in BULK_SUFFIXES for p in items)


def before_bulk_import(db: Database, paths: Iterable[Path | str]) -> Path | None:
    """Back the database up before a bulk import into a database that already holds data."""
    if db.created or not is_bulk_import(paths):
        return None
    return _backup_or_log(db, "before-import", "backup before import into")


def _backup_or_log(db: Database, kind: str, what: str) -> Path | None:
    """An automatic backup of `kind`; a failure is logged ("<what> <database> failed")."""
    try:
        return store_backup.make_backup(db.path, kind)
    except (OSError, sqlite3.Error) as exc:
        log.warning("%s %s failed: %s", what, db.path, exc)
        return None


def check_backup(path: Path) -> BackupCheck:
    """Is `path` a backup this version can restore? BackupError says why not."""
    return store_backup.check_backup(path, known_revision=migrate.is_known_revision)


def restore(db: Database, *, source: Path) -> Restored:
    """Replace the database's contents with the backup at `source`, keeping the current data.

    The file is checked first; the current database is copied to `backups/before-restore-*`;
    the backup is copied in with SQLite's backup API (other open connections see the restored
    data at their next read), then upgraded if it is from an older schema.
    """
    source = Path(source)
    if source.resolve() == db.path.resolve():
        raise BackupError(f"{source} is the database itself; choose a backup file")
    check = check_backup(source)
    try:
        previous = store_backup.make_backup(db.path, "before-restore")
        store_backup.copy_into(source, db.path)
    except (OSError, sqlite3.Error) as exc:
        raise _backup_failed(db.path, exc) from exc
    if check.revision != migrate.SCHEMA_REVISION:
        with locks.exclusive(schema_lock_path(db.path)):
            migrate.upgrade(db.engine)
    return Restored(source=source, activities=check.activities, previous=previous)


def replace_damaged(database: Path, *, source: Path) -> Restored:
    """Put the backup at `source` in place of a damaged database, which is moved, not changed.

    The damaged file (and any -wal/-shm beside it) goes to `backups/damaged-<time>.sqlite`, so
    nothing is lost if it can still be rescued by hand.
    """
    check = check_backup(source)
    kept = store_backup.private_folder(store_backup.backup_folder(database))
    previous = kept / f"{store_backup.DAMAGED_PREFIX}{store_backup.stamp()}.sqlite"
    try:
        with locks.exclusive(schema_lock_path(database)):
            for suffix in ("", "-wal", "-shm"):
                part = database.with_name(database.name + suffix)
                if part.exists():
                    part.replace(previous.with_name(previous.name + suffix))
            store_backup.copy_database(source, database, read_only=True)
    except (OSError, sqlite3.Error) as exc:
        raise _backup_failed(database, exc) from exc
    return Restored(source=source, activities=check.activities, previous=previous)


def _backup_failed(where: Path, exc: BaseException) -> StoreError | BackupError:
    if isinstance(exc, sqlite3.Error):
        return database_error(where, exc)
    reason = getattr(exc, "strerror", None) or str(exc)
    if getattr(exc, "errno", None) == 28:  # ENOSPC
        return BackupError(f"{where}: the disk is full; free some space and back up again")
    return BackupError(f"{where}: the backup could not be written ({reason})")
