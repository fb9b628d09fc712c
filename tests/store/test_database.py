"""The database file: created and migrated on open, backed up before migrating, all-or-nothing writes."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from store import Database, StoreError, migrate
from store.models import Base, Race


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    return {r[0] for r in rows}


def test_opening_a_new_database_creates_the_schema_through_alembic(tmp_path):
    path = tmp_path / "new.sqlite"
    db = Database.open(path)
    db.close()
    tables = _tables(path)
    assert {"activity", "activity_hr_bin", "race", "session_log", "alembic_version"} <= tables
    with sqlite3.connect(path) as conn:
        (rev,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert rev == migrate.head_revision()


def test_the_migration_chain_builds_exactly_the_models(tmp_path):
    db = Database.open(tmp_path / "s.sqlite")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == []


def test_opening_twice_is_a_no_op_and_makes_no_backup(tmp_path, monkeypatch):
    path = tmp_path / "s.sqlite"
    Database.open(path).close()
    tables = _tables(path)
    upgraded: list[str] = []
    monkeypatch.setattr(
        migrate, "upgrade", lambda engine, revision="head": upgraded.append(revision)
    )
    Database.open(path).close()
    assert upgraded == []
    assert not (tmp_path / "backups").exists()
    assert _tables(path) == tables


def test_the_schema_revision_constant_is_the_newest_migration():
    assert migrate.head_revision() == migrate.SCHEMA_REVISION


def test_wal_and_foreign_keys_are_on(tmp_path):
    db = Database.open(tmp_path / "s.sqlite")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def test_a_database_at_an_older_revision_is_backed_up_before_upgrading(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    db = Database.open(path)
    with db.session() as s:
        s.add(Race(day=date(2027, 4, 11), name="Spring 10K", distance_km=10, priority="A"))
    db.close()
    # A newer app ships one more revision: opening must back up first, then upgrade.
    real_head = migrate.head_revision()
    upgraded: list[str] = []
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr(migrate, "SCHEMA_REVISION", "9999")
    monkeypatch.setattr(migrate, "is_known_revision", lambda rev: rev in {real_head, "9999"})
    monkeypatch.setattr(
        migrate, "upgrade", lambda engine, revision="head": upgraded.append(revision)
    )
    Database.open(path).close()
    backups = list((tmp_path / "backups").glob("before-migration-9999-*.sqlite"))
    assert upgraded == ["head"]
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT name FROM race").fetchone() == ("Spring 10K",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (real_head,)


def test_a_write_that_raises_half_way_leaves_the_database_unchanged(tmp_path):
    db = Database.open(tmp_path / "s.sqlite")
    with db.session() as s:
        s.add(Race(day=date(2027, 4, 11), name="Kept", distance_km=10, priority="A"))
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Race(day=date(2027, 5, 1), name="Lost 1", distance_km=5, priority="B"))
        s.flush()
        s.add(Race(day=date(2027, 6, 1), name="Lost 2", distance_km=21.1, priority="B"))
        s.flush()
        raise RuntimeError("power cut")
    with db.session() as s:
        names = s.scalars(select(Race.name)).all()
        count = s.scalar(select(func.count()).select_from(Race))
    db.close()
    assert names == ["Kept"]
    assert count == 1


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "strongstride.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Database.open(path)
    assert str(path) in str(err.value)
    assert "not an SQLite file" in str(err.value)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "strongstride.sqlite"
    Database.open(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Database.open(path)
    assert "newer StrongStride" in str(err.value)
    assert str(path) in str(err.value)
    assert path.read_bytes() == before
    assert sorted(tmp_path.glob("strongstride.sqlite-*")) == []  # no -wal/-shm left beside it
    assert not (tmp_path / "backups").exists()
