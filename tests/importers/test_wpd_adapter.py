"""The Windows Portable Devices adapter at its COM boundary (a recorded object tree)."""

from __future__ import annotations

import threading

import pytest

from importers.devices import busy
from importers.devices.base import DeviceBusy
from importers.devices.wpd import WpdAdapter, is_watch
from importers.watch import send_workout, sync_watch
from operations.imports import drive
from tests.conftest import FIT_FIXTURES
from tests.importers.fake_wpd import FakeWpd, file, folder, storage
from tests.importers.watch_tree import leftovers

RUN = (FIT_FIXTURES / "run_forerunner965_hr_gps.fit").read_bytes()
WALK = (FIT_FIXTURES / "walk_venu_hr_gps.fit").read_bytes()
FR255 = r"\\?\usb#vid_091e&pid_4f37#0000c0ffee42#{6ac27878-a6fa-4155-ba85-f98f491d4f33}"
PHONE = r"\\?\usb#vid_18d1&pid_4ee1#pixel#{6ac27878-a6fa-4155-ba85-f98f491d4f33}"
STICK = r"\\?\storage#volume#_??_usbstor#disk&ven_garmin#{6ac27878-a6fa-4155-ba85-f98f491d4f33}"


def machine(storage_name: str = "Primary") -> FakeWpd:
    garmin = folder(
        "GARMIN",
        folder("Activity", file("2026-12-01-07-12-44.FIT", RUN), file("B2.fit", WALK)),
        folder("NewFiles"),
        file("GarminDevice.xml", b"<Description>Forerunner 255</Description>"),
    )
    return FakeWpd(
        {
            PHONE: ("Google", "Pixel 9", []),
            STICK: ("Garmin", "GARMIN (E:)", []),
            FR255: ("Garmin", "Forerunner 255", [storage(storage_name, garmin)]),
        }
    )


def adapter_for(fake: FakeWpd) -> WpdAdapter:
    return WpdAdapter(load=fake.api, timeout=5)


def test_only_garmin_mtp_devices_are_offered_by_their_friendly_name():
    (watch,) = adapter_for(machine()).discover()
    assert (watch.kind, watch.id, watch.name) == ("wpd", FR255, "Forerunner 255")


def test_mass_storage_volumes_are_left_to_the_drive_adapter():
    assert not is_watch(STICK, "Garmin")
    assert is_watch(FR255, "") and is_watch(r"\\?\usb#vid_1234&pid_1", "Garmin")


@pytest.mark.parametrize("storage_name", ["Primary", "Internal Storage", "GARMIN"])
def test_a_watch_is_walked_copied_and_imported_whatever_its_storage_is_called(
    db, tmp_path, storage_name
):
    fake = machine(storage_name)
    report = drive(sync_watch(db, tmp_path / "data", adapters=[adapter_for(fake)], workers=1))
    assert report.activities == 2 and not report.failed
    copy = tmp_path / "data" / "watch" / "Forerunner 255" / "2026-12-01-07-12-44.FIT"
    assert copy.read_bytes() == RUN  # read in 5,000-byte blocks through GetStream
    assert fake.opened == [FR255] and fake.closed == 1


def test_com_is_initialised_on_the_thread_that_uses_it_never_on_the_callers(db, tmp_path):
    fake = machine()
    drive(sync_watch(db, tmp_path / "data", adapters=[adapter_for(fake)], workers=1))
    assert fake.threads and fake.threads <= fake.initialised
    assert threading.get_ident() not in fake.threads


def test_a_workout_is_written_through_a_committed_stream_into_newfiles():
    fake = machine()
    where = send_workout("StrongStride_20261201_A.fit", b"x" * 20, adapters=[adapter_for(fake)])
    assert where == "Forerunner 255: Primary/GARMIN/NewFiles/StrongStride_20261201_A.fit"
    new_files = next(o for o in fake.objects.values() if o.name == "NewFiles")
    assert [(o.name, o.data) for o in new_files.children] == [
        ("StrongStride_20261201_A.fit", b"x" * 20)  # 7-byte blocks, then Commit
    ]


def test_a_missing_newfiles_folder_is_created_as_a_folder_object():
    fake = machine()
    garmin = next(o for o in fake.objects.values() if o.name == "GARMIN")
    garmin.children = [c for c in garmin.children if c.name != "NewFiles"]
    send_workout("W.fit", b"w", adapters=[adapter_for(fake)])
    (made,) = [c for c in garmin.children if c.name == "NewFiles"]
    assert made.kind == "{27E2E392-A111-48E0-AB0C-E17705A05F85}" and made.children[0].data == b"w"


def test_a_device_held_by_another_program_is_retried_then_opened(db, tmp_path, monkeypatch):
    monkeypatch.setattr(busy, "OPEN_PAUSE_S", 0.0)
    fake = machine()
    fake.open_errors = [0x802A0001, 0x800700AA]  # already opened, busy
    report = drive(sync_watch(db, tmp_path / "data", adapters=[adapter_for(fake)], workers=1))
    assert report.activities == 2


def test_a_device_that_stays_held_says_to_quit_garmin_express(monkeypatch):
    monkeypatch.setattr(busy, "OPEN_PAUSE_S", 0.0)
    monkeypatch.setattr(busy, "running_programs", lambda platform=None: {"express.exe"})
    monkeypatch.setattr(busy, "platform_key", lambda platform=None: "win32")
    fake = machine()
    fake.open_errors = [0x80070020] * busy.OPEN_ATTEMPTS
    adapter = adapter_for(fake)
    (watch,) = adapter.discover()
    with pytest.raises(DeviceBusy) as err:
        busy.open_with_retry(adapter, watch)
    assert "another program has the watch open" in str(err.value)
    assert "quit Garmin Express" in str(err.value)


def test_a_watch_unplugged_mid_copy_keeps_no_half_file(db, tmp_path):
    fake = machine()
    fake.read_errors = {"B2.fit": 0x8007048F}  # ERROR_DEVICE_NOT_CONNECTED after one block
    report = drive(sync_watch(db, tmp_path / "data", adapters=[adapter_for(fake)], workers=1))
    assert report.activities == 1
    assert [w.path for w in report.warnings] == ["Forerunner 255: Primary/GARMIN/Activity/B2.fit"]
    assert leftovers(tmp_path / "data") == []


def test_without_comtypes_the_route_says_why():
    def missing():
        raise OSError("comtypes is not installed")

    assert WpdAdapter(load=missing).unavailable() == "comtypes is not installed"
