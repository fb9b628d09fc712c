"""Locks held on small files beside the database.

* The schema lock (`strongstride.sqlite.lock`) is held, exclusively, while a database is created
  or migrated, so any number of commands may start at once on a new folder: the first creates
  the schema, the others wait and then find it there.
* The window lock (`.window.lock` in the data folder) is held by an open window for its whole
  life, so a second window on the same data is refused instead of fighting the first one.

The operating system drops a lock when its process ends (even by SIGKILL), so a crash never
leaves a stale lock behind; the lock files themselves stay and are harmless.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store.privacy import PRIVATE_FILE

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class LockTimeout(Exception):
    """The lock stayed taken for longer than we were willing to wait."""


def _open_lock_file(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)


@contextmanager
def exclusive(path: Path, *, timeout: float = 60.0) -> Iterator[None]:
    """Hold the lock on `path` (created if missing) for the block; wait up to `timeout` s."""
    fd = _open_lock_file(path)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise LockTimeout(str(path))
            time.sleep(0.02)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


class HeldLock:
    """A lock kept until `release()` or the end of the process (the window lock)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def try_take(cls, path: Path) -> HeldLock | None:
        """The lock, or None when another process holds it. Writes our pid into the file."""
        fd = _open_lock_file(path)
        if not _try_lock(fd):
            os.close(fd)
            return None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        return cls(path, fd)

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None


def holder_pid(path: Path) -> str:
    """The pid written by the process holding the lock at `path` ('' when unknown)."""
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""
