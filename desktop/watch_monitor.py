"""Noticing a plugged-in watch: a periodic look at drives and MTP devices, off the GUI thread.

Every few seconds the monitor asks `importers.watch.find_watches` (in a background job, since a
slow mount or a USB scan must not freeze the window) which watches every route sees (drives,
gvfs, WPD, libmtp; see `importers.devices`) and emits `appeared(Watch)` / `gone()` on changes.
Discovery opens nothing, so the watch stays free for other programs until the runner syncs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.jobs import JobRunner

if TYPE_CHECKING:
    from importers.devices.base import Adapter
    from importers.watch import Watch


class WatchMonitor(QObject):
    appeared = Signal(object)  # Watch
    gone = Signal()

    def __init__(
        self,
        jobs: JobRunner,
        *,
        interval_ms: int = 4000,
        adapters: Callable[[], list[Adapter] | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.adapters = adapters  # None: every route this system has
        # While a sync holds the watch, looking again would only compete with it for the USB.
        self.paused: Callable[[], bool] = lambda: False
        self.current: Watch | None = None
        self._checking = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self, first_check_ms: int = 1500) -> None:
        """Check periodically; the first look waits until the window has painted its plan."""
        self.timer.start()
        QTimer.singleShot(first_check_ms, self, self.check)

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        if self._checking or self.paused():
            return
        self._checking = True
        adapters = self.adapters()

        def look(cancel: threading.Event) -> list[Watch]:
            from importers.watch import find_watches  # off the start-up path

            return find_watches(adapters)

        job = self.jobs.start(look, "watch check")
        job.signals.result.connect(self._seen)
        job.signals.finished.connect(self._done)

    def _done(self) -> None:
        self._checking = False

    def _seen(self, watches: list[Watch]) -> None:
        first = watches[0] if watches else None
        if first is not None and (self.current is None or self.current.id != first.id):
            self.current = first
            self.appeared.emit(first)
        elif first is None and self.current is not None:
            self.current = None
            self.gone.emit()
