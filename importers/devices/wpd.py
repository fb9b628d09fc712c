"""Windows: MTP watches through Windows Portable Devices (WPD), the COM API Explorer uses.

`IPortableDeviceManager` lists devices (no opening, so polling takes the watch from no one);
a Garmin is one with USB vendor id 091e in its PnP id or "Garmin" as its manufacturer, and not
a mass-storage volume (those are the drive adapter's). `IPortableDevice.Open` → `Content()` →
`EnumObjects` walks objects from "DEVICE" (storages first), `IPortableDeviceProperties` gives
names and sizes, `IPortableDeviceResources.GetStream` reads a file and
`CreateObjectWithPropertiesAndData` writes one.

The COM wrappers are comtypes' generated modules (see `wpd_api`). Two generated signatures
mark arrays as single `[out]` values (`IEnumPortableDeviceObjectIDs.Next`,
`IPortableDeviceManager.GetDevices`), so those are called with caller-allocated arrays, the
first through its raw method. COM is initialised on each
device's own thread (`calls.DeviceThread`), which is the only thread that touches its objects.
"""

from __future__ import annotations

import contextlib
import ctypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

from importers.devices.base import DeviceError, DeviceGone, DeviceInfo, Entry
from importers.devices.calls import DEFAULT_TIMEOUT_S, DeviceThread, ThreadedDevice
from importers.devices.wpd_api import (
    CONTENT_TYPE,
    DEVICE_OBJECT,
    FOLDER,
    FORMAT,
    FORMAT_UNSPECIFIED,
    FUNCTIONAL_OBJECT,
    GENERIC_FILE,
    NAME,
    OBJECT,
    ORIGINAL_FILE_NAME,
    PARENT_ID,
    RESOURCE_DEFAULT,
    SIZE,
    STGM_READ,
    WpdApi,
    load_api,
    manager_strings,
    manager_text,
)
from importers.devices.wpd_errors import com_failure

BATCH = 32  # object ids asked for per IEnumPortableDeviceObjectIDs.Next call


def is_watch(pnp_id: str, manufacturer: str) -> bool:
    """A Garmin that speaks MTP (mass-storage volumes are the drive adapter's)."""
    low = pnp_id.lower()
    if "usbstor" in low or "storage#volume" in low:
        return False
    return "vid_091e" in low or "garmin" in manufacturer.lower()


def discover_devices(api: WpdApi) -> list[DeviceInfo]:
    manager = api.make(api.port.PortableDeviceManager, api.port.IPortableDeviceManager)
    found = []
    for pnp_id in manager_strings(manager.GetDevices):
        maker = manager_text(lambda buf, n, i=pnp_id: manager.GetDeviceManufacturer(i, buf, n))
        if not is_watch(pnp_id, maker):
            continue
        name = manager_text(lambda buf, n, i=pnp_id: manager.GetDeviceFriendlyName(i, buf, n))
        found.append(DeviceInfo("wpd", pnp_id, name or "Garmin watch"))
    return found


class WpdDevice(ThreadedDevice):
    """One opened watch; COM lives on the device's own thread."""

    top_folder = "the storages"

    def __init__(self, info: DeviceInfo, api: WpdApi, timeout: float) -> None:
        self.info = info
        self.api = api
        self.thread = DeviceThread(
            info.name, timeout=timeout, setup=api.co_initialize, teardown=api.co_uninitialize
        )
        self._device: Any = None
        self._ids: dict[str, tuple[str, Entry]] = {"": (DEVICE_OBJECT, Entry("", True))}
        try:
            self._call(f"opening {info.name}", self._open)
        except BaseException:
            self.thread.close()
            raise

    def _call(
        self, what: str, fn: Callable[..., Any], *args: Any, timeout: float | None = None
    ) -> Any:
        return self.thread.call(what, com_failure(self.info.name, what, fn), *args, timeout=timeout)

    def close(self) -> None:
        with contextlib.suppress(DeviceError):  # stuck: Windows frees it when the app ends
            self.thread.call("letting go of the watch", self._close, timeout=5)
        self.thread.close()

    # -- on the device thread -------------------------------------------------------------
    def _open(self) -> None:
        api = self.api
        client = api.values()
        device = api.make(api.port.PortableDevice, api.port.IPortableDevice)
        device.Open(self.info.id, client)
        self._device = device
        self._content = device.Content()
        self._properties = self._content.Properties()
        keys = api.make(
            api.types.PortableDeviceKeyCollection, api.port.IPortableDeviceKeyCollection
        )
        for pid in (NAME, ORIGINAL_FILE_NAME, CONTENT_TYPE, SIZE):
            keys.Add(api.key(OBJECT, pid))
        self._keys = keys

    def _close(self) -> None:
        if self._device is not None:
            self._device.Close()
        # Released here, on the thread that made them, not later by the garbage collector.
        self._device = self._content = self._properties = self._keys = None

    def _children(self, object_id: str) -> list[str]:
        objects = self._content.EnumObjects(0, object_id, None)
        ids: list[str] = []
        while True:
            array = (ctypes.c_wchar_p * BATCH)()
            fetched = ctypes.pointer(ctypes.c_ulong(0))
            pointer = ctypes.cast(array, ctypes.POINTER(ctypes.c_wchar_p))
            objects._IEnumPortableDeviceObjectIDs__com_Next(BATCH, pointer, fetched)
            got = fetched.contents.value
            ids += [array[i] for i in range(got)]
            if got < BATCH:
                return ids

    def _entry(self, object_id: str) -> Entry:
        api = self.api
        values = self._properties.GetValues(object_id, self._keys)
        kind = str(values.GetGuidValue(api.key(OBJECT, CONTENT_TYPE))).upper()
        is_dir = kind in (FOLDER, FUNCTIONAL_OBJECT)
        try:
            name = values.GetStringValue(api.key(OBJECT, ORIGINAL_FILE_NAME))
        except Exception:  # not every object has one; the display name then is the name
            name = values.GetStringValue(api.key(OBJECT, NAME))
        size = 0 if is_dir else values.GetUnsignedLargeIntegerValue(api.key(OBJECT, SIZE))
        return Entry(name, is_dir, size)

    def _list(self, folder: str) -> list[Entry]:
        folder = folder.strip("/")
        object_id, entry = self._known(folder)
        if not entry.is_dir:
            raise DeviceError(f"{folder} on {self.info.name} is a file, not a folder")
        entries = []
        for child in self._children(object_id):
            e = self._entry(child)
            self._ids["/".join(p for p in (folder, e.name) if p)] = (child, e)
            entries.append(e)
        return entries

    def _known(self, path: str) -> tuple[str, Entry]:
        if path not in self._ids:
            parent = path.rpartition("/")[0]
            self._list(parent)
        if path not in self._ids:
            raise DeviceGone(f"{path} is not on {self.info.name} any more")
        return self._ids[path]

    def _stat(self, path: str) -> Entry:
        self._ids.pop(path, None)
        return self._known(path)[1]

    def _read(self, path: str, dest: Path) -> int:
        object_id, _ = self._known(path)
        resources = self._content.Transfer()
        block = ctypes.pointer(ctypes.c_ulong(0))
        block, stream = resources.GetStream(
            object_id, self.api.key(*RESOURCE_DEFAULT), STGM_READ, block
        )
        size = max(block.contents.value, 4096)
        total = 0
        with dest.open("wb") as out:
            while True:
                data, got = stream.RemoteRead(size)
                if got == 0:
                    return total
                out.write(bytes(data)[:got])
                total += got

    def _write(self, path: str, data: bytes) -> None:
        folder, _, name = path.rpartition("/")
        parent, _ = self._known(folder)
        values = self._object_values(parent, name, GENERIC_FILE)
        values.SetUnsignedLargeIntegerValue(self.api.key(OBJECT, SIZE), len(data))
        values.SetGuidValue(self.api.key(OBJECT, FORMAT), self.api.guid(FORMAT_UNSPECIFIED))
        stream, block, _ = self._content.CreateObjectWithPropertiesAndData(
            values, ctypes.pointer(ctypes.c_ulong(0)), ctypes.POINTER(ctypes.c_wchar_p)()
        )
        size = max(block.contents.value, 4096)
        for start in range(0, len(data), size):
            chunk = data[start : start + size]
            buffer = ctypes.create_string_buffer(chunk, len(chunk))
            stream.RemoteWrite(ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ubyte)), len(chunk))
        stream.Commit(0)  # only now does the file appear on the watch
        self._ids.pop(path, None)

    def _make_folder(self, path: str) -> None:
        folder, _, name = path.rpartition("/")
        parent, _ = self._known(folder)
        values = self._object_values(parent, name, FOLDER)
        self._content.CreateObjectWithPropertiesOnly(values, ctypes.pointer(ctypes.c_wchar_p()))
        self._ids.pop(path, None)

    def _object_values(self, parent: str, name: str, content_type: str) -> Any:
        api = self.api
        values = api.values()
        values.SetStringValue(api.key(OBJECT, PARENT_ID), parent)
        values.SetStringValue(api.key(OBJECT, NAME), name)
        values.SetStringValue(api.key(OBJECT, ORIGINAL_FILE_NAME), name)
        values.SetGuidValue(api.key(OBJECT, CONTENT_TYPE), api.guid(content_type))
        return values


class WpdAdapter:
    """Garmin watches seen by Windows Portable Devices."""

    kind = "wpd"

    def __init__(
        self, load: Callable[[], WpdApi] | None = None, timeout: float = DEFAULT_TIMEOUT_S
    ) -> None:
        self._load = load or load_api
        self._api: WpdApi | None = None
        self._why: str | None = None
        self.timeout = timeout

    def api(self) -> WpdApi | None:
        if self._api is None and self._why is None:
            try:
                self._api = self._load()
            except OSError as exc:
                self._why = str(exc)
        return self._api

    def unavailable(self) -> str | None:
        return None if self.api() is not None else self._why

    def discover(self) -> list[DeviceInfo]:
        api = self.api()
        if api is None:
            return []
        worker = DeviceThread(
            "Windows Portable Devices",
            timeout=self.timeout,
            setup=api.co_initialize,
            teardown=api.co_uninitialize,
        )
        try:
            what = "listing portable devices"
            return worker.call(what, com_failure("Windows", what, discover_devices), api)
        finally:
            worker.close()

    def open(self, info: DeviceInfo) -> WpdDevice:
        api = self.api()
        if api is None:
            raise DeviceError(f"Windows Portable Devices: {self._why}")
        return WpdDevice(info, api, self.timeout)
