"""The shared sync logic end to end through the fake MTP device: copy, import, report."""

from __future__ import annotations

import shutil

import pytest

from importers.devices import busy
from importers.devices.fake import FakeAdapter
from importers.devices.mass_storage import DriveAdapter
from importers.watch import WatchNotFound, discover, send_workout, sync_watch
from operations.imports import drive
from tests.conftest import FIT_FIXTURES
from tests.importers.watch_tree import RUNS, garmin_tree, leftovers


@pytest.fixture(autouse=True)
def no_pause_between_opens(monkeypatch):
    monkeypatch.setattr(busy, "OPEN_PAUSE_S", 0.0)


@pytest.fixture
def fake(tmp_path):
    adapters = []

    def make(**kwargs) -> FakeAdapter:
        adapter = FakeAdapter(tmp_path / "device", **kwargs)
        adapters.append(adapter)
        return adapter

    yield make
    for adapter in adapters:
        adapter.released.set()  # let any read held on purpose finish


def test_an_mtp_watch_is_copied_into_the_data_folder_and_imported(db, tmp_path, fake):
    garmin_tree(tmp_path / "device")
    data = tmp_path / "data"
    report = drive(sync_watch(db, data, adapters=[fake()], workers=1))
    copies = data / "watch" / "Forerunner 965"
    assert sorted(p.name for p in copies.glob("*.FIT")) == sorted(n.upper() for n in RUNS)
    assert (copies / "Settings" / "SETTINGS.FIT").is_file()
    assert (copies / "Monitor" / "M1.FIT").is_file()
    assert report.activities == 3 and not report.failed and leftovers(data) == []
    assert report.profile is not None  # the watch's settings became suggestions


@pytest.mark.parametrize(
    ("storage", "garmin", "activity"),
    [
        ("Primary", "garmin", "activity"),
        ("Internal Storage", "Garmin", "Activities"),
        ("", "GARMIN", "ACTIVITY"),
    ],
)
def test_storage_and_folder_names_are_matched_whatever_their_case(
    db, tmp_path, fake, storage, garmin, activity
):
    garmin_tree(tmp_path / "device", storage=storage, garmin=garmin, activity=activity)
    report = drive(sync_watch(db, tmp_path / "data", adapters=[fake()], workers=1))
    assert report.activities == 3


def test_a_storage_named_garmin_holding_the_activity_folder_is_read(db, tmp_path, fake):
    activity = tmp_path / "device" / "GARMIN" / "Activity"
    activity.mkdir(parents=True)
    shutil.copy2(FIT_FIXTURES / RUNS[0], activity / "R1.FIT")
    report = drive(sync_watch(db, tmp_path / "data", adapters=[fake(name="vivoactive 6")]))
    assert report.activities == 1
    assert (tmp_path / "data" / "watch" / "vivoactive 6" / "R1.FIT").is_file()


@pytest.mark.slow
def test_thousands_of_files_are_copied_once_and_a_second_sync_copies_none(db, tmp_path, fake):
    folder = garmin_tree(tmp_path / "device", runs=[], profile_files=False)
    run = (FIT_FIXTURES / RUNS[1]).read_bytes()
    for i in range(2000):
        name = f"2026-{i:05d}.fit" if i % 2 else f"2026-{i:05d}.FIT"
        (folder / "Activity" / name).write_bytes(run)
    data = tmp_path / "data"
    report = drive(sync_watch(db, data, adapters=[fake()]))
    assert len(list((data / "watch" / "Forerunner 965").glob("*"))) == 2000
    # one run, recorded 2,000 times: imported once, the other copies known by their content
    assert report.activities == 1 and len(report.moved) == 1999 and not report.failed
    again = drive(sync_watch(db, data, adapters=[fake()]))
    assert again.unchanged == 2000 and again.activities == 0 and not again.failed


def test_a_file_that_leaves_the_watch_mid_copy_leaves_no_half_file(db, tmp_path, fake):
    garmin_tree(tmp_path / "device", profile_files=False)
    data = tmp_path / "data"
    vanishing = RUNS[1].upper()
    report = drive(sync_watch(db, data, adapters=[fake(vanish_on={vanishing})], workers=1))
    assert report.activities == 2
    assert [w.path for w in report.warnings] == [
        f"Fake Forerunner: Internal Storage/GARMIN/Activity/{vanishing}"
    ]
    assert "left the watch while it was copied" in report.warnings[0].reason
    assert not (data / "watch" / "Forerunner 965" / vanishing).exists()
    assert leftovers(data) == []


def test_a_read_that_never_returns_times_out_and_keeps_what_was_copied(db, tmp_path, fake):
    garmin_tree(tmp_path / "device", profile_files=False)
    data = tmp_path / "data"
    stuck = sorted(n.upper() for n in RUNS)[1]  # the second file copied
    adapter = fake(hang_on={stuck}, timeout=0.5)
    report = drive(sync_watch(db, data, adapters=[adapter], workers=1))
    assert report.activities == 1  # the file before it; nothing after a stuck device
    (failure,) = report.failed
    assert failure.path.endswith(stuck)
    assert "stopped answering" in failure.reason and "plug it in again" in failure.reason
    assert leftovers(data) == []


def test_a_busy_watch_is_tried_again_and_then_synced(db, tmp_path, fake):
    garmin_tree(tmp_path / "device", profile_files=False)
    adapter = fake(busy_opens=2)
    report = drive(sync_watch(db, tmp_path / "data", adapters=[adapter], workers=1))
    assert adapter.opens == 3 and report.activities == 3


def test_a_watch_that_stays_busy_names_what_to_close(db, tmp_path, fake, monkeypatch):
    garmin_tree(tmp_path / "device", profile_files=False)
    monkeypatch.setattr(busy, "running_programs", lambda platform=None: {"openmtp"})
    adapter = fake(busy_opens=99, busy_message="libmtp could not open Fake Forerunner")
    with pytest.raises(WatchNotFound) as err:
        drive(sync_watch(db, tmp_path / "data", adapters=[adapter]))
    assert adapter.opens == busy.OPEN_ATTEMPTS
    assert "quit OpenMTP" in str(err.value) and "sync again" in str(err.value)
    assert not (tmp_path / "data" / "watch").exists()


def test_a_workout_goes_into_the_watchs_newfiles_over_mtp(tmp_path, fake):
    folder = garmin_tree(tmp_path / "device", profile_files=False)
    where = send_workout("StrongStride_20261201_A.fit", b"workout bytes", adapters=[fake()])
    assert where == "Fake Forerunner: Internal Storage/GARMIN/NewFiles/StrongStride_20261201_A.fit"
    assert (folder / "NewFiles" / "StrongStride_20261201_A.fit").read_bytes() == b"workout bytes"
    assert leftovers(tmp_path / "device") == []


def test_a_missing_newfiles_folder_is_made_on_the_watch(tmp_path, fake):
    folder = garmin_tree(tmp_path / "device", profile_files=False)
    folder.joinpath("NewFiles").rmdir()
    send_workout("W.fit", b"w", adapters=[fake()])
    assert (folder / "NewFiles" / "W.fit").read_bytes() == b"w"


class Unavailable:
    def __init__(self, kind: str, why: str) -> None:
        self.kind, self.why = kind, why

    def unavailable(self) -> str:
        return self.why


def test_copying_by_hand_is_suggested_only_when_every_route_fails_and_says_why(db, tmp_path):
    routes = [Unavailable("libmtp", "libmtp is not installed"), Unavailable("gvfs", "no gvfs")]
    with pytest.raises(WatchNotFound) as err:
        drive(sync_watch(db, tmp_path / "data", adapters=routes))
    message = str(err.value)
    assert "libmtp: libmtp is not installed" in message and "gvfs: no gvfs" in message
    assert "strongstride import FOLDER" in message


def test_with_one_working_route_no_watch_means_plug_it_in_not_copy_by_hand(db, tmp_path):
    routes = [Unavailable("libmtp", "libmtp is not installed"), DriveAdapter([tmp_path])]
    found = discover(routes)
    assert found.watches == [] and found.problems == ["libmtp: libmtp is not installed"]
    assert found.message().startswith("No watch found. Plug the watch in")
    assert "import FOLDER" not in found.message()
