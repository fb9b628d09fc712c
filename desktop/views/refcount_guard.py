"""Keep None, True and False alive under PySide6 builds that assume they are immortal.

PySide6 6.12 hands back None from void calls and True from `Signal.emit()` without taking a
reference; that is only correct on Python 3.12+ (PEP 683). On 3.11 each call drops one
reference and a window that runs for a while aborts with "deallocating None/True". Raising
their counts once is what 3.12 does by design, and harmless otherwise.
"""

from __future__ import annotations

import ctypes
import sys

from desktop.printing.none_guard import keep_none_alive

_DONE = False


def keep_singletons_alive() -> None:
    global _DONE
    keep_none_alive()
    if _DONE or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 50
    _DONE = True
