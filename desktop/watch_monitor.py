"""Noticing a plugged-in watch: a periodic look at the mounted volumes, off the GUI thread.

Every few seconds the monitor asks `importers.watch.find_watches` (in a background job, since a
slow mount must not freeze the window) and emits `appeared(Watch)` / `gone()` on changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.jobs import JobRunner

if TYPE_CHECKING:
    from importers.watch import Watch


class WatchMonitor(QObject):
    appeared = Signal(object)  # Watch
    gone = Signal()

    def __init__(
        self,
        jobs: JobRunner,
        *,
        interval_ms: int = 4000,
        roots: Callable[[], list[Path] | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.roots = roots
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
        if self._checking:
            return
        self._checking = True
        roots = self.roots()

        def look(cancel: threading.Event) -> list[Watch]:
            from importers.watch import find_watches  # off the start-up path

            return find_watches(roots)

        job = self.jobs.start(look, "watch check")
        job.signals.result.connect(self._seen)
        job.signals.finished.connect(self._done)

    def _done(self) -> None:
        self._checking = False

    def _seen(self, watches: list[Watch]) -> None:
        first = watches[0] if watches else None
        if first is not None and (self.current is None or self.current.root != first.root):
            self.current = first
            self.appeared.emit(first)
        elif first is None and self.current is not None:
            self.current = None
            self.gone.emit()
