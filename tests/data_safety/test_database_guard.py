"""The database file is guarded: a damaged one is never written to, and every failure of the
disk (full, read-only, busy) is one line that says what and where, never a guess."""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy.event

import store.db
from store import Database, StoreError
from store.models import Race
from tests.cli.process import REPO, run_cli
from tests.data_safety.conftest import count_cases, integrity

PAGE = 4096


def _database_with_races(path: Path, n: int = 400) -> None:
    db = Database.open(path)
    with db.session() as s:
        for i in range(n):
            s.add(
                Race(
                    day=date(2027, 1, 1),
                    name=f"Race {i} " + "x" * 200,
                    distance_km=10,
                    priority="C",
                )
            )
    db.close()


def damage(path: Path) -> None:
    """Overwrite two pages in the middle of the file: the header stays valid."""
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as fh:
        fh.seek(PAGE * (pages // 2))
        fh.write(b"\xff" * PAGE * 2)


def _companions(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


@pytest.fixture
def damaged_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "strongstride.sqlite"
    _database_with_races(path)
    assert run_cli("--data-dir", str(folder), "backup").returncode == 0
    damage(path)
    return folder


def test_a_damaged_database_is_refused_naming_the_file_and_its_latest_backup(damaged_folder):
    path = damaged_folder / "strongstride.sqlite"
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Database.open(path)
    message = str(err.value)
    assert err.value.damaged
    assert str(path) in message and "damaged" in message
    assert "strongstride restore" in message and err.value.backup.name in message
    assert "\n" not in message
    assert path.read_bytes() == before
    assert _companions(path) == []


def test_an_import_into_a_damaged_database_stores_nothing_and_exits_2(damaged_folder, tmp_path):
    from tests.conftest import FIT_FIXTURES

    path = damaged_folder / "strongstride.sqlite"
    before = path.read_bytes()
    result = run_cli(
        "--data-dir",
        str(damaged_folder),
        "import",
        str(FIT_FIXTURES / "run_fenix5_hr_gps_1min.fit"),
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr
    assert path.read_bytes() == before
    assert _companions(path) == []


def test_restore_puts_the_latest_backup_in_place_of_a_damaged_database_and_keeps_it(
    damaged_folder,
):
    path = damaged_folder / "strongstride.sqlite"
    damaged_bytes = path.read_bytes()
    backup = next((damaged_folder / "backups").glob("manual-*.sqlite"))
    result = run_cli("--data-dir", str(damaged_folder), "restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert integrity(path) == "ok"
    listed = run_cli("--data-dir", str(damaged_folder), "race", "list", "--json")
    assert listed.returncode == 0 and listed.stdout.count('"name"') == 400
    moved = list((damaged_folder / "backups").glob("damaged-*.sqlite"))
    assert len(moved) == 1 and moved[0].read_bytes() == damaged_bytes


def test_a_missing_module_while_opening_is_reported_as_missing_not_as_a_damaged_database(
    tmp_path,
):
    folder = tmp_path / "data"
    folder.mkdir()
    # Alembic is only loaded to create a schema: block it as a broken install would.
    code = (
        "import sys; sys.modules['alembic'] = None; from cli import main; "
        f"sys.exit(main(['--data-dir', {str(folder)!r}, 'race', 'list']))"
    )
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1
    assert "missing" in result.stderr and "alembic" in result.stderr
    assert "damaged" not in result.stderr and "restore" not in result.stderr


def test_a_full_disk_is_one_line_naming_the_file_and_loses_nothing_saved(
    tmp_path, tiny_disk, monkeypatch
):
    folder = tiny_disk or tmp_path
    path = folder / "strongstride.sqlite"
    db = Database.open(path)
    if tiny_disk is None:  # no mount allowed: SQLite's own page limit plays the full disk

        @sqlalchemy.event.listens_for(db.engine, "connect")
        def _small(dbapi_conn, _record):
            dbapi_conn.execute("PRAGMA max_page_count = 64")

        db.engine.dispose()
    with db.session() as s:
        s.add(Race(day=date(2027, 4, 11), name="Kept", distance_km=10, priority="A"))
    with pytest.raises(StoreError) as err:
        for _ in range(2000):
            with db.session() as s:
                s.add_all(
                    Race(day=date(2027, 5, 1), name="y" * 2000, distance_km=5, priority="C")
                    for _ in range(10)
                )
    db.close()
    message = str(err.value)
    assert err.value.kind == "full"
    assert str(path) in message and "disk is full" in message
    assert "restore" not in message and "damaged" not in message
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM race ORDER BY id LIMIT 1").fetchone() == ("Kept",)
    finally:
        conn.close()
    count_cases("disk-full writes refused in one line (tmpfs or page limit)")


def test_a_command_on_a_full_disk_exits_2_with_one_line(tmp_path, tiny_disk):
    if tiny_disk is None:
        pytest.skip("needs a real 1 MB disk (tmpfs mount)")
    assert run_cli("--data-dir", str(tiny_disk), "race", "list").returncode == 0
    filler = tiny_disk / "filler"
    with filler.open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass
    result = run_cli(
        "--data-dir", str(tiny_disk), "race", "add", "--date", "2027-04-11",
        "--name", "Spring 10K", "--distance-km", "10",
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert str(tiny_disk) in result.stderr
    assert "full" in result.stderr or "not writable" in result.stderr
    assert "restore" not in result.stderr


def test_a_read_only_database_is_one_line_saying_so_without_restore(tmp_path, read_only):
    folder = tmp_path / "data"
    folder.mkdir()
    _database_with_races(folder / "strongstride.sqlite", n=3)
    read_only(folder)
    result = run_cli("--data-dir", str(folder), "race", "add", "--date", "2027-04-11",
                     "--name", "Spring 10K", "--distance-km", "10")  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert str(folder) in result.stderr
    assert "writable" in result.stderr or "read-only" in result.stderr
    assert "restore" not in result.stderr and "damaged" not in result.stderr


def test_a_read_only_file_in_a_writable_folder_is_one_line_saying_so(tmp_path):
    if os.name == "posix" and os.geteuid() == 0:
        pytest.skip("root writes to a 0444 file; the read-only mount test covers root")
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "strongstride.sqlite"
    _database_with_races(path, n=3)
    path.chmod(0o444)
    try:
        result = run_cli("--data-dir", str(folder), "race", "add", "--date", "2027-04-11",
                         "--name", "Spring 10K", "--distance-km", "10")  # fmt: skip
    finally:
        path.chmod(0o600)
    assert result.returncode == 2
    assert str(path) in result.stderr and "read-only" in result.stderr
    assert "restore" not in result.stderr


def test_a_database_held_by_another_writer_is_reported_busy_not_damaged(tmp_path, monkeypatch):
    path = tmp_path / "strongstride.sqlite"
    _database_with_races(path, n=1)
    monkeypatch.setattr(store.db, "BUSY_TIMEOUT_S", 0.3)
    holder = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    db = Database.open(path)
    try:
        with pytest.raises(StoreError) as err, db.session() as s:
            s.add(Race(day=date(2027, 4, 11), name="Blocked", distance_km=10, priority="A"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert err.value.kind == "locked"
    assert str(path) in str(err.value) and "busy" in str(err.value)
    assert "restore" not in str(err.value)
    with db.session() as s:  # the file itself is fine: the next write goes through
        s.add(Race(day=date(2027, 4, 11), name="Later", distance_km=10, priority="A"))
    db.close()
