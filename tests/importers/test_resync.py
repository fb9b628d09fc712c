"""A re-sync that finds nothing new loads neither the FIT decoders nor NumPy, and the command
line answers it without SQLAlchemy, with the report a full import would give."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from importers.pipeline import run_import
from operations import imports
from store import Database, StoreError
from store.known_files import read_known_files
from tests.cli.process import loaded_by, run_cli
from tests.conftest import FIT_FIXTURES
from tests.data_safety.test_database_guard import damage
from tests.importers.fit_variants import shift_fit

HEAVY = ("numpy", "fitfast", "fitdecode", "importers.fit")


def test_a_resync_of_known_files_loads_no_decoder_and_no_numpy(tmp_path):
    folder = tmp_path / "runs"
    folder.mkdir()
    data = (FIT_FIXTURES / "run_fenix5_hr_gps_1min.fit").read_bytes()
    for i in range(5):
        (folder / f"{i}.fit").write_bytes(shift_fit(data, 86400 * (i + 1)))
    (folder / "empty.fit").write_bytes(b"")  # a failed file is not read again either
    db = Database.open(tmp_path / "db.sqlite")
    try:
        assert run_import(db, [folder]).activities == 5
    finally:
        db.close()
    script = textwrap.dedent(
        f"""
        import json, sys
        from importers.pipeline import run_import
        from store import Database
        db = Database.open({str(tmp_path / "db.sqlite")!r})
        report = run_import(db, [{str(folder)!r}])
        db.close()
        print(json.dumps([report.unchanged, len(report.failed_before),
                          [m for m in {HEAVY!r} if m in sys.modules]]))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    unchanged, failed_before, loaded = json.loads(out.stdout)
    assert (unchanged, failed_before) == (5, 1)
    assert loaded == []


def _folder_of_known_files(tmp_path: Path) -> tuple[Path, Path]:
    """A folder a runner syncs again: runs, a zip, a file that failed, one not FIT at all."""
    folder = tmp_path / "runs"
    (folder / "older").mkdir(parents=True)
    data = (FIT_FIXTURES / "run_fenix5_hr_gps_1min.fit").read_bytes()
    for i in range(4):
        (folder / f"{i}.fit").write_bytes(shift_fit(data, 86400 * (i + 1)))
    with zipfile.ZipFile(folder / "older" / "export.zip", "w") as zf:
        zf.writestr("a/run.fit", shift_fit(data, 86400 * 30))
    (folder / "empty.fit").write_bytes(b"")
    (folder / "notes.txt").write_text("splits")
    shutil.copy(FIT_FIXTURES / "settings_edge510.fit", folder)
    database = tmp_path / "data" / "strongstride.sqlite"
    database.parent.mkdir()
    db = Database.open(database)
    try:
        assert run_import(db, [folder]).activities == 5
    finally:
        db.close()
    return folder, database


def test_the_quick_resync_report_is_the_report_a_full_import_gives(tmp_path):
    folder, database = _folder_of_known_files(tmp_path)
    quick = imports.resync_report(database=database, paths=[folder])
    db = Database.open(database)
    try:
        full = run_import(db, [folder])
    finally:
        db.close()
    assert quick is not None
    assert quick.to_json() == full.to_json()
    # five runs and a settings file known, the empty file failed before
    assert quick.unchanged == 6 and len(quick.failed_before) == 1


def test_a_new_or_changed_file_sends_the_import_the_long_way(tmp_path):
    folder, database = _folder_of_known_files(tmp_path)
    (folder / "0.fit").touch()  # same bytes, new time: it is looked at again
    assert imports.resync_report(database=database, paths=[folder]) is None
    folder2, database2 = _folder_of_known_files(tmp_path / "second")
    data = (FIT_FIXTURES / "run_vivoactive4s_hr_gps.fit").read_bytes()
    (folder2 / "older" / "new.fit").write_bytes(data)
    assert imports.resync_report(database=database2, paths=[folder2]) is None


def test_a_missing_or_older_database_is_left_to_the_full_import(tmp_path):
    folder, database = _folder_of_known_files(tmp_path)
    assert imports.resync_report(database=tmp_path / "none.sqlite", paths=[folder]) is None
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'older'")
    conn.close()
    assert read_known_files(database) is None


def test_a_damaged_database_is_refused_by_the_quick_path_as_by_the_full_one(tmp_path):
    folder, database = _folder_of_known_files(tmp_path)
    damage(database)
    with pytest.raises(StoreError) as quick:
        imports.resync_report(database=database, paths=[folder])
    with pytest.raises(StoreError) as full:
        Database.open(database)
    assert quick.value.damaged and str(quick.value) == str(full.value)


def test_the_resync_command_loads_neither_sqlalchemy_numpy_nor_a_decoder(tmp_path):
    folder, database = _folder_of_known_files(tmp_path)
    args = ("--data-dir", str(database.parent), "import", str(folder))
    loaded = loaded_by(tmp_path, *args)
    assert "importers" in loaded and "store" in loaded  # the probe saw the command run
    assert loaded & {"sqlalchemy", "alembic", "numpy", "fitfast", "fitdecode"} == set()
    out = run_cli(*args, "--json")
    assert json.loads(out.stdout)["unchanged"] == 6
    # a new file: the same command imports it, through the database as always
    (folder / "new.fit").write_bytes((FIT_FIXTURES / "run_vivoactive4s_hr_gps.fit").read_bytes())
    out = run_cli(*args, "--json")
    assert json.loads(out.stdout)["activities_added"] == 1
