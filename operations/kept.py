"""Values the application keeps beside the database between starts (files of `store.cache`).

A kept value is never the only copy of anything: it is stored under a key made of everything it
was computed from plus the planner's fingerprint (the app version and the planner's sources), so
a rule change or a new version is simply a miss. It is read back with an unpickler that builds
only the planner's own types and plain values, so a foreign or damaged file cannot run code and
reads as nothing. Only the standard library is used: a start can read what was kept before
SQLAlchemy has loaded.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from operations import __version__
from store.cache import read_cached, write_cached

if TYPE_CHECKING:
    from store import Database

_PLAIN = {
    "builtins": {
        "tuple",
        "list",
        "dict",
        "set",
        "frozenset",
        "float",
        "int",
        "str",
        "bool",
        "bytes",
    },
    "datetime": {"date", "datetime", "timedelta", "timezone"},
    "copyreg": {"_reconstructor"},
}


class PlannerUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if module.startswith("planner.") or name in _PLAIN.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of the planner's values")


@lru_cache(maxsize=1)
def planner_fingerprint() -> str:
    """The app version and a digest of the planner's sources and the plan's data (the exercise
    library, the checklists): a rule or data change is a new key."""
    digest = hashlib.sha256(__version__.encode())
    try:
        for package, suffix in (("planner", ".py"), ("resources", ".json")):
            files = sorted(resources.files(package).iterdir(), key=lambda p: p.name)
            for source in files:
                if source.name.endswith(suffix):
                    digest.update(source.read_bytes())
    except OSError:  # a frozen app without sources: its version says enough
        pass
    return digest.hexdigest()


def key_text(key: tuple) -> str:
    return f"{planner_fingerprint()}|{key!r}"


def read_kept(db: Database, name: str, key: tuple) -> object | None:
    """The value kept under exactly this key, or None (never kept, stale or unreadable)."""
    blob = read_cached(db, name, key_text(key))
    if blob is None:
        return None
    try:
        return PlannerUnpickler(io.BytesIO(blob)).load()
    except Exception:  # a damaged or foreign file is only a cache: compute afresh
        return None


def keep(db: Database, name: str, key: tuple, value: object) -> None:
    write_cached(db, name, key_text(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
