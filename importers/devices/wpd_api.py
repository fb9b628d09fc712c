"""The Windows Portable Devices COM API as the WPD adapter uses it: property keys and GUIDs,
loading comtypes' generated wrappers, and the manager's fill-a-caller's-buffer calls.

`WpdApi` bundles what the adapter takes from comtypes, so tests can hand it a recorded COM
object tree instead (tests/importers/fake_wpd.py).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

OBJECT = "{EF6B490D-5CD8-437A-AFFC-DA8B60EE4A3C}"  # WPD_OBJECT_* property keys
PARENT_ID, NAME, FORMAT, CONTENT_TYPE, SIZE, ORIGINAL_FILE_NAME = 3, 4, 6, 7, 11, 12
RESOURCE_DEFAULT = ("{E81E79BE-34F0-41BF-B53F-F1A06AE87842}", 0)
FOLDER = "{27E2E392-A111-48E0-AB0C-E17705A05F85}"  # WPD_CONTENT_TYPE_FOLDER
FUNCTIONAL_OBJECT = "{99ED0160-17FF-4C44-9D98-1D7A6F941921}"  # storages
GENERIC_FILE = "{0085E0A6-8D34-45D7-BC5C-447E59C73D48}"
FORMAT_UNSPECIFIED = "{30000000-AE6C-4804-98BA-C57B46965FE7}"
STGM_READ = 0
DEVICE_OBJECT = "DEVICE"


@dataclass(frozen=True)
class WpdApi:
    """What the adapter needs from comtypes (real on Windows, recorded in tests)."""

    port: Any  # comtypes.gen.PortableDeviceApiLib
    types: Any  # comtypes.gen.PortableDeviceTypesLib
    create: Callable[..., Any]  # comtypes.client.CreateObject
    guid: Callable[[str], Any]  # comtypes.GUID
    co_initialize: Callable[[], None]
    co_uninitialize: Callable[[], None]
    clsctx: int = 1  # CLSCTX_INPROC_SERVER

    def make(self, coclass: Any, interface: Any) -> Any:
        return self.create(coclass, clsctx=self.clsctx, interface=interface)

    def key(self, fmtid: str, pid: int) -> Any:
        k = self.port._tagpropertykey()
        k.fmtid = self.guid(fmtid)
        k.pid = pid
        return ctypes.pointer(k)

    def values(self) -> Any:
        return self.make(self.types.PortableDeviceValues, self.port.IPortableDeviceValues)


def load_api() -> WpdApi:
    """comtypes and the wrappers shipped with the app; OSError saying what is missing.

    The wrappers are generated at build time by packaging/windows/generate_comtypes.py and
    shipped in the app; a frozen app never generates them (comtypes cannot write its cache
    inside a bundle). A development checkout generates them on first use.
    """
    try:
        import comtypes
        import comtypes.client
    except ImportError as exc:
        raise OSError("comtypes is not installed") from exc
    try:
        from comtypes.gen import PortableDeviceApiLib as port
        from comtypes.gen import PortableDeviceTypesLib as types
    except ImportError:
        if getattr(sys, "frozen", False):
            raise OSError(
                "this build of the app lacks its Windows Portable Devices wrappers"
            ) from None
        comtypes.client.GetModule("portabledeviceapi.dll")  # a development checkout
        comtypes.client.GetModule("portabledevicetypes.dll")
        from comtypes.gen import PortableDeviceApiLib as port
        from comtypes.gen import PortableDeviceTypesLib as types
    return WpdApi(
        port=port,
        types=types,
        create=comtypes.client.CreateObject,
        guid=comtypes.GUID,
        co_initialize=lambda: comtypes.CoInitializeEx(comtypes.COINIT_MULTITHREADED),
        co_uninitialize=comtypes.CoUninitialize,
        clsctx=comtypes.CLSCTX_INPROC_SERVER,
    )


def manager_strings(call: Callable[[Any, Any], Any]) -> list[str]:
    """Call a manager method that fills a caller-allocated string array (count, then fill)."""
    count = ctypes.pointer(ctypes.c_ulong(0))
    call(ctypes.POINTER(ctypes.c_wchar_p)(), count)
    if count.contents.value == 0:
        return []
    array = (ctypes.c_wchar_p * count.contents.value)()
    call(ctypes.cast(array, ctypes.POINTER(ctypes.c_wchar_p)), count)
    return [s for s in array[: count.contents.value] if s]


def manager_text(call: Callable[[Any, Any], Any]) -> str:
    """Call a manager method that fills a caller-allocated text buffer (size, then fill)."""
    size = ctypes.pointer(ctypes.c_ulong(0))
    call(ctypes.POINTER(ctypes.c_ushort)(), size)
    if size.contents.value == 0:
        return ""
    buffer = ctypes.create_unicode_buffer(size.contents.value)
    call(ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size)
    return buffer.value
