"""Backups: made by SQLite's backup API, rolled daily, taken before bulk imports, and restored
only after the file has been checked, keeping the current data as a backup."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from operations import backup
from store import Database
from store.backup import BackupError, backups, make_backup, prune
from store.models import Race
from tests.cli.process import run_cli
from tests.conftest import FIT_FIXTURES
from tests.data_safety.conftest import count_cases, integrity


def _races(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM race ORDER BY id")]


def _add_race(db: Database, name: str) -> None:
    with db.session() as s:
        s.add(Race(day=date(2027, 4, 11), name=name, distance_km=10, priority="A"))


@pytest.fixture
def db(data_dir: Path):
    database = Database.open(data_dir / "strongstride.sqlite")
    _add_race(database, "Spring 10K")
    yield database
    database.close()


def test_back_up_now_writes_a_complete_private_copy_while_the_database_is_open(db):
    path = backup.back_up_now(db)
    assert path.parent == db.path.parent / "backups" and path.name.startswith("manual-")
    assert integrity(path) == "ok"
    assert _races(path) == ["Spring 10K"]
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_daily_backup_is_made_once_a_day_and_not_for_a_database_just_created(data_dir):
    fresh = Database.open(data_dir / "strongstride.sqlite")
    assert backup.daily_backup(fresh, today=date(2026, 12, 6)) is None  # nothing to keep yet
    fresh.close()
    db = Database.open(data_dir / "strongstride.sqlite")
    first = backup.daily_backup(db, today=date(2026, 12, 6))
    again = backup.daily_backup(db, today=date(2026, 12, 6))
    db.close()
    assert first is not None and first.name == "daily-2026-12-06.sqlite"
    assert again is None


def test_rolling_keeps_seven_dailies_plus_the_newest_of_each_month(db):
    start = datetime(2026, 6, 1, 9, 0)
    for day in range(120):
        make_backup(db.path, "daily", now=start + timedelta(days=day))
    names = sorted(p.name for p in backups(db.path))
    last_seven = [f"daily-{start + timedelta(days=d):%Y-%m-%d}.sqlite" for d in range(113, 120)]
    assert set(last_seven) <= set(names)
    monthly = {"daily-2026-06-30.sqlite", "daily-2026-07-31.sqlite", "daily-2026-08-31.sqlite"}
    assert monthly <= set(names)
    assert len(names) == 7 + len(monthly)  # September's newest is one of the seven


def test_backups_before_imports_keep_only_the_last_three(db):
    for minute in range(5):
        make_backup(db.path, "before-import", now=datetime(2026, 12, 6, 10, minute))
    kept = sorted(p.name for p in backups(db.path))
    assert kept == [f"before-import-20261206-10{m:02}00.sqlite" for m in (2, 3, 4)]
    assert prune(db.path.parent / "backups") == []


def test_a_folder_import_is_preceded_by_a_backup_and_a_single_file_is_not(data_dir, tmp_path):
    assert run_cli("--data-dir", str(data_dir), "race", "list").returncode == 0
    one = run_cli("--data-dir", str(data_dir), "import", str(FIT_FIXTURES / "walk_venu_hr_gps.fit"))
    assert one.returncode == 0, one.stderr
    assert not list((data_dir / "backups").glob("before-import-*"))
    folder = tmp_path / "runs"
    folder.mkdir()
    shutil.copy(FIT_FIXTURES / "run_fenix5_hr_gps_1min.fit", folder)
    bulk = run_cli("--data-dir", str(data_dir), "import", str(folder))
    assert bulk.returncode == 0, bulk.stderr
    (before,) = (data_dir / "backups").glob("before-import-*")
    with sqlite3.connect(before) as conn:  # the state before the folder came in
        assert conn.execute("SELECT count(*) FROM activity").fetchone() == (1,)
    again = run_cli("--data-dir", str(data_dir), "import", str(folder))  # nothing new in it
    assert again.returncode == 0, again.stderr
    assert list((data_dir / "backups").glob("before-import-*")) == [before]


def test_strongstride_backup_to_a_file_then_restore_brings_the_data_back(data_dir, tmp_path):
    d = str(data_dir)
    assert run_cli("--data-dir", d, "race", "add", "--date", "2027-04-11", "--name", "Kept",
                   "--distance-km", "10").returncode == 0  # fmt: skip
    copy = tmp_path / "copy.sqlite"
    made = run_cli("--data-dir", d, "backup", "--to", str(copy), "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout) == {"backup": str(copy)}
    assert run_cli("--data-dir", d, "race", "remove", "1").returncode == 0
    restored = run_cli("--data-dir", d, "restore", str(copy), "--json")
    assert restored.returncode == 0, restored.stderr
    doc = json.loads(restored.stdout)
    assert _races(data_dir / "strongstride.sqlite") == ["Kept"]
    assert _races(Path(doc["previous"])) == []  # the data as it was before the restore
    again = run_cli("--data-dir", d, "backup", "--to", str(copy))
    assert again.returncode == 2 and "already exists" in again.stderr


def _not_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite"
    path.write_text("my training notes\n" * 50)
    return path


def _newer(tmp_path: Path) -> Path:
    path = tmp_path / "newer.sqlite"
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe'")
    return path


def _other_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text)")
    return path


def _damaged(tmp_path: Path) -> Path:
    from tests.data_safety.test_database_guard import _database_with_races, damage

    path = tmp_path / "damaged.sqlite"
    _database_with_races(path)
    damage(path)
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (_not_sqlite, "not an SQLite file"),
        (_newer, "newer StrongStride"),
        (_other_sqlite, "not a StrongStride database"),
        (_damaged, "damaged"),
        (lambda tmp: tmp / "missing.sqlite", "no such file"),
    ],
    ids=["not-sqlite", "newer-schema", "other-sqlite", "damaged", "missing"],
)
def test_restore_refuses_a_bad_file_and_changes_nothing(data_dir, tmp_path, make, says):
    d = str(data_dir)
    assert run_cli("--data-dir", d, "race", "add", "--date", "2027-04-11", "--name", "Mine",
                   "--distance-km", "10").returncode == 0  # fmt: skip
    before = (data_dir / "strongstride.sqlite").read_bytes()
    bad = make(tmp_path)
    result = run_cli("--data-dir", d, "restore", str(bad))
    assert result.returncode == 2
    assert says in result.stderr and str(bad) in result.stderr
    assert result.stderr.count("\n") == 1
    assert (data_dir / "strongstride.sqlite").read_bytes() == before
    assert not list((data_dir / "backups").glob("before-restore-*"))
    count_cases("bad backup files refused by restore")


def test_restore_while_a_window_is_open_is_refused(data_dir, tmp_path):
    from operations.window_lock import take_window_lock

    d = str(data_dir)
    copy = tmp_path / "copy.sqlite"
    assert run_cli("--data-dir", d, "backup", "--to", str(copy)).returncode == 0
    lock = take_window_lock(data_dir)
    try:
        result = run_cli("--data-dir", d, "restore", str(copy))
    finally:
        lock.release()
    assert result.returncode == 2
    assert "already open" in result.stderr and "close it before you restore" in result.stderr


def test_restore_into_an_open_database_is_seen_by_its_other_connections(db, tmp_path):
    copy = backup.back_up_now(db, to=tmp_path / "copy.sqlite")
    _add_race(db, "Added after the backup")
    done = backup.restore(db, source=copy)
    with db.session() as s:
        names = [r.name for r in s.query(Race).all()]
    assert names == ["Spring 10K"]
    assert done.activities == 0 and done.previous.name.startswith("before-restore-")
    with pytest.raises(BackupError):
        backup.restore(db, source=db.path)


def test_a_database_damaged_while_open_is_not_copied_into_a_backup(data_dir):
    from store import StoreError
    from tests.data_safety.test_database_guard import _database_with_races, damage

    path = data_dir / "strongstride.sqlite"
    _database_with_races(path)
    db = Database.open(path)
    damage(path)
    try:
        with pytest.raises(StoreError) as err:
            backup.back_up_now(db)
    finally:
        db.close()
    assert err.value.damaged and str(path) in str(err.value)
    assert list((data_dir / "backups").iterdir()) == []  # no copy, no partial file
