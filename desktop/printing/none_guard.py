"""Keep Python's None alive under PySide6 builds that assume it is immortal.

PySide6 6.12 returns None from void methods (QPainter.setPen, drawRect, ...) without taking a
reference, which is only correct on Python 3.12+ where None is immortal (PEP 683). On 3.11
every such call drops one reference, and after some tens of thousands of calls (a 52-week PDF
makes far more) the interpreter aborts with "deallocating None". Giving None a huge reference
count once is what 3.12 does by design, and harmless otherwise.
"""

from __future__ import annotations

import ctypes
import sys

_DONE = False


def keep_none_alive() -> None:
    """Raise None's reference count far out of reach (no-op on Python 3.12 and later)."""
    global _DONE
    if _DONE or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 50
    _DONE = True
