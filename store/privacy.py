"""Health data is for the runner's eyes only: private folders (0700) and files (0600) on POSIX.

Only what lives in the data folder is made private (the database, its -wal/-shm, backups, lock
files, watch copies). Files the runner exports (PDF, .ics, CSV) keep the user's umask. On
Windows the user's profile folders are already private; these calls change nothing there.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
POSIX = os.name == "posix"


def make_private(path: Path) -> None:
    """0600 for a file, 0700 for a folder (POSIX; a file we do not own is left as it is)."""
    if not POSIX:
        return
    mode = PRIVATE_FOLDER if path.is_dir() else PRIVATE_FILE
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except PermissionError:
        pass


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, unless it exists (then tighten it).

    SQLite gives -wal, -shm and journal files the mode of the database file, so a database
    created here stays private with all its companions.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        make_private(path)
        return
    os.close(fd)


def private_folder(path: Path) -> Path:
    """Create `path` (and missing parents) as a private folder; an existing one is tightened."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    make_private(path)
    return path


def private_tree(root: Path) -> None:
    """Tighten every folder and file under `root` (watch copies written by other code)."""
    if not POSIX or not root.is_dir():
        return
    make_private(root)
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            make_private(Path(folder) / name)
