"""Device calls on one thread of their own, each with a time limit, so nothing ever hangs.

A watch can stop answering in the middle of a call (unplugged, asleep, a driver stuck in
the kernel). Native calls cannot be interrupted, so every call runs on the device's own
thread and the caller waits at most `timeout` seconds. After a time-out the thread may still
be stuck; the device is then treated as gone and every later call fails at once.

One thread per device also suits the native libraries: COM objects belong to the thread that
initialised COM (`setup` runs there first), and libmtp is not made for concurrent calls.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from importers.devices.base import DeviceError, DeviceTimeout

T = TypeVar("T")
DEFAULT_TIMEOUT_S = 30.0  # one file of a few MB over a slow MTP link stays well below this
LIST_FACTOR = 4  # listing a folder may take this many times longer: MTP asks for every
# object's details one by one, and an Activity folder can hold thousands of files
_STOP = object()


class DeviceThread:
    """Runs calls one after the other on a daemon thread; callers wait with a time limit."""

    def __init__(
        self,
        name: str,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        setup: Callable[[], None] | None = None,
        teardown: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        self.timeout = timeout
        self._setup = setup
        self._teardown = teardown
        self._calls: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._stuck: str | None = None
        self._thread = threading.Thread(target=self._serve, name=f"device {name}", daemon=True)
        self._thread.start()

    def call(self, what: str, fn: Callable[..., T], *args: Any, timeout: float | None = None) -> T:
        """Run `fn(*args)` on the device thread; `what` names the call in a time-out message."""
        if self._stuck is not None:
            raise DeviceTimeout(
                f"{self.name} stopped answering ({self._stuck}); unplug it, plug it in again "
                "and sync again"
            )
        future: Future[T] = Future()
        self._calls.put((fn, args, future))
        limit = self.timeout if timeout is None else timeout
        try:
            return future.result(timeout=limit)
        except FutureTimeout:
            self._stuck = f"{what} took longer than {limit:g} s"
            raise DeviceTimeout(
                f"{self.name} stopped answering: {what} took longer than {limit:g} s; unplug "
                "it, plug it in again and sync again"
            ) from None

    def close(self) -> None:
        """Ask the thread to finish (after `teardown`); a stuck thread is left to the OS."""
        self._calls.put(_STOP)

    def _serve(self) -> None:
        setup_error: BaseException | None = None
        if self._setup is not None:
            try:
                self._setup()
            except Exception as exc:  # reported to every caller below
                setup_error = exc
        try:
            while True:
                item = self._calls.get()
                if item is _STOP:
                    return
                fn, args, future = item
                if not future.set_running_or_notify_cancel():
                    continue
                if setup_error is not None:
                    future.set_exception(DeviceError(f"{self.name}: {setup_error}"))
                    continue
                try:
                    future.set_result(fn(*args))
                except BaseException as exc:  # handed to the caller's thread
                    future.set_exception(exc)
        finally:
            if self._teardown is not None and setup_error is None:
                self._teardown()


def call_with_timeout(what: str, fn: Callable[[], T], timeout: float) -> T:
    """One call on a throw-away thread (used for discovery, which has no device yet)."""
    worker = DeviceThread(what, timeout=timeout)
    try:
        return worker.call(what, fn)
    finally:
        worker.close()


class ThreadedDevice:
    """The `Device` surface of an adapter whose every call runs on `self.thread` with a time
    limit. Subclasses set `thread` and `top_folder` and provide `_list`, `_stat`, `_read`,
    `_write` and `_make_folder`; `_call` may wrap each call (WPD turns COM errors into words)."""

    thread: DeviceThread
    top_folder = "the top folder"  # how a time-out message names the listing of ""

    def _call(self, what: str, fn: Callable[..., T], *args: Any, timeout: float | None = None) -> T:
        return self.thread.call(what, fn, *args, timeout=timeout)

    def list(self, folder: str) -> list:
        return self._call(
            f"listing {folder or self.top_folder}",
            self._list,
            folder,
            timeout=self.thread.timeout * LIST_FACTOR,
        )

    def stat(self, path: str):
        return self._call(f"looking at {path}", self._stat, path)

    def read(self, path: str, dest) -> int:
        return self._call(f"reading {path}", self._read, path, dest)

    def write(self, path: str, data: bytes) -> None:
        self._call(f"writing {path}", self._write, path, data)

    def make_folder(self, path: str) -> None:
        self._call(f"making {path}", self._make_folder, path)
