"""Importing into a real SQLite file: once, completely, with duplicates recognised."""

from __future__ import annotations

import dataclasses
import shutil
import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from importers.pipeline import import_files, run_import
from importers.records import ActivityRecord
from store import activities as store
from store.models import Activity, ActivityAlias, HrBin, ImportedFile, StrengthSet
from tests.conftest import FIT_FIXTURES

RUNS = [
    "run_vivoactive4s_hr_gps.fit",
    "run_fenix5_hr_gps_1min.fit",
    "run_forerunner645m_gps_no_hr.fit",
    "strength_forerunner965_sets.fit",
]


def _counts(db) -> dict[str, int]:
    with db.session() as s:
        return store.count_rows(s)


def test_first_import_stores_activities_hr_bins_and_strength_sets(db, copy_fixtures):
    folder = copy_fixtures(*RUNS)
    report = run_import(db, [folder])
    assert len(report.imported) == 4 and report.activities == 4 and not report.failed
    with db.session() as s:
        acts = s.scalars(select(Activity).order_by(Activity.start_utc)).all()
        assert {a.sport for a in acts} == {"running", "strength"}
        assert all(a.load is None for a in acts)  # the planner fills load
        assert s.scalar(select(HrBin.seconds).limit(1)) > 0
        assert len(s.scalars(select(StrengthSet)).all()) == 14
        files = s.scalars(select(ImportedFile)).all()
        assert {f.status for f in files} == {"imported"}
        assert all(len(f.sha256) == 64 for f in files)


def test_second_import_adds_nothing_and_reads_no_file(db, copy_fixtures, monkeypatch):
    folder = copy_fixtures(*RUNS)
    run_import(db, [folder])
    before = _counts(db)

    def must_not_read(*args, **kwargs):
        raise AssertionError("a known file was read again")

    monkeypatch.setattr("importers.decode_worker.read_candidate", must_not_read)
    report = run_import(db, [folder])
    assert report.unchanged == 4 and report.activities == 0 and not report.failed
    assert _counts(db) == before


def test_a_moved_file_is_recognised_by_its_content(db, copy_fixtures, tmp_path):
    folder = copy_fixtures(*RUNS[:2])
    run_import(db, [folder])
    before = _counts(db)["activity"]
    moved = tmp_path / "elsewhere"
    shutil.move(folder, moved)
    report = run_import(db, [moved])
    assert report.activities == 0 and len(report.moved) == 2
    assert _counts(db)["activity"] == before
    again = run_import(db, [moved])
    assert again.unchanged == 2 and not again.moved


def test_the_same_file_twice_in_one_import_is_stored_once(db, copy_fixtures):
    folder = copy_fixtures(RUNS[0])
    shutil.copy2(folder / RUNS[0], folder / "copy.fit")
    report = run_import(db, [folder])
    assert report.activities == 1 and len(report.moved) == 1


def _strava_copy(start: datetime, timer_s: float, distance_m: float) -> ActivityRecord:
    return ActivityRecord(
        source="strava",
        external_id="9876543",
        sport="running",
        start_utc=start,
        timer_s=timer_s,
        distance_m=distance_m,
    )


def _insert(db, rec: ActivityRecord, hr=()) -> int:
    row = {
        f: getattr(rec, f)
        for f in [
            "source",
            "external_id",
            "sport",
            "sub_sport",
            "name",
            "start_utc",
            "utc_offset_s",
            "timer_s",
            "elapsed_s",
            "distance_m",
            "grade_adjusted_distance_m",
            "ascent_m",
            "avg_hr",
            "max_hr",
            "rpe",
            "device",
            "partial",
            "is_race",
            "series",
            "speed_histogram",
        ]
    }
    with db.session() as s:
        return store.insert_activity(s, row, hr_histogram=hr)


def test_watch_file_replaces_a_summary_only_strava_copy_and_keeps_the_link(db, copy_fixtures):
    # The watch run: 2020-12-20 10:19:53 UTC, 3154 s, 10,339.81 m. Strava's copy: 40 s later,
    # 2 % shorter, no heart-rate samples.
    start = datetime(2020, 12, 20, 10, 20, 33, tzinfo=UTC)
    strava_id = _insert(db, _strava_copy(start, 3154.4 * 0.98, 10339.81 * 1.02))
    report = run_import(db, [copy_fixtures("run_vivoactive4s_hr_gps.fit")])
    assert report.activities == 1
    with db.session() as s:
        acts = s.scalars(select(Activity)).all()
        assert [a.source for a in acts] == ["fit"]
        alias = s.scalars(select(ActivityAlias)).one()
        assert (alias.source, alias.external_id, alias.activity_id) == (
            "strava",
            "9876543",
            acts[0].id,
        )
        assert s.get(Activity, strava_id) is None
    # Strava offering it again finds the link and never imports it twice.
    with db.session() as s:
        assert store.activity_id_for(s, "strava", "9876543") == acts[0].id


def test_an_equally_rich_existing_copy_is_kept_and_the_file_becomes_an_alias(db, copy_fixtures):
    start = datetime(2020, 12, 20, 10, 19, 0, tzinfo=UTC)
    rec = dataclasses.replace(
        _strava_copy(start, 3154.4, 10339.81), series=((0.0, 140.0, 3.2), (10.0, 141.0, 3.3))
    )
    kept = _insert(db, rec, hr=[(140, 3154.0)])
    report = run_import(db, [copy_fixtures("run_vivoactive4s_hr_gps.fit")])
    assert report.activities == 0 and len(report.duplicates) == 1
    assert "same as activity" in report.duplicates[0].reason
    with db.session() as s:
        assert [a.id for a in s.scalars(select(Activity))] == [kept]
        alias = s.scalars(select(ActivityAlias)).one()
        assert alias.source == "fit" and alias.activity_id == kept
        assert s.scalars(select(ImportedFile.status)).one() == "duplicate"


def test_runs_outside_the_duplicate_window_are_different_runs(db, copy_fixtures):
    watch_start = datetime(2020, 12, 20, 10, 19, 53, tzinfo=UTC)
    _insert(db, _strava_copy(watch_start + timedelta(seconds=61), 3154.4, 10339.81))
    run_import(db, [copy_fixtures("run_vivoactive4s_hr_gps.fit")])
    assert _counts(db)["activity"] == 2
    with db.session() as s:
        near = dict(start_utc=watch_start + timedelta(seconds=30))
        assert (
            store.find_same_activity(s, timer_s=3154.4 * 1.06, distance_m=10339.81, **near) is None
        )
        assert (
            store.find_same_activity(s, timer_s=3154.4, distance_m=10339.81 * 1.06, **near) is None
        )
        assert store.find_same_activity(s, timer_s=3154.4 * 1.04, distance_m=10339.81, **near)


def test_complete_file_replaces_the_partial_copy_of_the_same_recording(db, copy_fixtures):
    folder = copy_fixtures("corrupt_truncated_midfile_run_vivoactive4s.fit")
    first = run_import(db, [folder])
    assert first.partial
    second = run_import(db, [copy_fixtures("run_vivoactive4s_hr_gps.fit", folder="full")])
    assert second.activities == 1
    with db.session() as s:
        (act,) = s.scalars(select(Activity)).all()
        assert not act.partial and act.timer_s > 3000


def test_cancel_mid_import_keeps_only_complete_activities(db, tmp_path):
    from tests.importers.fit_variants import shift_fit

    folder = tmp_path / "many"
    folder.mkdir()
    data = (FIT_FIXTURES / "multisport_triathlon_forerunner920xt_hr.fit").read_bytes()
    for i in range(30):
        (folder / f"tri_{i:02}.fit").write_bytes(shift_fit(data, 86400 * (i + 1)))
    cancel = threading.Event()
    job = import_files(db, [folder], cancel=cancel, workers=2)
    seen = 0
    try:
        while True:
            p = next(job)
            if p.total and p.done >= 7:
                cancel.set()
            seen += 1
    except StopIteration as stop:
        report = stop.value
    assert report.cancelled
    stored_files = len(report.imported)
    assert 7 <= stored_files < 30
    counts = _counts(db)
    # Every stored file is complete: five sessions each, HR bins for each, nothing else.
    assert counts["activity"] == 5 * stored_files
    with db.session() as s:
        with_bins = s.scalars(select(HrBin.activity_id).distinct()).all()
        assert len(with_bins) == 5 * stored_files
        assert len(s.scalars(select(ImportedFile)).all()) == stored_files
    # The rest comes in on the next run.
    rest = run_import(db, [folder], workers=2)
    assert rest.unchanged == stored_files and len(rest.imported) == 30 - stored_files


def test_a_decoder_crash_costs_one_file_not_the_import(db, copy_fixtures, monkeypatch):
    import importers.fit as worker

    real = worker.read_fit

    def flaky(data, **kw):
        if len(data) == (FIT_FIXTURES / RUNS[1]).stat().st_size:
            raise RuntimeError("boom")
        return real(data, **kw)

    monkeypatch.setattr(worker, "read_fit", flaky)
    report = run_import(db, [copy_fixtures(*RUNS)], workers=1)
    assert len(report.failed) == 1 and "boom" in report.failed[0].reason
    assert report.activities == 3


def test_records_without_a_file_follow_the_same_duplicate_rule(db, copy_fixtures):
    from importers.writer import store_records

    run_import(db, [copy_fixtures("run_vivoactive4s_hr_gps.fit")])
    start = datetime(2020, 12, 20, 10, 20, 13, tzinfo=UTC)
    same = _strava_copy(start, 3154.4, 10339.81)
    other = dataclasses.replace(same, external_id="1", start_utc=start + timedelta(days=1))
    added, notes = store_records(db, [same, other])
    assert len(added) == 1 and "same as activity" in notes[0]
    added_again, _ = store_records(db, [same, other])
    assert added_again == []
    with db.session() as s:
        assert store.activity_id_for(s, "strava", "9876543") is not None


def test_daily_resting_hr_from_several_monitoring_files_is_pooled(db, tmp_path):
    from tests.importers.test_fit_reader import _monitoring_file

    folder = tmp_path / "monitor"
    folder.mkdir()
    (folder / "a.fit").write_bytes(_monitoring_file([(0, 48), (1, 50)]))
    (folder / "b.fit").write_bytes(_monitoring_file([(2, 52), (3, 54), (4, 56)]))
    report = run_import(db, [folder])
    assert len(report.skipped) == 2 and report.activities == 0
    assert [v for _, v in report.profile.resting_hr_by_day] == [48, 50, 52, 54, 56]
    assert report.profile.hr_rest == 52
    assert report.to_json()["profile_suggestion"]["resting_hr_by_day"][0][1] == 48


def test_a_worker_crash_fails_only_the_file_it_held_and_the_import_goes_on(
    db, tmp_path, monkeypatch
):
    from tests.importers import crashing_decoder
    from tests.importers.fit_variants import shift_fit

    monkeypatch.setattr("importers.pipeline.decode_worker", crashing_decoder)
    folder = tmp_path / "crash"
    folder.mkdir()
    data = (FIT_FIXTURES / "run_fenix5_hr_gps_1min.fit").read_bytes()
    for i in range(60):
        (folder / f"{i:03}.fit").write_bytes(shift_fit(data, 86400 * (i + 1)))
    crash = folder / "030crash.fit"
    crash.write_bytes(shift_fit(data, 86400 * 100))
    report = run_import(db, [folder], workers=2)
    assert [p.path for p in report.failed] == [str(crash)]
    assert "decoder process stopped on this file" in report.failed[0].reason
    assert report.activities == 60
    # Unchanged, the file is not read again; changed, it is.
    again = run_import(db, [folder], workers=2)
    assert [p.path for p in again.failed_before] == [str(crash)] and not again.failed
    monkeypatch.undo()
    crash.write_bytes(shift_fit(data, 86400 * 101))
    third = run_import(db, [folder], workers=2)
    assert third.activities == 1 and not third.failed and not third.failed_before
