"""One window per data folder.

Two windows on the same data would each plan, undo and cache on their own and overwrite each
other's edits, so an open window holds a lock (`.window.lock` in the data folder) for its whole
life and a second one is refused with a message naming the folder. The command line may still
run beside a window (SQLite lets them take turns), except `restore`, which would change the
data under the window's feet. The lock dies with the process, so a crash never blocks a restart.
"""

from __future__ import annotations

from pathlib import Path

from store.locks import HeldLock, holder_pid

LOCK_FILE = ".window.lock"


class WindowAlreadyOpen(Exception):
    """Another StrongStride window has this data folder open; the message says which."""


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_FILE


def take_window_lock(data_dir: Path) -> HeldLock:
    """The data folder's window lock, held until released or the process ends."""
    lock = HeldLock.try_take(lock_path(data_dir))
    if lock is None:
        raise WindowAlreadyOpen(_already_open(data_dir))
    return lock


def refuse_if_window_open(data_dir: Path, doing: str) -> None:
    """Raise WindowAlreadyOpen when a window holds `data_dir` (for commands that replace data)."""
    lock = HeldLock.try_take(lock_path(data_dir))
    if lock is None:
        raise WindowAlreadyOpen(f"{_already_open(data_dir)}; close it before you {doing}")
    lock.release()


def _already_open(data_dir: Path) -> str:
    pid = holder_pid(lock_path(data_dir))
    who = f" (process {pid})" if pid else ""
    return f"StrongStride is already open on {data_dir}{who}"
