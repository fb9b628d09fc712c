"""Opening the database: checks, backup, migration, WAL, foreign keys, one transaction helper.

Threading: a `Database` may be shared between threads; each `session()` must stay in the thread
that opened it. SQLite allows one writer at a time, so long writers (imports) batch their work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from store import migrate

SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """The database cannot be used; the message names the file and says what to do."""


class Database:
    """One SQLite file, migrated to the current schema on open."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path | str) -> Database:
        path = Path(path)
        _check_is_sqlite(path)
        stored = _stored_revision(path)
        if stored is not None and stored != migrate.SCHEMA_REVISION:
            _check_not_newer(path, stored)
        engine = _make_engine(path)
        if stored != migrate.SCHEMA_REVISION:  # Alembic is only loaded when there is work
            try:
                _migrate_with_backup(path, engine)
            except Exception:
                engine.dispose()
                raise
        return cls(path, engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back on any exception."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except DBAPIError as exc:  # the file itself is damaged or changed under us
            session.rollback()
            raise StoreError(
                f"{self.path}: the database failed ({exc.orig}); restore a backup"
            ) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def backup_to(self, target: Path) -> Path:
        """A consistent copy through SQLite's backup API (safe while the app is running)."""
        _sqlite_backup(self.path, target)
        return target

    def close(self) -> None:
        self.engine.dispose()


def _check_is_sqlite(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database ({exc.strerror or exc})") from exc
    if head != SQLITE_MAGIC:
        raise StoreError(
            f"{path} is not a StrongStride database (not an SQLite file); "
            "move it away or choose another --data-dir"
        )


def _stored_revision(path: Path) -> str | None:
    """The schema revision written in the file, read without writing anything."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            row = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if has_table
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: the database cannot be read ({exc}); restore a backup") from exc
    return row[0] if row else None


def _check_not_newer(path: Path, stored: str) -> None:
    """Refuse a newer schema before anything (even the WAL switch) writes to the file."""
    if not migrate.is_known_revision(stored):
        raise StoreError(
            f"{path} was written by a newer StrongStride (schema {stored}); "
            "install the newer version or choose another --data-dir"
        )


def _sqlite_backup(source_path: Path, target: Path) -> None:
    source = sqlite3.connect(source_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()


def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    return engine


def _migrate_with_backup(path: Path, engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            current = migrate.current_revision(conn)
    except Exception as exc:  # corrupt file behind a valid header
        raise StoreError(f"{path}: the database cannot be read ({exc}); restore a backup") from exc
    head = migrate.head_revision()
    if current == head:
        return
    if current is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        _sqlite_backup(path, path.with_name(f"{path.stem}.before-{head}.{stamp}.sqlite"))
    try:
        migrate.upgrade(engine)
    except Exception as exc:
        raise StoreError(f"{path}: migrating the database failed ({exc})") from exc
