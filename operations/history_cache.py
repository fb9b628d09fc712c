"""The load history kept between starts: ten years of activities are not re-read on every start.

`training._history` keeps the history of the current data in memory; this module also keeps it
in a file beside the database (`operations.kept`), under a key made of everything the history
is computed from: the activities and their loads, the profile, the logged sessions, the resting
heart rates, today, and the planner's own code. Any change of these (an import, a profile
change, a logged session, a new day, a new version) gives another key, and the history is
computed afresh.
"""

from __future__ import annotations

from operations.kept import keep, read_kept
from planner.history import LoadHistory
from store import Database

NAME = "history"


def load(db: Database, key: tuple) -> LoadHistory | None:
    """The history stored for exactly this key, or None (never stored, stale or unreadable)."""
    history = read_kept(db, NAME, key)
    return history if isinstance(history, LoadHistory) else None


def save(db: Database, key: tuple, history: LoadHistory) -> None:
    keep(db, NAME, key, history)
