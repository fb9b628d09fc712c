"""Device calls: every call has a time limit, and a busy watch is explained by name."""

from __future__ import annotations

import threading

import pytest

from importers.devices.base import DeviceBusy, DeviceError, DeviceInfo, DeviceTimeout
from importers.devices.busy import busy_advice, open_with_retry
from importers.devices.calls import DeviceThread


def test_a_call_that_never_returns_times_out_and_the_device_then_refuses_at_once():
    stuck = threading.Event()
    device = DeviceThread("Forerunner 965", timeout=0.2)
    with pytest.raises(DeviceTimeout, match="reading A1.FIT took longer than 0.2 s"):
        device.call("reading A1.FIT", stuck.wait)
    with pytest.raises(DeviceTimeout, match="stopped answering"):
        device.call("listing GARMIN", lambda: ["never run"])
    stuck.set()
    device.close()


def test_calls_run_one_after_the_other_on_the_devices_own_thread_after_its_setup():
    seen = []
    device = DeviceThread("watch", setup=lambda: seen.append(("setup", threading.get_ident())))
    ids = [device.call("a call", threading.get_ident) for _ in range(3)]
    device.close()
    assert len(set(ids)) == 1 and ids[0] != threading.get_ident()
    assert seen == [("setup", ids[0])]


def test_an_error_on_the_device_thread_reaches_the_caller_unchanged():
    device = DeviceThread("watch")

    def fail():
        raise DeviceBusy("Garmin Express is using the watch")

    with pytest.raises(DeviceBusy, match="Garmin Express"):
        device.call("opening", fail)
    assert device.call("again", lambda: 42) == 42  # an error is not a hang
    device.close()


def test_a_setup_that_fails_is_reported_by_every_call():
    def no_com():
        raise OSError("CoInitializeEx failed")

    device = DeviceThread("watch", setup=no_com)
    with pytest.raises(DeviceError, match="CoInitializeEx failed"):
        device.call("listing", list)
    device.close()


@pytest.mark.parametrize(
    ("platform", "running", "advice"),
    [
        ("darwin", {"ptpcamerad", "image capture"}, "quit Image Capture"),
        ("darwin", {"android file transfer"}, "quit Android File Transfer"),
        ("darwin", {"openmtp"}, "quit OpenMTP"),
        ("darwin", {"garmin express"}, "quit Garmin Express"),
        ("win32", {"express.exe"}, "quit Garmin Express"),
        ("linux", {"kiod6"}, "KDE holds the watch"),
        ("linux", {"gvfsd-mtp"}, "eject it in the file manager"),
    ],
)
def test_a_busy_watch_names_the_program_to_close(platform, running, advice):
    message = busy_advice("Forerunner 965", running, platform)
    assert advice in message and message.endswith("Then sync again.")


def test_with_no_known_program_running_the_advice_is_to_unlock_the_watch():
    message = busy_advice("fenix 8", {"bash", "python3"}, "linux")
    assert "unlock it" in message and "USB Mode" in message


class FlakyAdapter:
    kind = "fake"

    def __init__(self, busy_times: int) -> None:
        self.busy_times, self.opens = busy_times, 0

    def open(self, info):
        self.opens += 1
        if self.opens <= self.busy_times:
            raise DeviceBusy("")
        return "opened"


def test_opening_waits_between_attempts_and_gives_up_after_the_last():
    info = DeviceInfo("fake", "1", "Venu 3")
    pauses = []
    assert open_with_retry(FlakyAdapter(2), info, pause=1.5, sleep=pauses.append) == "opened"
    assert pauses == [1.5, 1.5]
    with pytest.raises(DeviceBusy, match="Venu 3"):
        open_with_retry(FlakyAdapter(5), info, attempts=2, sleep=pauses.append)
