"""Watch discovery on a fake mount root, copy-then-import, and the messages when none is found."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from importers.pipeline import run_import
from importers.watch import (
    MTP_HELP,
    WatchNotFound,
    candidate_roots,
    copy_new_files,
    find_watches,
    sync_watch,
)
from tests.conftest import FIT_FIXTURES

FILES = ["run_fenix5_hr_gps_1min.fit", "walk_venu_hr_gps.fit"]


def _fake_watch(root: Path, layout: str = "GARMIN/Activity") -> Path:
    activity = root / layout
    activity.mkdir(parents=True)
    for name in FILES:
        shutil.copy2(FIT_FIXTURES / name, activity / name.upper())
    (root / "GARMIN" / "GarminDevice.xml").write_text(
        "<Device><Model><Description>Forerunner 965</Description></Model></Device>"
    )
    return root


def _drain(gen):
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


def test_a_watch_laid_out_like_garmin_is_found_under_a_fake_mount_root(tmp_path):
    media = tmp_path / "media" / "runner"
    _fake_watch(media / "GARMIN_WATCH")
    (media / "USB_STICK").mkdir()
    (watch,) = find_watches([media / "GARMIN_WATCH", media / "USB_STICK"])
    assert watch.name == "Forerunner 965"
    assert watch.activity_dir == media / "GARMIN_WATCH" / "GARMIN" / "Activity"


def test_older_garmin_activities_layout_is_found_too(tmp_path):
    root = tmp_path / "OLD"
    (root / "Garmin" / "Activities").mkdir(parents=True)
    (watch,) = find_watches([root])
    assert watch.activity_dir.name == "Activities"


def test_mount_roots_per_platform_include_media_run_media_gvfs_volumes_and_drives(monkeypatch):
    roots_seen = []

    def children(folder):
        roots_seen.append(str(folder))
        return []

    monkeypatch.setattr("importers.watch._children", children)
    candidate_roots(platform="linux", env={"USER": "ann", "UID": "1000"})
    assert "/media/ann" in roots_seen and "/run/media/ann" in roots_seen
    assert "/run/user/1000/gvfs" in roots_seen
    candidate_roots(platform="darwin", env={})
    assert "/Volumes" in roots_seen
    win = candidate_roots(platform="win32", env={})
    assert Path("E:\\") in win and Path("C:\\") not in win


def test_sync_copies_new_files_into_the_data_folder_then_imports_the_copies(db, tmp_path):
    mount = _fake_watch(tmp_path / "mnt" / "WATCH")
    data_dir = tmp_path / "data"
    report = _drain(sync_watch(db, data_dir, mount=mount, workers=1))
    copies = sorted(p.name for p in (data_dir / "watch" / "Forerunner 965").iterdir())
    assert copies == sorted(n.upper() for n in FILES)
    assert report.activities == 2
    assert all(str(data_dir) in p for p in report.imported)
    # Unplugged afterwards: the copies are what the database knows.
    shutil.rmtree(mount)
    again = run_import(db, [data_dir / "watch"])
    assert again.unchanged == 2 and again.activities == 0


def test_a_second_sync_copies_and_imports_nothing_new(db, tmp_path):
    mount = _fake_watch(tmp_path / "WATCH")
    data_dir = tmp_path / "data"
    _drain(sync_watch(db, data_dir, mount=mount, workers=1))
    (watch,) = find_watches([mount])
    _, copied = copy_new_files(watch, data_dir)
    assert copied == []
    report = _drain(sync_watch(db, data_dir, mount=mount, workers=1))
    assert report.activities == 0 and report.unchanged == 2


def test_a_mount_without_an_activity_folder_says_what_to_do(db, tmp_path):
    with pytest.raises(WatchNotFound, match="GARMIN/Activity"):
        _drain(sync_watch(db, tmp_path, mount=tmp_path))


def test_an_mtp_only_watch_gets_instructions_not_a_silent_no_op(db, tmp_path, monkeypatch):
    gvfs_watch = tmp_path / "run" / "user" / "1000" / "gvfs" / "mtp:host=Garmin_fenix_7"
    (gvfs_watch / "Internal Storage").mkdir(parents=True)
    monkeypatch.setattr(
        "importers.watch.candidate_roots",
        lambda **kw: [gvfs_watch, gvfs_watch / "Internal Storage"],
    )
    with pytest.raises(WatchNotFound) as err:
        _drain(sync_watch(db, tmp_path / "data"))
    assert str(err.value) == MTP_HELP
    assert "strongstride import FOLDER" in MTP_HELP


def test_sync_also_copies_settings_and_monitoring_files_for_profile_suggestions(db, tmp_path):
    mount = _fake_watch(tmp_path / "WATCH")
    (mount / "GARMIN" / "Settings").mkdir()
    shutil.copy2(FIT_FIXTURES / "settings_edge510.fit", mount / "GARMIN" / "Settings" / "S.FIT")
    (mount / "GARMIN" / "Monitor").mkdir()
    shutil.copy2(FIT_FIXTURES / "monitoring_vivofit.fit", mount / "GARMIN" / "Monitor" / "M.FIT")
    report = _drain(sync_watch(db, tmp_path / "data", mount=mount, workers=1))
    assert report.activities == 2
    assert sorted(p.reason for p in report.skipped) == [
        "not an activity (monitoring_b file)",
        "not an activity (settings file)",
    ]
    assert report.profile is not None and report.profile.hr_max in (185, 197)
    assert (tmp_path / "data" / "watch" / "Forerunner 965" / "Settings" / "S.FIT").is_file()
