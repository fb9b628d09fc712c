"""The load history kept between starts: ten years of activities are not re-read on every start.

`training._history` keeps the history of the current data in memory; this module also keeps it
in a file beside the database (`store.cache`), under a key made of everything the history is
computed from: the activities and their loads, the profile, the logged sessions, the resting
heart rates, today, and the planner's own code. Any change of these (an import, a profile
change, a logged session, a new day, a new version) gives another key, and the history is
computed afresh. The file is read back with an unpickler that only builds the planner's own
types and plain values, so a foreign file cannot run code.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from functools import lru_cache
from importlib import resources

from operations import __version__
from planner.history import LoadHistory
from store import Database
from store.cache import read_cached, write_cached

NAME = "history"
_PLAIN = {
    "builtins": {"tuple", "list", "dict", "set", "frozenset", "float", "int", "str", "bool"},
    "datetime": {"date", "datetime", "timedelta", "timezone"},
    "copyreg": {"_reconstructor"},
}


class _PlannerUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if module.startswith("planner.") or name in _PLAIN.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a load history")


@lru_cache(maxsize=1)
def _planner_fingerprint() -> str:
    """The app version and a digest of the planner's sources (a rule change is a new key)."""
    digest = hashlib.sha256(__version__.encode())
    try:
        for source in sorted(resources.files("planner").iterdir(), key=lambda p: p.name):
            if source.name.endswith(".py"):
                digest.update(source.read_bytes())
    except OSError:  # a frozen app without sources: its version says enough
        pass
    return digest.hexdigest()


def _text(key: tuple) -> str:
    return f"{_planner_fingerprint()}|{key!r}"


def load(db: Database, key: tuple) -> LoadHistory | None:
    """The history stored for exactly this key, or None (never stored, stale or unreadable)."""
    blob = read_cached(db, NAME, _text(key))
    if blob is None:
        return None
    try:
        history = _PlannerUnpickler(io.BytesIO(blob)).load()
    except Exception:  # a damaged or foreign cache is only a cache: compute afresh
        return None
    return history if isinstance(history, LoadHistory) else None


def save(db: Database, key: tuple, history: LoadHistory) -> None:
    write_cached(db, NAME, _text(key), pickle.dumps(history, protocol=pickle.HIGHEST_PROTOCOL))
