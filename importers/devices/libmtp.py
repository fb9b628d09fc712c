"""macOS and Linux: MTP watches through libmtp (see `libmtp_binding`).

Discovery lists raw USB devices only (nothing is opened, so polling every few seconds takes
the watch from no one); Garmin's vendor id 0x091e or a "Garmin" vendor name marks a watch.
Opening claims the USB interface; when another program holds the watch libmtp cannot open
it, which we report as `DeviceBusy` so the caller names the program to quit.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from importers.devices import libmtp_binding as mtp
from importers.devices.base import (
    DeviceBusy,
    DeviceError,
    DeviceGone,
    DeviceInfo,
    Entry,
)
from importers.devices.calls import DEFAULT_TIMEOUT_S, DeviceThread, ThreadedDevice

GARMIN_VENDOR_ID = 0x091E


class Libmtp:
    """The loaded library with the calls a sync needs, each under libmtp's lock."""

    def __init__(self, lib: Any, free: Callable[[Any], None]) -> None:
        self.lib = lib
        self.free = free
        with mtp.LOCK:
            lib.LIBMTP_Init()

    def detect(self) -> tuple[Any, list[Any]]:
        """The raw device array (free it with `self.free`) and its entries."""
        raw = ctypes.POINTER(mtp.RawDevice)()
        count = ctypes.c_int(0)
        with mtp.LOCK:
            err = self.lib.LIBMTP_Detect_Raw_Devices(ctypes.byref(raw), ctypes.byref(count))
        if err == mtp.ERROR_NO_DEVICE_ATTACHED:
            return None, []
        if err == mtp.ERROR_CONNECTING:
            raise DeviceBusy("libmtp could not connect to the USB devices")
        if err != mtp.ERROR_NONE:
            raise DeviceError(f"libmtp could not list USB devices (error {err})")
        return raw, [raw[i] for i in range(count.value)]

    def error_text(self, dev: Any, fallback: str) -> str:
        with mtp.LOCK:
            err = self.lib.LIBMTP_Get_Errorstack(dev)
            text = err[0].error_text.decode("utf-8", "replace") if err else fallback
            self.lib.LIBMTP_Clear_Errorstack(dev)
        return text.strip()


def is_garmin(raw: Any) -> bool:
    entry = raw.device_entry
    vendor = (entry.vendor or b"").decode("utf-8", "replace")
    return entry.vendor_id == GARMIN_VENDOR_ID or "garmin" in vendor.lower()


def raw_id(raw: Any) -> str:
    e = raw.device_entry
    return f"usb:{raw.bus_location}:{raw.devnum}:{e.vendor_id:04x}:{e.product_id:04x}"


def raw_name(raw: Any) -> str:
    e = raw.device_entry
    if e.product:
        return e.product.decode("utf-8", "replace")
    return f"Garmin watch {e.vendor_id:04x}:{e.product_id:04x}"


class LibmtpDevice(ThreadedDevice):
    """One opened watch; the open, every call and the release run on its own thread."""

    top_folder = "the storages"

    def __init__(self, info: DeviceInfo, binding: Libmtp, timeout: float) -> None:
        self.info = info
        self.mtp = binding
        self.thread = DeviceThread(info.name, timeout=timeout)
        self._raw: Any = None
        self._dev: Any = None
        self._storages: dict[str, int] = {}
        self._ids: dict[str, tuple[int, int, Entry]] = {}  # path → (storage, item id, entry)
        try:
            self.thread.call(f"opening {info.name}", self._open)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        with contextlib.suppress(DeviceError):  # stuck: the OS frees the device on exit
            self.thread.call("letting go of the watch", self._release, timeout=5)
        self.thread.close()

    # -- on the device thread -------------------------------------------------------------
    def _open(self) -> None:
        raw_array, raws = self.mtp.detect()
        match = next((i for i, r in enumerate(raws) if raw_id(r) == self.info.id), None)
        if match is None:
            if raw_array:
                self.mtp.free(raw_array)
            raise DeviceGone(f"{self.info.name} is not plugged in any more")
        with mtp.LOCK:
            dev = self.mtp.lib.LIBMTP_Open_Raw_Device_Uncached(ctypes.byref(raw_array[match]))
        if not dev:
            self.mtp.free(raw_array)
            raise DeviceBusy(f"libmtp could not open {self.info.name}")
        self._raw, self._dev = raw_array, dev  # the raw entry stays alive while open
        with mtp.LOCK:
            if self.mtp.lib.LIBMTP_Get_Storage(dev, 0) != 0:
                raise DeviceError(self.mtp.error_text(dev, "the storages could not be read"))
            node = dev[0].storage
            while node:
                s = node[0]
                name = (s.StorageDescription or f"Storage {s.id:08x}".encode()).decode()
                self._storages[name] = s.id
                node = s.next

    def _release(self) -> None:
        if self._dev:
            with mtp.LOCK:
                self.mtp.lib.LIBMTP_Release_Device(self._dev)
            self._dev = None
        if self._raw:
            self.mtp.free(self._raw)
            self._raw = None

    def _where(self, folder: str) -> tuple[int, int]:
        """(storage id, folder item id) of a folder path."""
        parts = [p for p in folder.split("/") if p]
        if not parts or parts[0] not in self._storages:
            raise DeviceGone(f"{folder} is not on {self.info.name}")
        if len(parts) == 1:
            return self._storages[parts[0]], mtp.ROOT
        storage, item, entry = self._known(folder)
        if not entry.is_dir:
            raise DeviceError(f"{folder} on {self.info.name} is a file, not a folder")
        return storage, item

    def _known(self, path: str) -> tuple[int, int, Entry]:
        if path not in self._ids:
            parent, _, _ = path.rpartition("/")
            self._list(parent)
        if path not in self._ids:
            raise DeviceGone(f"{path} is not on {self.info.name} any more")
        return self._ids[path]

    def _list(self, folder: str) -> list[Entry]:
        if not folder.strip("/"):
            return [Entry(name, True) for name in self._storages]
        storage, parent = self._where(folder)
        with mtp.LOCK:
            head = self.mtp.lib.LIBMTP_Get_Files_And_Folders(self._dev, storage, parent)
            entries = []
            while head:
                f = head[0]
                name = (f.filename or b"").decode("utf-8", "replace")
                is_dir = f.filetype == mtp.FILETYPE_FOLDER
                entry = Entry(name, is_dir, 0 if is_dir else f.filesize, f.modificationdate)
                self._ids[f"{folder.strip('/')}/{name}"] = (storage, f.item_id, entry)
                entries.append(entry)
                nxt = f.next
                self.mtp.lib.LIBMTP_destroy_file_t(head)
                head = nxt
        return entries

    def _stat(self, path: str) -> Entry:
        self._ids.pop(path, None)
        return self._known(path)[2]

    def _read(self, path: str, dest: Path) -> int:
        _, item, _ = self._known(path)
        with mtp.LOCK:
            failed = self.mtp.lib.LIBMTP_Get_File_To_File(
                self._dev, item, str(dest).encode(), None, None
            )
        if failed:
            text = self.mtp.error_text(self._dev, f"{path} could not be read")
            self._ids.pop(path, None)
            self._known(path)  # DeviceGone when the file left the watch meanwhile
            raise DeviceError(f"{self.info.name}: {path}: {text}")
        return dest.stat().st_size

    def _write(self, path: str, data: bytes) -> None:
        folder, _, name = path.rpartition("/")
        storage, parent = self._where(folder)
        with tempfile.TemporaryDirectory() as tmp:
            local = Path(tmp) / name
            local.write_bytes(data)
            with mtp.LOCK:
                meta = self.mtp.lib.LIBMTP_new_file_t()
                f = meta[0]
                f.filename, f.filesize, f.filetype = name.encode(), len(data), mtp.FILETYPE_UNKNOWN
                f.parent_id, f.storage_id = parent, storage
                failed = self.mtp.lib.LIBMTP_Send_File_From_File(
                    self._dev, str(local).encode(), meta, None, None
                )
                f.filename = None  # ours, not libmtp's to free
                self.mtp.lib.LIBMTP_destroy_file_t(meta)
        if failed:
            raise DeviceError(self.mtp.error_text(self._dev, f"{path} could not be written"))

    def _make_folder(self, path: str) -> None:
        folder, _, name = path.rpartition("/")
        storage, parent = self._where(folder)
        with mtp.LOCK:
            made = self.mtp.lib.LIBMTP_Create_Folder(self._dev, name.encode(), parent, storage)
        if not made:
            raise DeviceError(self.mtp.error_text(self._dev, f"{path} could not be made"))
        self._ids.pop(path, None)


class LibmtpAdapter:
    """Garmin watches seen by libmtp."""

    kind = "libmtp"

    def __init__(
        self,
        load: Callable[[], Libmtp] | None = None,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        self._load = load or _load_system_libmtp
        self._binding: Libmtp | None = None
        self._why: str | None = None
        self.timeout = timeout

    def binding(self) -> Libmtp | None:
        if self._binding is None and self._why is None:
            try:
                self._binding = self._load()
            except OSError as exc:
                self._why = str(exc)
        return self._binding

    def unavailable(self) -> str | None:
        return None if self.binding() is not None else self._why

    def discover(self) -> list[DeviceInfo]:
        binding = self.binding()
        if binding is None:
            return []
        raw_array, raws = binding.detect()
        try:
            return [DeviceInfo(self.kind, raw_id(r), raw_name(r)) for r in raws if is_garmin(r)]
        finally:
            if raw_array:
                binding.free(raw_array)

    def open(self, info: DeviceInfo) -> LibmtpDevice:
        binding = self.binding()
        if binding is None:
            raise DeviceError(f"libmtp: {self._why}")
        return LibmtpDevice(info, binding, self.timeout)


@functools.cache
def _load_system_libmtp() -> Libmtp:
    """Loaded and initialised once per process (LIBMTP_Init must not run again)."""
    lib, _ = mtp.load()
    return Libmtp(lib, mtp.libc_free())
