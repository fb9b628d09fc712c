"""A watch made from a folder tree, for tests and for trying the sync without a watch.

Lay the folder out like an MTP watch: a storage folder ("Internal Storage", "Primary" or
"GARMIN") holding `GARMIN/Activity`, `GARMIN/Monitor`, `GARMIN/Settings`, `GARMIN/NewFiles`
and `GARMIN/GarminDevice.xml`. The fake answers through the same device thread and time
limits as a real device, and can misbehave on purpose: a file that disappears while it is
copied, a read that never returns, a device that is busy for the first few opens.

`STRONGSTRIDE_FAKE_WATCH=FOLDER` makes the app and the command line see such a folder as a
plugged-in MTP watch.
"""

from __future__ import annotations

import threading
from pathlib import Path

from importers.devices.base import DeviceBusy, DeviceGone, DeviceInfo
from importers.devices.calls import DEFAULT_TIMEOUT_S
from importers.devices.folder import FolderDevice

ENV_VAR = "STRONGSTRIDE_FAKE_WATCH"


class FakeDevice(FolderDevice):
    def __init__(self, info: DeviceInfo, root: Path, adapter: FakeAdapter) -> None:
        super().__init__(info, root, timeout=adapter.timeout)
        self.adapter = adapter

    def _read(self, path: str, dest: Path) -> int:
        name = path.rsplit("/", 1)[-1].lower()
        if name in self.adapter.hang_on:
            self.adapter.released.wait()  # like a USB transfer that never completes
        if name in self.adapter.vanish_on:
            source = self._path(path)
            data = source.read_bytes()
            dest.write_bytes(data[: len(data) // 2])  # half of it arrived, then it was gone
            source.unlink()
            raise DeviceGone(f"{path} disappeared from {self.info.name} while it was copied")
        return super()._read(path, dest)

    def close(self) -> None:
        super().close()


class FakeAdapter:
    """Sees one fake watch: the folder `root`."""

    kind = "fake"

    def __init__(
        self,
        root: Path,
        *,
        name: str = "Fake Forerunner",
        timeout: float = DEFAULT_TIMEOUT_S,
        hang_on: set[str] | None = None,
        vanish_on: set[str] | None = None,
        busy_opens: int = 0,
        busy_message: str = "Garmin Express is using the watch: quit Garmin Express",
    ) -> None:
        self.root = Path(root)
        self.name = name
        self.timeout = timeout
        self.hang_on = {n.lower() for n in hang_on or ()}
        self.vanish_on = {n.lower() for n in vanish_on or ()}
        self.busy_opens = busy_opens
        self.busy_message = busy_message
        self.opens = 0
        self.released = threading.Event()  # set to let hanging reads finish (test clean-up)

    def unavailable(self) -> str | None:
        return None if self.root.is_dir() else f"{self.root} is not a folder"

    def discover(self) -> list[DeviceInfo]:
        if not self.root.is_dir():
            return []
        return [DeviceInfo(self.kind, f"fake:{self.root}", self.name)]

    def open(self, info: DeviceInfo) -> FakeDevice:
        self.opens += 1
        if self.opens <= self.busy_opens:
            raise DeviceBusy(self.busy_message)
        return FakeDevice(info, self.root, self)
