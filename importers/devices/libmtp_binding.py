"""A small ctypes binding of libmtp (LGPL-2.1+), loaded at run time, never linked in.

Only what a watch sync needs: find raw devices, open one without caching its whole file
tree, list a folder, copy a file to and from a local file, make a folder, read the error
stack. Structures follow `libmtp.h` of libmtp 1.1 (only the leading fields we read are
declared for the device structure). The library is looked up by absolute path inside the
app bundle when the app is frozen (macOS: Contents/Frameworks, where libusb is loaded first
so libmtp finds it), else where the system keeps it. Its licence and the source offer are in
resources/licenses/libmtp/.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = 0xFFFFFFFF  # LIBMTP_FILES_AND_FOLDERS_ROOT
FILETYPE_FOLDER = 0
FILETYPE_UNKNOWN = 44
ERROR_NONE, ERROR_NO_DEVICE_ATTACHED, ERROR_CONNECTING = 0, 5, 7
LOCK = threading.RLock()  # libmtp is not made for concurrent calls


class DeviceEntry(ctypes.Structure):
    _fields_ = [
        ("vendor", ctypes.c_char_p),
        ("vendor_id", ctypes.c_uint16),
        ("product", ctypes.c_char_p),
        ("product_id", ctypes.c_uint16),
        ("device_flags", ctypes.c_uint32),
    ]


class RawDevice(ctypes.Structure):
    _fields_ = [
        ("device_entry", DeviceEntry),
        ("bus_location", ctypes.c_uint32),
        ("devnum", ctypes.c_uint8),
    ]


class Storage(ctypes.Structure):
    pass


Storage._fields_ = [
    ("id", ctypes.c_uint32),
    ("StorageType", ctypes.c_uint16),
    ("FilesystemType", ctypes.c_uint16),
    ("AccessCapability", ctypes.c_uint16),
    ("MaxCapacity", ctypes.c_uint64),
    ("FreeSpaceInBytes", ctypes.c_uint64),
    ("FreeSpaceInObjects", ctypes.c_uint64),
    ("StorageDescription", ctypes.c_char_p),
    ("VolumeIdentifier", ctypes.c_char_p),
    ("next", ctypes.POINTER(Storage)),
    ("prev", ctypes.POINTER(Storage)),
]


class MtpDevice(ctypes.Structure):
    """The leading fields of LIBMTP_mtpdevice_t, up to the storage list we read."""

    _fields_ = [
        ("object_bitsize", ctypes.c_uint8),
        ("params", ctypes.c_void_p),
        ("usbinfo", ctypes.c_void_p),
        ("storage", ctypes.POINTER(Storage)),
        ("errorstack", ctypes.c_void_p),
    ]


class File(ctypes.Structure):
    pass


File._fields_ = [
    ("item_id", ctypes.c_uint32),
    ("parent_id", ctypes.c_uint32),
    ("storage_id", ctypes.c_uint32),
    ("filename", ctypes.c_char_p),
    ("filesize", ctypes.c_uint64),
    ("modificationdate", ctypes.c_long),  # time_t
    ("filetype", ctypes.c_int),
    ("next", ctypes.POINTER(File)),
]


class Error(ctypes.Structure):
    pass


Error._fields_ = [
    ("errornumber", ctypes.c_int),
    ("error_text", ctypes.c_char_p),
    ("next", ctypes.POINTER(Error)),
]

DEV = ctypes.POINTER(MtpDevice)
PROTOTYPES: dict[str, tuple[Any, list[Any]]] = {
    "LIBMTP_Init": (None, []),
    "LIBMTP_Set_Debug": (None, [ctypes.c_int]),
    "LIBMTP_Detect_Raw_Devices": (
        ctypes.c_int,
        [ctypes.POINTER(ctypes.POINTER(RawDevice)), ctypes.POINTER(ctypes.c_int)],
    ),
    "LIBMTP_Open_Raw_Device_Uncached": (DEV, [ctypes.POINTER(RawDevice)]),
    "LIBMTP_Release_Device": (None, [DEV]),
    "LIBMTP_Get_Friendlyname": (ctypes.c_void_p, [DEV]),
    "LIBMTP_Get_Storage": (ctypes.c_int, [DEV, ctypes.c_int]),
    "LIBMTP_Get_Files_And_Folders": (
        ctypes.POINTER(File),
        [DEV, ctypes.c_uint32, ctypes.c_uint32],
    ),
    "LIBMTP_destroy_file_t": (None, [ctypes.POINTER(File)]),
    "LIBMTP_new_file_t": (ctypes.POINTER(File), []),
    "LIBMTP_Get_File_To_File": (
        ctypes.c_int,
        [DEV, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p],
    ),
    "LIBMTP_Send_File_From_File": (
        ctypes.c_int,
        [DEV, ctypes.c_char_p, ctypes.POINTER(File), ctypes.c_void_p, ctypes.c_void_p],
    ),
    "LIBMTP_Create_Folder": (
        ctypes.c_uint32,
        [DEV, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint32],
    ),
    "LIBMTP_Get_Errorstack": (ctypes.POINTER(Error), [DEV]),
    "LIBMTP_Clear_Errorstack": (None, [DEV]),
}


def bundle_folder() -> Path | None:
    """Where a frozen app keeps its libraries (macOS: the bundle's Contents/Frameworks)."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))


def candidates(platform: str | None = None, bundle: Path | None = None) -> list[str]:
    """Library files to try, most specific first; absolute paths inside a bundle."""
    platform = platform or sys.platform
    if platform == "darwin":
        names = ["libmtp.9.dylib", "libmtp.dylib"]
        if bundle is not None:
            return [str(bundle / n) for n in names]
        brew = [Path("/opt/homebrew/lib"), Path("/usr/local/lib"), Path("/opt/local/lib")]
        return [str(folder / n) for folder in brew for n in names]
    inside = [str(bundle / "libmtp.so.9")] if bundle is not None else []
    found = ctypes.util.find_library("mtp")
    return [*inside, "libmtp.so.9", *([found] if found else [])]


def preload_libusb(bundle: Path | None) -> None:
    """In a bundle, load libusb by absolute path first, so libmtp's dependency is found."""
    if bundle is None:
        return
    for name in ("libusb-1.0.0.dylib", "libusb-1.0.so.0"):
        if (bundle / name).is_file():
            ctypes.CDLL(str(bundle / name), mode=ctypes.RTLD_GLOBAL)


def load(platform: str | None = None) -> tuple[Any, str]:
    """The loaded library and the file it came from; OSError naming every place tried."""
    bundle = bundle_folder()
    preload_libusb(bundle)
    tried = candidates(platform, bundle)
    for name in tried:
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        declare(lib)
        return lib, name
    raise OSError(f"libmtp is not installed (looked for {', '.join(tried)})")


def declare(lib: Any) -> None:
    for name, (restype, argtypes) in PROTOTYPES.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes


def libc_free() -> Any:
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
    free = libc.free
    free.argtypes = [ctypes.c_void_p]
    free.restype = None
    return free
