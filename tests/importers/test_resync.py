"""A re-sync that finds nothing new loads neither the FIT decoders nor NumPy."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from importers.pipeline import run_import
from store import Database
from tests.conftest import FIT_FIXTURES
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
