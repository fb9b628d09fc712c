"""Watches mounted as drives or held by gvfs: discovery, copy-then-import, and the messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from importers.devices.gvfs import GvfsAdapter, name_from_host
from importers.devices.mass_storage import DriveAdapter, candidate_roots
from importers.pipeline import run_import
from importers.watch import WatchNotFound, sync_watch
from operations.imports import drive
from tests.importers.watch_tree import garmin_tree, leftovers


def test_a_watch_laid_out_like_garmin_is_found_under_a_fake_mount_root(tmp_path):
    media = tmp_path / "media" / "runner"
    garmin_tree(media / "GARMIN_WATCH", storage="")
    (media / "USB_STICK").mkdir()
    (watch,) = DriveAdapter([media / "GARMIN_WATCH", media / "USB_STICK"]).discover()
    assert watch.name == "Forerunner 965"
    assert watch.root == media / "GARMIN_WATCH" and watch.kind == "drive"


def test_older_garmin_activities_layout_is_found_too(tmp_path):
    root = tmp_path / "OLD"
    (root / "Garmin" / "Activities").mkdir(parents=True)
    (watch,) = DriveAdapter([root]).discover()
    assert watch.name == "OLD"


def test_mount_roots_per_platform_include_media_run_media_volumes_and_drives(monkeypatch):
    roots_seen = []

    def children(folder):
        roots_seen.append(str(folder))
        return []

    monkeypatch.setattr("importers.devices.mass_storage.children", children)
    candidate_roots(platform="linux", env={"USER": "ann", "UID": "1000"})
    assert "/media/ann" in roots_seen and "/run/media/ann" in roots_seen
    candidate_roots(platform="darwin", env={})
    assert "/Volumes" in roots_seen
    win = candidate_roots(platform="win32", env={})
    assert Path("E:\\") in win and Path("C:\\") not in win


def test_sync_copies_new_files_into_the_data_folder_then_imports_the_copies(db, tmp_path):
    mount = tmp_path / "mnt" / "WATCH"
    garmin_tree(mount, storage="", profile_files=False)
    data_dir = tmp_path / "data"
    report = drive(sync_watch(db, data_dir, mount=mount, workers=1))
    copies = sorted(p.name for p in (data_dir / "watch" / "Forerunner 965").iterdir())
    assert copies == [
        "RUN_FENIX5_HR_GPS_1MIN.FIT",
        "RUN_FORERUNNER965_HR_GPS.FIT",
        "WALK_VENU_HR_GPS.FIT",
    ]
    assert report.activities == 3 and leftovers(data_dir) == []
    assert all(str(data_dir) in p for p in report.imported)
    # Unplugged afterwards: the copies are what the database knows.
    shutil.rmtree(mount)
    again = run_import(db, [data_dir / "watch"])
    assert again.unchanged == 3 and again.activities == 0


def test_a_second_sync_copies_and_imports_nothing_new(db, tmp_path):
    mount = tmp_path / "WATCH"
    garmin_tree(mount, storage="", profile_files=False)
    data_dir = tmp_path / "data"
    drive(sync_watch(db, data_dir, mount=mount, workers=1))
    copies = sorted((data_dir / "watch").rglob("*.FIT"))
    written = [p.stat().st_mtime_ns for p in copies]
    report = drive(sync_watch(db, data_dir, mount=mount, workers=1))
    assert report.activities == 0 and report.unchanged == 3
    assert [p.stat().st_mtime_ns for p in copies] == written  # not copied again


def test_a_mount_without_an_activity_folder_says_what_to_do(db, tmp_path):
    with pytest.raises(WatchNotFound, match="GARMIN/Activity"):
        drive(sync_watch(db, tmp_path, mount=tmp_path))


def test_an_mtp_watch_held_by_gvfs_is_found_named_and_synced(db, tmp_path):
    gvfs = tmp_path / "gvfs"
    mount = gvfs / "mtp:host=Garmin_Forerunner_255_0000c0ffee42"
    garmin_tree(mount, storage="Primary", model=None, profile_files=False)
    (gvfs / "smb-share:server=nas").mkdir()
    adapter = GvfsAdapter(gvfs)
    (watch,) = adapter.discover()
    assert watch.kind == "gvfs" and watch.name == "Garmin Forerunner 255"
    report = drive(sync_watch(db, tmp_path / "data", adapters=[adapter], workers=1))
    assert report.activities == 3
    assert (tmp_path / "data" / "watch" / "Garmin Forerunner 255").is_dir()


def test_a_locked_mtp_watch_showing_no_files_is_told_to_unlock(db, tmp_path):
    gvfs = tmp_path / "gvfs"
    (gvfs / "mtp:host=Garmin_fenix_7" / "Internal Storage").mkdir(parents=True)
    with pytest.raises(WatchNotFound) as err:
        drive(sync_watch(db, tmp_path / "data", adapters=[GvfsAdapter(gvfs)]))
    assert "unlock it" in str(err.value) and "Internal Storage" in str(err.value)
    assert "copy" not in str(err.value).lower()  # no hand-copying while a route works


def test_gvfs_host_names_lose_their_serial_number():
    assert name_from_host(Path("mtp:host=Garmin_fenix_7_0000abcd1234")) == "Garmin fenix 7"
    assert name_from_host(Path("mtp:host=%5Busb%3A001%2C004%5D")) == "MTP watch"


def test_sync_also_copies_settings_and_monitoring_files_for_profile_suggestions(db, tmp_path):
    mount = tmp_path / "WATCH"
    garmin_tree(mount, storage="")
    report = drive(sync_watch(db, tmp_path / "data", mount=mount, workers=1))
    assert report.activities == 3
    assert sorted(p.reason for p in report.skipped) == [
        "not an activity (monitoring_b file)",
        "not an activity (settings file)",
    ]
    assert report.profile is not None and report.profile.hr_max in (185, 197)
    copied = tmp_path / "data" / "watch" / "Forerunner 965" / "Settings" / "SETTINGS.FIT"
    assert copied.is_file()
