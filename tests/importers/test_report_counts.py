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
