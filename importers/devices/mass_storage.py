"""Watches in USB mass-storage mode: a drive with `GARMIN/Activity` (older: `Garmin/Activities`).

Where to look: drive letters on Windows, `/Volumes/*` on macOS, `/media/$USER/*`,
`/run/media/$USER/*`, `/media/*` and `/mnt/*` on Linux. gvfs MTP mounts are the gvfs adapter's.
"""

from __future__ import annotations

import os
import re
import string
import sys
from pathlib import Path

from importers.devices.base import DeviceInfo
from importers.devices.calls import DEFAULT_TIMEOUT_S
from importers.devices.folder import FolderDevice

ACTIVITY_DIRS = ("GARMIN/Activity", "Garmin/Activities", "GARMIN/ACTIVITY", "Garmin/Activity")


def candidate_roots(
    *, platform: str | None = None, env: dict[str, str] | None = None
) -> list[Path]:
    """Mount points where a watch in mass-storage mode may appear on this system."""
    platform = platform or sys.platform
    env = dict(os.environ) if env is None else env
    if platform.startswith("win"):
        return [Path(f"{d}:\\") for d in string.ascii_uppercase[3:]]
    if platform == "darwin":
        return children(Path("/Volumes"))
    user = env.get("USER") or env.get("LOGNAME") or ""
    roots: list[Path] = []
    for base in (Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/mnt")):
        roots += children(base)
    return roots


def children(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError:
        return []


def activity_dir(root: Path) -> Path | None:
    """The watch's activity folder under a mount point, if it has one."""
    for rel in ACTIVITY_DIRS:
        folder = root / rel
        try:
            if folder.is_dir():
                return folder
        except OSError:
            continue
    return None


def device_name(root: Path) -> str:
    """The model from `GARMIN/GarminDevice.xml`, else the volume's name."""
    for garmin in ("GARMIN", "Garmin"):
        try:
            text = (root / garmin / "GarminDevice.xml").read_text(
                encoding="utf-8", errors="replace"
            )
        except OSError:
            continue
        if found := description(text):
            return found
    return safe_name(root.name or "watch")


def description(xml: str) -> str | None:
    m = re.search(r"<Description>([^<]+)</Description>", xml)
    return safe_name(m.group(1)) if m else None


def safe_name(name: str) -> str:
    """A name fit for a folder on every system."""
    return re.sub(r"[^A-Za-z0-9._ -]+", "_", name).strip(" .") or "watch"


class DriveAdapter:
    """Watches that mount as a drive."""

    kind = "drive"

    def __init__(self, roots: list[Path] | None = None, timeout: float = DEFAULT_TIMEOUT_S):
        self.roots = roots
        self.timeout = timeout

    def unavailable(self) -> str | None:
        return None

    def discover(self) -> list[DeviceInfo]:
        roots = self.roots if self.roots is not None else candidate_roots()
        return [
            DeviceInfo(self.kind, str(root), device_name(root), root)
            for root in roots
            if activity_dir(root) is not None
        ]

    def open(self, info: DeviceInfo) -> FolderDevice:
        assert info.root is not None
        return FolderDevice(info, info.root, timeout=self.timeout)
