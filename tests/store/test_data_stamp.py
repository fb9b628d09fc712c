"""The data stamp: a token that every write to any table replaces, read without SQLAlchemy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from store import Database
from store.models import Base, Race

REPO = Path(__file__).resolve().parents[2]
UNSTAMPED = {"alembic_version", "data_stamp"}


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "s.sqlite")
    yield database
    database.close()


def _raw(db: Database, sql: str, *params) -> None:
    """A write from outside the app (another process, a hand edit): no SQLAlchemy involved."""
    with sqlite3.connect(db.path) as conn:
        conn.execute(sql, params)


def test_every_table_of_the_models_has_its_three_triggers(db):
    with sqlite3.connect(db.path) as conn:
        triggers = {
            (table, name)
            for table, name in conn.execute(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    tables = set(Base.metadata.tables) - UNSTAMPED
    assert tables  # the models are read, not an empty set
    for table in tables:
        for event in ("insert", "update", "delete"):
            assert (table, f"data_stamp_{table}_{event}") in triggers, (table, event)


def test_an_insert_an_update_and_a_delete_each_give_a_new_stamp(db):
    seen = [db.data_stamp()]
    with db.session() as s:
        s.add(Race(day=date(2027, 4, 18), name="Spring 10K", distance_km=10.0, priority="A"))
    seen.append(db.data_stamp())
    with db.session() as s:
        s.query(Race).one().name = "Spring 10 K"
    seen.append(db.data_stamp())
    _raw(db, "DELETE FROM race")
    seen.append(db.data_stamp())
    assert all(isinstance(t, bytes) and len(t) == 8 for t in seen)
    assert len(set(seen)) == 4


def test_reads_and_a_write_that_changes_nothing_keep_the_stamp(db):
    with db.session() as s:
        s.add(Race(day=date(2027, 4, 18), name="Spring 10K", distance_km=10.0, priority="A"))
    before = db.data_stamp()
    with db.session() as s:
        race = s.query(Race).one()
        race.name = "Spring 10K"  # the same value: SQLAlchemy writes nothing
    assert db.data_stamp() == before == db.data_stamp()


def test_a_database_of_the_first_schema_is_upgraded_with_its_data_and_gets_a_stamp(tmp_path):
    path = tmp_path / "old.sqlite"
    db = Database.open(path)
    with db.session() as s:
        s.add(Race(day=date(2027, 4, 18), name="Spring 10K", distance_km=10.0, priority="A"))
    db.close()
    with sqlite3.connect(path) as conn:  # what revision 0001 left: no stamp, no triggers
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE data_stamp")
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    assert Database(path).data_stamp() is None
    db = Database.open(path)  # upgrades it, after a backup
    try:
        assert isinstance(db.data_stamp(), bytes)
        with db.session() as s:
            assert [r.name for r in s.query(Race)] == ["Spring 10K"]
        before = db.data_stamp()
        _raw(db, "UPDATE race SET priority = 'B'")
        assert db.data_stamp() != before
    finally:
        db.close()
    assert list((tmp_path / "backups").glob("*before-migration-0002*"))


def test_the_stamp_of_a_database_without_one_is_none(tmp_path):
    path = tmp_path / "plain.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert Database(path).data_stamp() is None


def test_opening_and_reading_the_stamp_load_no_sqlalchemy(db):
    code = (
        "import sys; from store import Database; "
        "d = Database.open(sys.argv[1]); s = d.data_stamp(); "
        "print(len(s), 'sqlalchemy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(db.path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["8", "False"]
