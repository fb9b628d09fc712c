"""Where the runner's data lives: one folder holding one SQLite file (plus its backups)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from platformdirs import user_data_dir

from store.privacy import private_folder

APP_NAME = "StrongStride"
DATABASE_FILE = "strongstride.sqlite"
ENV_VAR = "STRONGSTRIDE_DATA_DIR"


class DataDirError(Exception):
    """The data folder cannot be used; the message names it and says what to do."""


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir() -> Path:
    """The demo's own folder, next to (never inside or instead of) the real data."""
    return Path(user_data_dir(APP_NAME, appauthor=False)).with_name(f"{APP_NAME} Demo")


def resolve_data_dir(explicit: str | None, *, demo: bool = False) -> Path:
    """--data-dir, else $STRONGSTRIDE_DATA_DIR, else the platform's user data dir.

    The default folder is created on first use. A folder the user named must exist or have an
    existing parent (a typo should not silently create a tree somewhere), and must be writable.
    """
    chosen = explicit or os.environ.get(ENV_VAR)
    if chosen:
        path = Path(chosen).expanduser()
        if not path.exists() and not path.parent.is_dir():
            raise DataDirError(
                f"data directory {path} does not exist and neither does its parent; "
                "create it or pass another --data-dir"
            )
    else:
        path = demo_data_dir() if demo else default_data_dir()
    if path.exists() and not path.is_dir():
        raise DataDirError(
            f"data directory {path} is a file, not a folder; pass another --data-dir"
        )
    try:
        if not path.exists() or not chosen:  # made here, or ours: private (0700 on POSIX)
            private_folder(path)
        _check_writable(path)
    except OSError as exc:
        raise DataDirError(
            f"data directory {path} is not writable ({exc.strerror or exc}); "
            "fix its permissions or pass another --data-dir"
        ) from exc
    return path


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILE


def _check_writable(path: Path) -> None:
    with tempfile.NamedTemporaryFile(dir=path, prefix=".write-test-"):
        pass
