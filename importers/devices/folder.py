"""A watch that is a folder: the common part of the drive, gvfs and fake devices.

Every call goes through the device's own thread with a time limit (`calls.DeviceThread`),
because a USB drive or a FUSE mount can hang in the kernel as surely as an MTP link.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from importers.devices.base import DeviceError, DeviceGone, DeviceInfo, Entry
from importers.devices.calls import DEFAULT_TIMEOUT_S, DeviceThread, ThreadedDevice


class FolderDevice(ThreadedDevice):
    """A `Device` over a local folder (a mount point)."""

    def __init__(self, info: DeviceInfo, root: Path, *, timeout: float = DEFAULT_TIMEOUT_S):
        self.info = info
        self.root = root
        self.thread = DeviceThread(info.name, timeout=timeout)

    def _path(self, path: str) -> Path:
        return self.root.joinpath(*[p for p in path.split("/") if p])

    def close(self) -> None:
        self.thread.close()

    # -- on the device thread -------------------------------------------------------------
    def _list(self, folder: str) -> list[Entry]:
        try:
            with os.scandir(self._path(folder)) as it:
                return [_entry(e.name, e.is_dir(), e.stat()) for e in it]
        except FileNotFoundError as exc:
            raise DeviceGone(f"{self.info.name}: {folder} is not there any more") from exc
        except OSError as exc:
            raise DeviceError(f"{self.info.name}: cannot list {folder}: {exc.strerror}") from exc

    def _stat(self, path: str) -> Entry:
        p = self._path(path)
        try:
            return _entry(p.name, p.is_dir(), p.stat())
        except FileNotFoundError as exc:
            raise DeviceGone(f"{path} is not on {self.info.name} any more") from exc
        except OSError as exc:
            raise DeviceError(f"{self.info.name}: cannot read {path}: {exc.strerror}") from exc

    def _read(self, path: str, dest: Path) -> int:
        try:
            shutil.copyfile(self._path(path), dest)
        except FileNotFoundError as exc:
            raise DeviceGone(f"{path} is not on {self.info.name} any more") from exc
        except OSError as exc:
            raise DeviceError(f"{self.info.name}: cannot read {path}: {exc.strerror}") from exc
        return dest.stat().st_size

    def _write(self, path: str, data: bytes) -> None:
        target = self._path(path)
        tmp = target.with_name(target.name + ".part")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, target)  # the watch never sees half a file
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise DeviceError(f"{self.info.name}: cannot write {path}: {exc.strerror}") from exc

    def _make_folder(self, path: str) -> None:
        try:
            self._path(path).mkdir(exist_ok=True)
        except OSError as exc:
            raise DeviceError(f"{self.info.name}: cannot make {path}: {exc.strerror}") from exc


def _entry(name: str, is_dir: bool, st: os.stat_result) -> Entry:
    return Entry(name, is_dir, 0 if is_dir else st.st_size, st.st_mtime)
