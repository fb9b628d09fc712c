"""Data-safety test set-up: real disks that are full or read-only, and the case counts.

The counts (kills survived, processes started together, bad inputs refused) are printed at
the end of the run, so CI output shows how many cases each guarantee was tested with.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

CASE_COUNTS: Counter[str] = Counter()


def count_cases(what: str, n: int = 1) -> None:
    """Add `n` cases to the line `what` of the summary printed after the run."""
    CASE_COUNTS[what] += n


def pytest_terminal_summary(terminalreporter) -> None:
    if not CASE_COUNTS:
        return
    terminalreporter.section("data safety: cases tested")
    for what, n in sorted(CASE_COUNTS.items()):
        terminalreporter.write_line(f"{n:6d}  {what}")


def integrity(path: Path) -> str:
    """SQLite's full integrity check of the file, read-only ('ok' when intact)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _mount(*args: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A real 1 MB disk (tmpfs) when this user may mount one, else None."""
    folder = tmp_path / "tiny-disk"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)):
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator:
    """`read_only(folder)` makes a folder filled by the test read-only for real.

    As root (who may write anywhere) the folder's contents move onto a tmpfs that is then
    remounted read-only; as a normal user the folder and its files lose their write bits.
    """
    mounted: list[Path] = []
    chmodded: list[Path] = []

    def make(folder: Path) -> Path:
        if os.name == "posix" and os.geteuid() == 0:
            keep = tmp_path / f"{folder.name}-contents"
            shutil.move(folder, keep)
            folder.mkdir()
            if not _mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)):
                pytest.skip("needs a tmpfs mount to make a folder read-only as root")
            mounted.append(folder)
            shutil.copytree(keep, folder, dirs_exist_ok=True)
            if not _mount("-o", "remount,ro", str(folder)):
                pytest.skip("cannot remount the tmpfs read-only")
            return folder
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
            chmodded.append(path)
        return folder

    yield make
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    for path in chmodded:
        path.chmod(0o755 if path.is_dir() else 0o644)
