"""Progress reports shared by every long job (import, sync, export).

A long job is a generator that yields `Progress` between items and checks a cancel flag
(`threading.Event`) before each item, so the command line, a test and a Qt worker can all drive
it and cancelling stops cleanly between items.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int | None  # None while the total is still unknown (e.g. walking folders)
    label: str = ""


class Cancelled(Exception):
    """Raised by a job's driver when the user cancelled; work done so far is kept."""
