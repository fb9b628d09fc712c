"""One way to talk to a watch, whatever connects it: list a folder, stat, read, write.

A watch reaches the computer as a drive (USB mass storage), through gvfs (Linux), through
Windows Portable Devices or through libmtp. Each route is an *adapter* that finds watches
(`discover`, cheap enough to run every few seconds) and opens one (`open`) as a `Device`.
Everything above this interface (which files are new, copying, importing, sending a workout)
is shared code and does not know which route it is using.

Paths on a device are `/`-separated names from the device's top, e.g.
`Internal Storage/GARMIN/Activity/2026-12-01-07-12-44.fit`; on a drive the top is its mount
point. Names are matched case-insensitively by the shared code, because models differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class DeviceError(Exception):
    """A device call failed; the message says what happened in the runner's words."""


class DeviceBusy(DeviceError):
    """Another program (or a locked watch) keeps us from opening the device."""


class DeviceTimeout(DeviceError):
    """The device stopped answering within its time limit."""


class DeviceGone(DeviceError):
    """The device was unplugged, or a file vanished from it while we read it."""


@dataclass(frozen=True)
class DeviceInfo:
    """A watch found by an adapter, before it is opened.

    `kind` names the adapter ("drive", "gvfs", "wpd", "libmtp", "fake"), `id` is stable while
    the watch stays plugged in (a mount point, a PnP id, a USB bus location), `name` is what the
    runner sees ("Forerunner 965") and names the copy folder `<data dir>/watch/<name>/`.
    """

    kind: str
    id: str
    name: str
    root: Path | None = None  # the mount point, for watches that are a folder


@dataclass(frozen=True)
class Entry:
    """One file or folder on a device."""

    name: str
    is_dir: bool
    size: int = 0
    mtime: float | None = None


class Device(Protocol):
    """An opened watch. Every call has a time limit and raises a `DeviceError` subclass."""

    info: DeviceInfo

    def list(self, folder: str) -> list[Entry]:
        """The files and folders in `folder` ("" is the top)."""

    def stat(self, path: str) -> Entry:
        """One file's entry; `DeviceGone` when it is not there."""

    def read(self, path: str, dest: Path) -> int:
        """Copy the file at `path` into the local file `dest`; returns the bytes copied."""

    def write(self, path: str, data: bytes) -> None:
        """Create the file at `path` (its folder must exist) holding `data`."""

    def make_folder(self, path: str) -> None:
        """Create the folder at `path` (its parent must exist)."""

    def close(self) -> None:
        """Let go of the device (other programs may use it again)."""


class Adapter(Protocol):
    """One route to watches: finds them and opens them."""

    kind: str

    def unavailable(self) -> str | None:
        """Why this route cannot work on this computer (None when it can)."""

    def discover(self) -> list[DeviceInfo]:
        """The watches this route sees now; cheap, opens nothing exclusively."""

    def open(self, info: DeviceInfo) -> Device:
        """Open one watch for reading and writing."""


def join(*parts: str) -> str:
    """A device path from its parts, without empty pieces."""
    return "/".join(p.strip("/") for p in parts if p and p.strip("/"))
