"""The import report counts what is stored, also when a later file replaces an earlier one."""

from __future__ import annotations

from importers.pipeline import run_import
from store import activities as store
from tests.conftest import FIT_FIXTURES


def test_a_complete_copy_replacing_a_cut_short_one_is_counted_once(db, copy_fixtures):
    # The cut-short copy sorts first and is imported first; the complete one then replaces it.
    folder = copy_fixtures(
        "corrupt_truncated_midfile_run_vivoactive4s.fit", "run_vivoactive4s_hr_gps.fit"
    )
    report = run_import(db, [folder], workers=1)
    with db.session() as s:
        stored = [a["id"] for a in store.list_activities(s)]
    assert report.activities == len(stored) == 1
    assert report.activity_ids == stored


def test_the_whole_fixture_folder_reports_exactly_the_activities_stored(db):
    report = run_import(db, [FIT_FIXTURES])
    with db.session() as s:
        stored = sorted(a["id"] for a in store.list_activities(s))
    assert report.activities == len(stored)
    assert sorted(report.activity_ids) == stored


def test_a_pool_that_breaks_between_two_submits_loses_no_file(db, tmp_path, monkeypatch):
    """A worker can die after the last wait and before the next submit; the file being
    submitted then goes to the fresh pool, and every file ends imported or reported."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from tests.importers.fit_variants import shift_fit

    submits = {"n": 0}

    class BreaksOnce(ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            submits["n"] += 1
            if submits["n"] == 5:
                raise BrokenProcessPool("a child process terminated abruptly")
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr("importers.pipeline.ProcessPoolExecutor", BreaksOnce)
    folder = tmp_path / "many"
    folder.mkdir()
    data = (FIT_FIXTURES / "run_fenix5_hr_gps_1min.fit").read_bytes()
    for i in range(30):
        (folder / f"{i:03}.fit").write_bytes(shift_fit(data, 86400 * (i + 1)))
    report = run_import(db, [folder], workers=2)
    assert len(report.imported) + len(report.failed) == 30
    assert all("decoder crashed" in p.reason for p in report.failed)
    with db.session() as s:
        assert len(store.list_activities(s)) == report.activities == len(report.imported)
