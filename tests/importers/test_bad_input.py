"""Bad files next to good ones: a clear reason each, the good ones imported, the database sane."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from importers import sources
from importers.pipeline import run_import
from importers.sources import Archives, Candidate, Rejected, ZipLimits, walk
from store import activities as store
from store.models import Activity, ImportedFile
from tests.conftest import FIT_FIXTURES

GOOD = "run_fenix5_hr_gps_1min.fit"


def _problems(report) -> dict[str, str]:
    out = {Path(p.path.split("::")[-1]).name: p.reason for p in report.failed}
    out.update({Path(p.path.split("::")[-1]).name: p.reason for p in report.skipped})
    return out


@pytest.mark.parametrize(
    ("name", "outcome", "reason"),
    [
        ("empty_zero_bytes.fit", "failed", "empty file (0 bytes)"),
        ("notfit_macos_appledouble_resource_fork.fit", "failed", "not a FIT file"),
        ("corrupt_chained_second_file_header_only.fit", "imported", "truncated"),
        ("corrupt_truncated_eof.fit", "partial", "truncated"),
        ("corrupt_truncated_midfile_run_vivoactive4s.fit", "partial", "truncated"),
        ("corrupt_bad_crc.fit", "imported", "checksum mismatch"),
        ("run_coros_pace_pro_hr_gps_fieldsize1_uint32.fit", "imported", None),
        ("corrupt_run_strava_android_undefined_local_mesg.fit", "partial", "local message 11"),
        ("corrupt_chained_second_file_bad_header.fit", "imported", "not a FIT file"),
    ],
)
def test_each_bad_fixture_gets_a_clear_outcome_and_the_good_file_still_imports(
    db, copy_fixtures, name, outcome, reason
):
    report = run_import(db, [copy_fixtures(GOOD, name)])
    assert any(p.endswith(GOOD) for p in report.imported)
    problems = _problems(report)
    warnings = " ".join(w.reason for w in report.warnings if w.path.endswith(name))
    if outcome == "failed":
        assert reason in problems[name]
    else:
        assert name not in problems
        assert any(p.endswith(name) for p in report.imported)
        assert any(p.endswith(name) for p in report.partial) == (outcome == "partial")
        if reason:
            assert reason in warnings
    with db.session() as s:
        statuses = {Path(f.path).name: f.status for f in s.scalars(select(ImportedFile))}
    assert statuses[GOOD] == "imported"
    assert statuses[name] == outcome


def test_wrong_file_type_renamed_fit_fails_with_a_reason(db, tmp_path, copy_fixtures):
    folder = copy_fixtures(GOOD)
    (folder / "photo.fit").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 500)  # a JPEG
    report = run_import(db, [folder])
    assert "not a FIT file" in _problems(report)["photo.fit"]
    assert report.activities == 1


def test_unreadable_files_are_reported_and_the_rest_imported(db, copy_fixtures):
    folder = copy_fixtures(GOOD)
    (folder / "gone.fit").symlink_to(folder / "deleted-meanwhile.fit")
    locked = folder / "locked.fit"
    locked.write_bytes((FIT_FIXTURES / "walk_venu_hr_gps.fit").read_bytes())
    locked.chmod(0)
    report = run_import(db, [folder, folder / "missing.fit"])
    problems = {Path(p.path).name: p.reason for p in report.failed}
    assert "cannot read" in problems["gone.fit"]
    assert "cannot open" in problems["missing.fit"]
    if os.geteuid() != 0:  # root reads anything
        assert "cannot read" in problems["locked.fit"]
    assert any(p.endswith(GOOD) for p in report.imported)


def test_a_zip_bomb_is_refused_without_unpacking_it(db, tmp_path, copy_fixtures):
    folder = copy_fixtures(GOOD)
    with zipfile.ZipFile(folder / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("huge.fit", b"\x00" * (200 * 1024 * 1024))  # 200 MB of zeros, ~200 KB
    assert (folder / "bomb.zip").stat().st_size < 1024 * 1024
    report = run_import(db, [folder])
    (problem,) = report.failed
    assert problem.path.endswith("bomb.zip::huge.fit")
    assert "too large" in problem.reason or "ratio" in problem.reason
    assert report.activities == 1


def test_members_over_the_size_limit_are_refused_when_listed_and_when_read(tmp_path):
    path = tmp_path / "liar.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.fit", b"x" * 5000)
    with zipfile.ZipFile(path) as zf, pytest.raises(ValueError, match="larger than"):
        sources._read_member(zf, zf.getinfo("a.fit"), 1000)
    (item,) = list(walk([path], limits=ZipLimits(max_member_bytes=1000, max_ratio=1e9)))
    assert isinstance(item, Rejected) and "too large" in item.reason


def test_zip_paths_escaping_the_archive_are_refused(db, tmp_path, copy_fixtures):
    folder = copy_fixtures(GOOD)
    good = (FIT_FIXTURES / "walk_venu_hr_gps.fit").read_bytes()
    with zipfile.ZipFile(folder / "evil.zip", "w") as zf:
        zf.writestr("../../outside.fit", good)
        zf.writestr("/etc/abs.fit", good)
        zf.writestr("fine/walk.fit", good)
    report = run_import(db, [folder])
    reasons = {p.path.split("::")[-1]: p.reason for p in report.failed}
    assert "unsafe path" in reasons["../../outside.fit"]
    assert "unsafe path" in reasons["/etc/abs.fit"]
    assert report.activities == 2  # the good file and the zip's walk
    assert not (tmp_path / "outside.fit").exists()


def test_zips_nested_too_deep_and_with_too_many_members_are_refused(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("a.fit", b"x")
    level = inner.getvalue()
    for depth in range(4):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr(f"level{depth}.zip", level)
        level = buf.getvalue()
    (tmp_path / "deep.zip").write_bytes(level)
    items = list(walk([tmp_path / "deep.zip"]))
    assert any(isinstance(i, Rejected) and "nested deeper" in i.reason for i in items)
    with zipfile.ZipFile(tmp_path / "many.zip", "w") as zf:
        for i in range(20):
            zf.writestr(f"{i}.fit", b"x")
    (item,) = list(walk([tmp_path / "many.zip"], limits=ZipLimits(max_members=10)))
    assert isinstance(item, Rejected) and "members" in item.reason


@pytest.mark.slow
def test_a_folder_with_ten_thousand_files_imports_with_a_reason_for_each_bad_one(db, tmp_path):
    from tests.importers.fit_variants import shift_fit

    folder = tmp_path / "10k"
    folder.mkdir()
    tiny = (FIT_FIXTURES / "chained_activity_then_settings.fit").read_bytes()
    for i in range(10_000):
        target = folder / f"{i:05}.fit"
        if i % 1000 == 999:
            target.write_bytes(b"")  # ten empty files
        else:
            target.write_bytes(shift_fit(tiny, 3600 * (i + 1)))
    report = run_import(db, [folder], workers=2)
    assert len(report.failed) == 10
    assert all(p.reason == "empty file (0 bytes)" for p in report.failed)
    assert report.activities == 9_990
    with db.session() as s:
        counts = store.count_rows(s)
        assert counts["activity"] == 9_990 and counts["imported_file"] == 10_000
        assert s.scalar(select(Activity.id).where(Activity.file_id.is_(None))) is None
    again = run_import(db, [folder], workers=2)
    assert again.unchanged == 9_990 and again.activities == 0 and not again.failed
    assert len(again.failed_before) == 10  # failed files are not read again until they change


def test_walk_finds_fit_gz_and_nested_garmin_export_zips(tmp_path):
    import gzip

    data = (FIT_FIXTURES / GOOD).read_bytes()
    (tmp_path / "a.fit.gz").write_bytes(gzip.compress(data))
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("12345_ACTIVITY.fit", data)
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as zf:
        zf.writestr(
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner.getvalue()
        )
        zf.writestr("DI_CONNECT/DI-Connect-Fitness/summary.json", b"{}")
    (tmp_path / "notes.txt").write_text("not a candidate")
    items = list(walk([tmp_path]))
    assert all(isinstance(i, Candidate) for i in items)
    assert sorted(i.kind for i in items) == ["fit.gz", "zip-member"]
    member = next(i for i in items if i.kind == "zip-member")
    assert member.path.endswith("Part1.zip::12345_ACTIVITY.fit") and member.data is None
    archives = Archives()
    try:
        assert archives.read(member) == data  # read only when about to be decoded
    finally:
        archives.close()


def test_a_garmin_export_zip_imports_and_resyncs_without_reading_again(db, tmp_path):
    data = (FIT_FIXTURES / GOOD).read_bytes()
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("1_ACTIVITY.fit", data)
        zf.writestr("2_ACTIVITY.fit", (FIT_FIXTURES / "walk_venu_hr_gps.fit").read_bytes())
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as zf:
        zf.writestr(
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner.getvalue()
        )
    first = run_import(db, [tmp_path / "export.zip"])
    assert first.activities == 2 and not first.failed
    with db.session() as s:
        assert {f.source for f in s.scalars(select(ImportedFile))} == {"garmin_export"}
    again = run_import(db, [tmp_path / "export.zip"])
    assert again.unchanged == 2 and again.activities == 0


def test_a_file_that_is_only_a_fit_header_fails_with_a_reason(db, copy_fixtures):
    folder = copy_fixtures(GOOD)
    real = (FIT_FIXTURES / "run_vivoactive4s_hr_gps.fit").read_bytes()
    (folder / "header_only.fit").write_bytes(real[: real[0]])  # the real file's own header
    report = run_import(db, [folder])
    assert _problems(report)["header_only.fit"] == "FIT header only, no data"
    assert report.activities == 1
