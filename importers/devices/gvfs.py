"""Linux: an MTP watch that GNOME's gvfs already holds, read through its mount.

While gvfs (or KDE's kiod) holds an MTP device, libmtp cannot open it ("device busy"), so
when gvfs shows the watch under `/run/user/$UID/gvfs/mtp:host=…` we use that mount. Copying
through gvfs's FUSE folder is slow and sometimes flaky; `gio copy` talks to gvfs directly and
is the sturdier route, so files are copied with it when it is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

from importers.devices.base import DeviceError, DeviceGone, DeviceInfo
from importers.devices.calls import DEFAULT_TIMEOUT_S
from importers.devices.folder import FolderDevice
from importers.devices.mass_storage import children, description, safe_name

GARMIN_VENDOR = "091e"  # Garmin's USB vendor id


def gvfs_folder(env: dict[str, str] | None = None) -> Path:
    env = dict(os.environ) if env is None else env
    uid = env.get("UID") or str(os.getuid() if hasattr(os, "getuid") else "")
    return Path(f"/run/user/{uid}/gvfs")


def mtp_mounts(gvfs: Path | None = None) -> list[Path]:
    """Every MTP device gvfs holds now."""
    return [p for p in children(gvfs or gvfs_folder()) if p.name.startswith("mtp:")]


def name_from_host(mount: Path) -> str:
    """'mtp:host=Garmin_Forerunner_965_0000cafe1234' → 'Garmin Forerunner 965'."""
    host = unquote(mount.name.split("host=", 1)[-1])
    words = [w for w in re.split(r"[_\s]+", host) if w]
    while words and re.fullmatch(r"[0-9A-Fa-f]{8,}|\[?usb:.*", words[-1]):
        words.pop()  # the serial number or bus location
    return safe_name(" ".join(words) or "MTP watch")


def garmin_storage(mount: Path) -> Path | None:
    """The storage folder (e.g. 'Internal Storage', 'Primary') holding a GARMIN folder."""
    for storage in children(mount):
        if any(c.name.lower() == "garmin" for c in children(storage)):
            return storage
    return None


class GvfsDevice(FolderDevice):
    """A gvfs MTP mount; files are copied with `gio copy` when it is there."""

    def __init__(self, info: DeviceInfo, root: Path, *, timeout: float, gio: str | None):
        super().__init__(info, root, timeout=timeout)
        self.gio = gio

    def _read(self, path: str, dest: Path) -> int:
        if self.gio is None:
            return super()._read(path, dest)
        source = self._path(path)
        if not source.exists():
            raise DeviceGone(f"{path} is not on {self.info.name} any more")
        self._gio_copy(source, dest, path)
        return dest.stat().st_size

    def _write(self, path: str, data: bytes) -> None:
        if self.gio is None:
            return super()._write(path, data)
        with tempfile.TemporaryDirectory() as tmp:
            local = Path(tmp) / Path(path).name
            local.write_bytes(data)
            self._gio_copy(local, self._path(path), path)

    def _gio_copy(self, source: Path, target: Path, what: str) -> None:
        try:
            done = subprocess.run(
                [self.gio, "copy", str(source), str(target)],
                capture_output=True,
                text=True,
                timeout=self.thread.timeout,
            )
        except subprocess.TimeoutExpired as exc:
            raise DeviceError(f"{self.info.name}: gio copy of {what} did not finish") from exc
        if done.returncode != 0:
            reason = (done.stderr or "").strip().splitlines()[-1:] or ["gio copy failed"]
            raise DeviceError(f"{self.info.name}: cannot copy {what}: {reason[0]}")


class GvfsAdapter:
    """MTP watches held by gvfs (Linux)."""

    kind = "gvfs"

    def __init__(self, gvfs: Path | None = None, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self.gvfs = gvfs
        self.timeout = timeout

    def unavailable(self) -> str | None:
        if self.gvfs is None and not sys.platform.startswith("linux"):
            return "gvfs exists only on Linux"
        return None

    def discover(self) -> list[DeviceInfo]:
        found = []
        for mount in mtp_mounts(self.gvfs):
            storage = garmin_storage(mount)
            host = mount.name.lower()
            if storage is None and "garmin" not in host and GARMIN_VENDOR not in host:
                continue
            found.append(DeviceInfo(self.kind, str(mount), _name(mount, storage), mount))
        return found

    def open(self, info: DeviceInfo) -> GvfsDevice:
        assert info.root is not None
        return GvfsDevice(info, info.root, timeout=self.timeout, gio=shutil.which("gio"))


def _name(mount: Path, storage: Path | None) -> str:
    if storage is not None:
        for garmin in children(storage):
            xml = garmin / "GarminDevice.xml"
            if garmin.name.lower() == "garmin" and xml.is_file():
                try:
                    if found := description(xml.read_text(encoding="utf-8", errors="replace")):
                        return found
                except OSError:
                    pass
    return name_from_host(mount)
