"""What the window's controllers may use: the narrow door between them and the main window.

`FileMenu` and `PlanEdits` get this instead of the window: the database handle, the runner for
short plan jobs (in order, one at a time), the runner for long imports, today, a way to show a
problem and a status line. Everything else they learn from arguments and report by signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.jobs import Job, JobRunner
from store import Database


@dataclass(frozen=True)
class WindowServices:
    db: Database
    data_dir: Path
    today: date
    db_jobs: JobRunner  # plan reads and writes, one at a time, in order
    long_jobs: JobRunner  # imports and syncs
    show_problem: Callable[[str], None]
    show_status: Callable[[str, int], None]  # message, milliseconds

    def run(
        self,
        fn: Callable[[threading.Event], Any],
        on_result: Callable[[Any], None] | None = None,
        *,
        name: str = "",
    ) -> Job:
        """Run `fn(cancel)` off the GUI thread; `on_result` gets its value on the GUI thread.

        The value travels boxed in a tuple, so a job returning None never crosses threads bare.
        A failure is shown with `show_problem`.
        """
        job = self.db_jobs.start(lambda cancel: (fn(cancel),), name)
        if on_result is not None:
            job.signals.result.connect(lambda box: on_result(box[0]))
        job.signals.error.connect(self.show_problem)
        return job
