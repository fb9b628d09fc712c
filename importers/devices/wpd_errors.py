"""COM failures of Windows Portable Devices in the runner's words.

WPD reports failures as HRESULTs. A few mean the watch is held by another program or locked
(busy: say what to close or unlock), a few that it stopped answering (time-out) or went away
(unplugged, or the file was deleted); everything else is reported with its code.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from importers.devices.base import DeviceBusy, DeviceError, DeviceGone, DeviceTimeout

T = TypeVar("T")

BUSY = {
    0x800700AA: "the watch is in use",  # ERROR_BUSY
    0x80070020: "another program has the watch open",  # ERROR_SHARING_VIOLATION
    0x802A0001: "another program has the watch open",  # E_WPD_DEVICE_ALREADY_OPENED
    0x80070005: "the watch refused access (is it locked?)",  # E_ACCESSDENIED
}
TIMEOUT = {0x800705B4, 0x80070079}  # ERROR_TIMEOUT, ERROR_SEM_TIMEOUT
GONE = {
    0x8007048F,  # ERROR_DEVICE_NOT_CONNECTED
    0x80070015,  # ERROR_NOT_READY
    0x8007001F,  # ERROR_GEN_FAILURE (unplugged mid-transfer)
    0x80070490,  # ERROR_NOT_FOUND
    0x80070002,  # ERROR_FILE_NOT_FOUND
}


def classify(name: str, what: str, hresult: int, text: str) -> DeviceError:
    code = hresult & 0xFFFFFFFF
    if code in BUSY:
        return DeviceBusy(f"{name}: {BUSY[code]}")
    if code in TIMEOUT:
        return DeviceTimeout(f"{name} stopped answering while {what}")
    if code in GONE:
        return DeviceGone(f"{name}: {what} failed: the watch or the file is not there any more")
    return DeviceError(f"{name}: {what} failed: {text or 'COM error'} (0x{code:08X})")


def com_failure(name: str, what: str, fn: Callable[..., T]) -> Callable[..., T]:
    """`fn` with COM errors (anything carrying an `hresult`) turned into device errors."""

    @functools.wraps(fn)
    def call(*args: Any) -> T:
        try:
            return fn(*args)
        except DeviceError:
            raise
        except Exception as exc:
            hresult = getattr(exc, "hresult", None)
            if hresult is None:
                raise
            raise classify(name, what, hresult, getattr(exc, "text", "") or "") from exc

    return call
