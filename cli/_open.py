"""Files handed to the app by the desktop ("Open with StrongStride", a double-click on a .fit).

The installers register StrongStride for `.fit` files; the desktop then starts it with the
file's path as its only arguments. Those are not commands: the window opens and imports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

OPENABLE = (".fit", ".fit.gz", ".zip")


def opened_files(argv: Sequence[str]) -> bool:
    """True when every argument is an existing activity file (and there is at least one)."""
    if not argv:
        return False
    return all(
        not a.startswith("-") and a.lower().endswith(OPENABLE) and Path(a).is_file() for a in argv
    )
