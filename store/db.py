"""Opening the database: checks, locks, backup, migration, WAL, foreign keys, transactions.

Opening never writes to a file that fails its checks: a file that is not SQLite, one written
by a newer StrongStride, or one whose pages are damaged (`PRAGMA quick_check`) is refused with
one line naming it, and nothing is left beside it. Creating and migrating the schema happen
under an exclusive lock, so commands started together on a new folder all succeed.

Threading: a `Database` may be shared between threads; each `session()` must stay in the thread
that opened it. SQLite allows one writer at a time, so long writers (imports) batch their work.

Opening a database that is already at the current schema needs only the standard library's
sqlite3 (its checks); SQLAlchemy is loaded with the first unit of work, so the window can paint
a page kept from the last start before SQLAlchemy (a quarter of a second) has loaded.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from store import backup, locks, migrate
from store.checks import (
    check_is_sqlite,
    check_not_newer,
    check_pages,
    companions,
    read_only,
    remove_new_companions,
    stored_revision,
)
from store.errors import StoreError, database_error
from store.privacy import create_private_file, make_private

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_S = 30
COMPANIONS = ("-wal", "-shm", "-journal")

__all__ = ["Database", "StoreError"]


class Database:
    """One SQLite file, migrated to the current schema on open."""

    def __init__(self, path: Path, engine: Engine | None = None, *, created: bool = False) -> None:
        self.path = path
        self.created = created  # the file was made by this open (nothing to back up yet)
        self._engine = engine
        self._sessions: sessionmaker[Session] | None = None
        self._engine_lock = threading.Lock()
        self._damaged: StoreError | None = None

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy loaded) on first use, once."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = _make_engine(self.path)
            return self._engine

    def _session_factory(self) -> sessionmaker[Session]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            engine = self.engine
            with self._engine_lock:
                if self._sessions is None:
                    self._sessions = sessionmaker(engine, expire_on_commit=False)
        return self._sessions

    @classmethod
    def open(cls, path: Path | str, *, check: bool = True) -> Database:
        """Open (creating or upgrading) the database at `path`; StoreError when it is unusable.

        `check=False` skips the page check (`PRAGMA quick_check`), for callers that just ran it.
        """
        path = Path(path)
        check_is_sqlite(path)
        created = _create_private(path)
        found = companions(path)
        try:
            return cls._open_existing(path, check=check, created=created)
        except StoreError:
            remove_new_companions(path, found)  # a refused file is left as it was found
            raise

    @classmethod
    def _open_existing(cls, path: Path, *, check: bool, created: bool) -> Database:
        stored = stored_revision(path)
        if stored == migrate.SCHEMA_REVISION:
            if check:
                check_pages(path)
            return cls(path)
        try:
            with locks.exclusive(schema_lock_path(path)):
                return cls._open_for_schema_work(path, check=check, created=created)
        except locks.LockTimeout as exc:
            raise StoreError(
                f"{path}: another StrongStride process has been upgrading the database for "
                "over a minute; try again when it has finished",
                kind="locked",
            ) from exc
        except OSError as exc:  # the lock file cannot be made: the folder is read-only
            raise StoreError(
                f"{path.parent}: cannot write in the data folder ({exc.strerror or exc}); "
                "make it writable or choose another --data-dir",
                kind="read-only",
            ) from exc

    @classmethod
    def _open_for_schema_work(cls, path: Path, *, check: bool, created: bool) -> Database:
        """Under the schema lock: look again (another process may have done it), then work."""
        stored = stored_revision(path)
        if stored is not None:
            if stored != migrate.SCHEMA_REVISION:
                check_not_newer(path, stored)
            if check:
                check_pages(path)
        engine = _make_engine(path)
        if stored != migrate.SCHEMA_REVISION:  # Alembic is only loaded when there is work
            try:
                _migrate_with_backup(path, engine, stored)
            except BaseException:
                engine.dispose()
                raise
        return cls(path, engine, created=created and stored is None)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back on any exception.

        SQLite failures become one-line StoreErrors (disk full, read-only, busy, damaged); once
        the file is found damaged no further unit of work is started on it.
        """
        from sqlalchemy.exc import DBAPIError

        if self._damaged is not None:
            raise self._damaged
        session = self._session_factory()()
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            error = database_error(self.path, exc, backup.latest_backup(self.path))
            if error.damaged:
                self._damaged = error
            raise error from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def data_stamp(self) -> bytes | None:
        """A token that every write to any table replaces (SQLite triggers, migration 0002),
        read with the standard library; None when it cannot be read. Equal tokens, equal data.
        """
        try:
            return read_only(self.path, _stamp_in)
        except StoreError:
            return None

    def backup_to(self, target: Path) -> Path:
        """A consistent copy through SQLite's backup API (safe while the app is running)."""
        return backup.copy_database(self.path, target)

    def close(self) -> None:
        with self._engine_lock:
            if self._engine is not None:
                self._engine.dispose()


def _stamp_in(conn: sqlite3.Connection) -> bytes | None:
    row = conn.execute("SELECT token FROM data_stamp WHERE id = 1").fetchone()
    return bytes(row[0]) if row else None


def schema_lock_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.lock")


def _create_private(path: Path) -> bool:
    """Make a missing database file private before SQLite writes to it; True when made."""
    existed = path.exists()
    try:
        create_private_file(path)
        for suffix in COMPANIONS:
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                make_private(companion)
    except OSError as exc:
        raise StoreError(
            f"{path}: the database cannot be created or opened ({exc.strerror or exc}); "
            "make its folder writable or choose another --data-dir",
            kind="read-only" if isinstance(exc, PermissionError) else "cannot-open",
        ) from exc
    return not existed


def _make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    return engine


def _migrate_with_backup(path: Path, engine: Engine, stored: str | None) -> None:
    """Create the schema, or back the file up and then upgrade it (under the schema lock)."""
    if stored is not None:
        try:
            backup.make_backup(path, f"before-migration-{migrate.SCHEMA_REVISION}")
        except (OSError, sqlite3.Error) as exc:
            raise database_error(path, exc) from exc
    from sqlalchemy.exc import DBAPIError

    try:
        migrate.upgrade(engine)
    except DBAPIError as exc:
        raise database_error(path, exc, backup.latest_backup(path)) from exc
    except (ImportError, MemoryError):
        raise
    except Exception as exc:
        raise StoreError(f"{path}: upgrading the database failed ({exc})", kind="other") from exc
