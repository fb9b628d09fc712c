"""A recorded Windows Portable Devices object tree answering like the COM API through comtypes.

The fakes take and return what comtypes' generated wrappers do: caller-allocated string arrays
for `GetDevices` and `IEnumPortableDeviceObjectIDs.Next`, wide-character buffers sized by a
first call for the manager's names, `_tagpropertykey` pointers for properties, `(pointer,
stream)` from `GetStream`, `(data, count)` from `RemoteRead`, and errors as exceptions with
an `hresult`. They run on Linux too. Every call notes its thread, so tests can check that COM
is used only on the thread that initialised it.
"""

from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass, field

from importers.devices import wpd_api as wpd


class COMError(Exception):
    def __init__(self, hresult: int, text: str = "") -> None:
        super().__init__(text)
        self.hresult = hresult - (1 << 32) if hresult & 0x80000000 else hresult  # signed
        self.text = text


class Guid(ctypes.Structure):
    _fields_ = [("chars", ctypes.c_char * 39)]

    def __str__(self) -> str:
        return self.chars.decode()


class PropertyKey(ctypes.Structure):
    _fields_ = [("fmtid", Guid), ("pid", ctypes.c_ulong)]


def guid(text: str) -> Guid:
    return Guid(text.upper().encode())


def _key(pointer) -> tuple[str, int]:
    return str(pointer.contents.fmtid), pointer.contents.pid


def _write_text(buffer, text: str) -> None:
    source = ctypes.create_unicode_buffer(text)
    ctypes.memmove(buffer, source, ctypes.sizeof(source))


@dataclass
class Obj:
    name: str
    kind: str = wpd.FOLDER  # content type GUID
    data: bytes | None = None
    children: list[Obj] = field(default_factory=list)
    object_id: str = ""
    original_name: bool = True  # storages have only WPD_OBJECT_NAME


def storage(name: str, *children: Obj) -> Obj:
    return Obj(name, wpd.FUNCTIONAL_OBJECT, None, list(children), original_name=False)


def folder(name: str, *children: Obj) -> Obj:
    return Obj(name, wpd.FOLDER, None, list(children))


def file(name: str, data: bytes) -> Obj:
    return Obj(name, wpd.GENERIC_FILE, data)


class FakeWpd:
    """One recorded machine: devices (PnP id → manufacturer, friendly name, storages)."""

    def __init__(self, devices: dict[str, tuple[str, str, list[Obj]]]) -> None:
        self.devices = devices
        self.objects: dict[str, Obj] = {}
        self.initialised: set[int] = set()  # threads that called CoInitializeEx
        self.threads: set[int] = set()  # threads that called a COM method
        self.open_errors: list[int] = []  # HRESULTs Open raises, one per attempt
        self.opened: list[str] = []
        self.closed = 0
        self.read_errors: dict[str, int] = {}  # file name → HRESULT raised by RemoteRead
        for _, _, storages in devices.values():
            root = Obj("DEVICE", children=storages, object_id=wpd.DEVICE_OBJECT)
            self.objects[wpd.DEVICE_OBJECT] = root  # one device at a time in these tests
            self._number(root)

    def _number(self, parent: Obj) -> None:
        for child in parent.children:
            child.object_id = child.object_id or f"o{len(self.objects) + 1}"
            self.objects[child.object_id] = child
            self._number(child)

    def seen(self) -> None:
        self.threads.add(threading.get_ident())

    def api(self) -> wpd.WpdApi:
        port = type("port", (), {"_tagpropertykey": PropertyKey})
        for name in ("PortableDeviceManager", "PortableDevice", "IPortableDeviceManager"):
            setattr(port, name, name)
        port.IPortableDevice = port.IPortableDeviceValues = "interface"
        port.IPortableDeviceKeyCollection = "interface"
        types = type("types", (), {"PortableDeviceValues": "values"})
        types.PortableDeviceKeyCollection = "keys"
        return wpd.WpdApi(
            port=port,
            types=types,
            create=self.create,
            guid=guid,
            co_initialize=lambda: self.initialised.add(threading.get_ident()),
            co_uninitialize=lambda: None,
        )

    def create(self, coclass, clsctx, interface):
        self.seen()
        return {
            "PortableDeviceManager": lambda: Manager(self),
            "PortableDevice": lambda: Device(self),
            "values": Values,
            "keys": Keys,
        }[coclass]()


class Manager:
    def __init__(self, wpd_: FakeWpd) -> None:
        self.wpd = wpd_

    def GetDevices(self, ids, count):
        self.wpd.seen()
        pnp = list(self.wpd.devices)
        if ids:
            for i, pnp_id in enumerate(pnp):
                ids[i] = pnp_id
        count[0] = len(pnp)

    def _text(self, text: str, buffer, size) -> None:
        if buffer:
            _write_text(buffer, text)
        size[0] = len(text) + 1

    def GetDeviceManufacturer(self, pnp_id, buffer, size):
        self._text(self.wpd.devices[pnp_id][0], buffer, size)

    def GetDeviceFriendlyName(self, pnp_id, buffer, size):
        self._text(self.wpd.devices[pnp_id][1], buffer, size)


class Keys:
    def __init__(self) -> None:
        self.keys: list[tuple[str, int]] = []

    def Add(self, key) -> None:
        self.keys.append(_key(key))


class Values:
    def __init__(self, values: dict | None = None) -> None:
        self.values = values or {}

    def _get(self, key):
        try:
            return self.values[_key(key)]
        except KeyError:
            raise COMError(0x80070490, "Element not found.") from None

    GetStringValue = GetUnsignedLargeIntegerValue = _get

    def GetGuidValue(self, key):
        return guid(self._get(key))

    def _set(self, key, value):
        self.values[_key(key)] = value

    SetStringValue = SetUnsignedLargeIntegerValue = _set

    def SetGuidValue(self, key, value):
        self.values[_key(key)] = str(value)


class Device:
    def __init__(self, wpd_: FakeWpd) -> None:
        self.wpd = wpd_

    def Open(self, pnp_id, client):
        self.wpd.seen()
        if self.wpd.open_errors:
            raise COMError(self.wpd.open_errors.pop(0), "The requested resource is in use.")
        self.wpd.opened.append(pnp_id)

    def Content(self):
        return Content(self.wpd)

    def Close(self):
        self.wpd.closed += 1


class Content:
    def __init__(self, wpd_: FakeWpd) -> None:
        self.wpd = wpd_

    def Properties(self):
        return Properties(self.wpd)

    def Transfer(self):
        return Resources(self.wpd)

    def EnumObjects(self, flags, parent_id, filter_):
        self.wpd.seen()
        return Enum([c.object_id for c in self.wpd.objects[parent_id].children])

    def _create(self, values: Values, data: bytes | None) -> Obj:
        v = values.values
        parent = self.wpd.objects[v[(wpd.OBJECT, wpd.PARENT_ID)]]
        new = Obj(v[(wpd.OBJECT, wpd.ORIGINAL_FILE_NAME)], v[(wpd.OBJECT, wpd.CONTENT_TYPE)], data)
        parent.children.append(new)
        self.wpd._number(parent)
        return new

    def CreateObjectWithPropertiesAndData(self, values, block, object_id):
        self.wpd.seen()
        block.contents.value = 7  # small blocks make the writer loop
        return WriteStream(self, values), block, object_id

    def CreateObjectWithPropertiesOnly(self, values, object_id):
        self.wpd.seen()
        self._create(values, None)


class Enum:
    def __init__(self, ids: list[str]) -> None:
        self.ids = ids

    def _IEnumPortableDeviceObjectIDs__com_Next(self, wanted, array, fetched):
        batch, self.ids = self.ids[:wanted], self.ids[wanted:]
        for i, object_id in enumerate(batch):
            array[i] = object_id
        fetched.contents.value = len(batch)


class Properties:
    def __init__(self, wpd_: FakeWpd) -> None:
        self.wpd = wpd_

    def GetValues(self, object_id, keys):
        self.wpd.seen()
        obj = self.wpd.objects[object_id]
        values = {(wpd.OBJECT, wpd.NAME): obj.name.rsplit(".", 1)[0]}
        values[(wpd.OBJECT, wpd.CONTENT_TYPE)] = obj.kind
        if obj.original_name:
            values[(wpd.OBJECT, wpd.ORIGINAL_FILE_NAME)] = obj.name
        if obj.data is not None:
            values[(wpd.OBJECT, wpd.SIZE)] = len(obj.data)
        return Values(values)


class Resources:
    def __init__(self, wpd_: FakeWpd) -> None:
        self.wpd = wpd_

    def GetStream(self, object_id, key, mode, block):
        self.wpd.seen()
        assert _key(key) == wpd.RESOURCE_DEFAULT and mode == wpd.STGM_READ
        block.contents.value = 5000
        return block, ReadStream(self.wpd, self.wpd.objects[object_id])


class ReadStream:
    def __init__(self, wpd_: FakeWpd, obj: Obj) -> None:
        self.wpd, self.obj, self.at = wpd_, obj, 0

    def RemoteRead(self, size):
        self.wpd.seen()
        if self.at and self.obj.name in self.wpd.read_errors:
            raise COMError(self.wpd.read_errors[self.obj.name], "device failure")
        chunk = self.obj.data[self.at : self.at + size]
        self.at += len(chunk)
        return (ctypes.c_ubyte * size).from_buffer_copy(chunk.ljust(size, b"\0")), len(chunk)


class WriteStream:
    def __init__(self, content: Content, values: Values) -> None:
        self.content, self.values, self.data = content, values, b""

    def RemoteWrite(self, pointer, size):
        self.data += ctypes.string_at(pointer, size)
        return size

    def Commit(self, flags):
        assert len(self.data) == self.values.values[(wpd.OBJECT, wpd.SIZE)]
        self.content._create(self.values, self.data)
