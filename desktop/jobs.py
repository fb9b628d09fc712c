"""Background work for the window: every long job runs off the GUI thread.

A job is a function `fn(cancel: threading.Event) -> Generator[Progress, None, R]` (or a plain
function returning R). `JobRunner.start()` runs it on a thread pool and reports back through Qt
signals, which arrive on the GUI thread: `progress(done, total, label)` (total is -1 when
unknown), `result(R)`, `error(message)`, `cancelled(partial)`, then always `finished()`.

Threading rule: the job function must not touch any widget; it only computes and yields.
Cancelling has one mechanism: the job's `cancel` event. The function watches it and, when next
resumed, returns what it completed; that partial value arrives with `cancelled` (an import
cancelled half-way hands back the report of what it stored). A function with nothing to hand
back may raise `Cancelled`; `cancelled` then carries None.

A job starts when control returns to the event loop, not inside `start()`: a queued signal only
reaches the slots connected when it is emitted, so a fast job started at once could finish
before the caller has connected to `result` or `finished`.
"""

from __future__ import annotations

import inspect
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from importers.progress import Cancelled, Progress


class JobSignals(QObject):
    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(str)
    cancelled = Signal(object)  # the partial result, or None
    finished = Signal()


class Job(QRunnable):
    """One job. The pool thread emits on a private signal object; its signals reach the public
    `signals` (a child of the runner, so of the window) through queued connections. When the
    window is deleted, Qt drops what is still queued for it instead of calling into widgets
    that no longer exist."""

    def __init__(
        self, fn: Callable[[threading.Event], Any], name: str = "", parent: QObject | None = None
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.name = name
        self.signals = JobSignals(parent)
        self._emit = JobSignals()  # emitted from the pool thread
        for name_ in ("progress", "result", "error", "cancelled", "finished"):
            getattr(self._emit, name_).connect(getattr(self.signals, name_))
        self.reported = False  # set on the GUI thread once everything the job sent arrived
        self.signals.finished.connect(self._mark_reported)
        self.signals.finished.connect(self.signals.deleteLater)
        self.cancel_event = threading.Event()
        self.done_event = threading.Event()  # set on the pool thread when the work has ended

    def _mark_reported(self) -> None:
        self.reported = True

    @property
    def running(self) -> bool:
        """Still working, or its result has not reached the GUI thread yet."""
        return not self.reported

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def is_cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def run(self) -> None:  # runs on a pool thread
        try:
            outcome = self.fn(self.cancel_event)
            if inspect.isgenerator(outcome):
                outcome = self._drive(outcome)
            if self.is_cancelled:
                self._emit.cancelled.emit(outcome)
            else:
                self._emit.result.emit(outcome)
        except Cancelled:
            self._emit.cancelled.emit(None)
        except Exception as exc:  # reported to the user, never a crash of the window
            traceback.print_exc()
            logging.getLogger(__name__).error("job %s failed", self.name, exc_info=True)
            self._emit.error.emit(str(exc) or type(exc).__name__)
        finally:
            self.done_event.set()
            self._emit.finished.emit()

    def _drive(self, gen: Any) -> Any:
        """Run the generator to its end, forwarding progress. After a cancel it is resumed once
        more, which is where a job that watches `cancel` returns what it completed; one that
        yields again instead is closed and hands back nothing."""
        while True:
            cancelled_before = self.is_cancelled
            try:
                step = next(gen)
            except StopIteration as stop:
                return stop.value
            if cancelled_before:
                gen.close()
                return None
            if isinstance(step, Progress):
                total = -1 if step.total is None else step.total
                self._emit.progress.emit(step.done, total, step.label)


class JobRunner(QObject):
    """Owns the pool and the running jobs, so the window can cancel and wait on close."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[Job] = set()
        self._pending: list[Job] = []

    def start(self, fn: Callable[[threading.Event], Any], name: str = "") -> Job:
        """Queue `fn`; connect to the returned job's signals before returning to the loop."""
        job = Job(fn, name, self)
        self._running.add(job)
        self._pending.append(job)
        job.signals.finished.connect(lambda: self._running.discard(job))
        QTimer.singleShot(0, self, self._start_pending)
        return job

    def _start_pending(self) -> None:
        while self._pending:
            self.pool.start(self._pending.pop(0))

    @property
    def running(self) -> list[Job]:
        """Jobs queued, working, or whose results have not reached the GUI thread yet."""
        return [j for j in self._running if j.running]

    def cancel_all(self) -> None:
        for job in list(self._running):
            job.cancel()

    def wait(self, timeout_ms: int = 30000) -> bool:
        self._start_pending()  # a cancelled job still runs until it notices and reports
        return self.pool.waitForDone(timeout_ms)
