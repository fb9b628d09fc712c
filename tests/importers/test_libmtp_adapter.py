"""The libmtp adapter at its ctypes boundary (a recorded libmtp), and the real library on Linux."""

from __future__ import annotations

import sys

import pytest

from importers.devices import busy
from importers.devices.base import DeviceBusy, DeviceGone
from importers.devices.gvfs import GvfsAdapter
from importers.devices.libmtp import Libmtp, LibmtpAdapter
from importers.devices.libmtp_binding import candidates
from importers.watch import discover, send_workout, sync_watch
from operations.imports import drive
from tests.conftest import FIT_FIXTURES
from tests.importers.fake_libmtp import FakeLibmtp, file, folder
from tests.importers.watch_tree import garmin_tree, leftovers

RUN = (FIT_FIXTURES / "run_forerunner965_hr_gps.fit").read_bytes()
WALK = (FIT_FIXTURES / "walk_venu_hr_gps.fit").read_bytes()
FR965 = (b"Garmin", 0x091E, b"Forerunner 965", 0x4D6F, 3, 14)
PHONE = (b"Google", 0x18D1, b"Pixel", 0x4EE1, 3, 9)


def watch_tree():
    return {
        "Internal Storage": folder(
            "",
            folder(
                "GARMIN",
                folder("ACTIVITY", file("A1.FIT", RUN), file("A2.FIT", WALK)),
                folder("NewFiles"),
                file("GarminDevice.xml", b"<Description>Forerunner 965</Description>"),
            ),
        )
    }


def adapter_for(lib: FakeLibmtp) -> LibmtpAdapter:
    return LibmtpAdapter(load=lambda: Libmtp(lib, lib.free), timeout=5)


def test_only_garmin_devices_are_offered_with_their_product_name():
    lib = FakeLibmtp([PHONE, FR965], watch_tree())
    (watch,) = adapter_for(lib).discover()
    assert watch.kind == "libmtp" and watch.name == "Forerunner 965"
    assert watch.id == "usb:3:14:091e:4d6f"
    assert len(lib.freed) == 1  # the raw device array went back to libmtp's allocator


def test_no_device_attached_is_a_clean_empty_answer():
    assert adapter_for(FakeLibmtp([], {})).discover() == []


def test_a_watch_is_synced_through_libmtp_and_every_file_list_is_freed(db, tmp_path):
    lib = FakeLibmtp([FR965], watch_tree())
    adapter = adapter_for(lib)
    report = drive(sync_watch(db, tmp_path / "data", adapters=[adapter], workers=1))
    assert report.activities == 2 and not report.failed
    copies = tmp_path / "data" / "watch" / "Forerunner 965"
    assert (copies / "A1.FIT").read_bytes() == RUN
    assert lib.live_files == set() and lib.released and len(lib.freed) == 2


def test_a_broken_transfer_is_a_failure_with_libmtps_words_and_no_half_file(db, tmp_path):
    lib = FakeLibmtp([FR965], watch_tree())
    lib.fail_reads = {"A2.FIT"}
    report = drive(sync_watch(db, tmp_path / "data", adapters=[adapter_for(lib)], workers=1))
    assert report.activities == 1
    (failure,) = report.failed
    assert failure.path == "Forerunner 965: Internal Storage/GARMIN/ACTIVITY/A2.FIT"
    assert "PTP Layer error 02ff" in failure.reason
    assert leftovers(tmp_path / "data") == []


def test_a_file_deleted_on_the_watch_while_read_is_a_warning_not_a_failure(db, tmp_path):
    lib = FakeLibmtp([FR965], watch_tree())
    lib.vanish_on_read = {"A2.FIT"}
    report = drive(sync_watch(db, tmp_path / "data", adapters=[adapter_for(lib)], workers=1))
    assert report.activities == 1 and not report.failed
    assert report.warnings[0].path.endswith("A2.FIT")
    assert leftovers(tmp_path / "data") == []


def test_a_transfer_that_ends_short_is_not_kept_as_a_copy(db, tmp_path):
    lib = FakeLibmtp([FR965], watch_tree())
    lib.short_reads = {"A1.FIT"}
    report = drive(sync_watch(db, tmp_path / "data", adapters=[adapter_for(lib)], workers=1))
    (failure,) = report.failed
    assert failure.path.endswith("A1.FIT") and f"of {len(RUN)} bytes arrived" in failure.reason
    assert not (tmp_path / "data" / "watch" / "Forerunner 965" / "A1.FIT").exists()
    assert report.activities == 1 and leftovers(tmp_path / "data") == []


def test_a_workout_is_sent_into_newfiles_with_its_name_and_bytes():
    lib = FakeLibmtp([FR965], watch_tree())
    where = send_workout("W1.fit", b"workout", adapters=[adapter_for(lib)])
    assert where == "Forerunner 965: Internal Storage/GARMIN/NewFiles/W1.fit"
    new_files = lib.storages["Internal Storage"].children[0].children[1]
    assert [(c.name, c.data) for c in new_files.children] == [("W1.fit", b"workout")]
    assert lib.live_files == set()  # the file metadata was destroyed, its name not freed


def test_a_device_libmtp_cannot_open_is_busy_and_names_what_to_quit(monkeypatch):
    monkeypatch.setattr(busy, "OPEN_PAUSE_S", 0.0)
    monkeypatch.setattr(busy, "running_programs", lambda platform=None: {"gvfsd-mtp"})
    adapter = adapter_for(FakeLibmtp([FR965], watch_tree(), busy=True))
    (watch,) = adapter.discover()
    with pytest.raises(DeviceBusy) as err:
        busy.open_with_retry(adapter, watch)
    assert "eject it in the file manager" in str(err.value)


def test_an_unplugged_watch_is_gone_not_busy():
    adapter = adapter_for(FakeLibmtp([FR965], watch_tree()))
    (watch,) = adapter.discover()
    adapter.binding().lib.raw_devices = []
    with pytest.raises(DeviceGone, match="not plugged in"):
        adapter.open(watch)


def test_a_frozen_mac_app_loads_libmtp_by_absolute_path_from_its_bundle(tmp_path):
    frameworks = tmp_path / "StrongStride.app" / "Contents" / "Frameworks"
    assert candidates("darwin", frameworks) == [
        str(frameworks / "libmtp.9.dylib"),
        str(frameworks / "libmtp.dylib"),
    ]
    assert all(c.startswith("/") for c in candidates("darwin", None))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux CI installs libmtp")
def test_the_real_libmtp_loads_and_answers_with_the_garmin_watches_plugged_in():
    adapter = LibmtpAdapter()
    assert adapter.unavailable() is None, adapter.unavailable()
    watches = adapter.discover()  # none plugged in on a CI machine: a clean empty list
    assert all(w.kind == "libmtp" for w in watches)


def test_a_watch_gvfs_already_holds_is_not_offered_again_through_libmtp(tmp_path):
    gvfs = tmp_path / "gvfs"
    garmin_tree(gvfs / "mtp:host=Garmin_Forerunner_965_0000cafe", profile_files=False)
    found = discover([GvfsAdapter(gvfs), adapter_for(FakeLibmtp([FR965], watch_tree()))])
    assert [w.kind for w in found.watches] == ["gvfs"]
    alone = discover([GvfsAdapter(tmp_path / "none"), adapter_for(FakeLibmtp([FR965], {}))])
    assert [w.kind for w in alone.watches] == ["libmtp"]
