"""Finding a plugged-in watch and copying its new activity files before importing them.

A Garmin (or compatible) watch in USB mass-storage mode is a volume with `GARMIN/Activity`
(older: `Garmin/Activities`). Where to look: drive letters on Windows, `/Volumes/*` on macOS,
`/media/$USER/*`, `/run/media/$USER/*` and gvfs MTP mounts under `/run/user/$UID/gvfs/` on
Linux. Files are copied into `<data_dir>/watch/<device>/` first, because the watch may be
unplugged mid-import; the copies are then imported. Newer watches speak only MTP, which
Windows and macOS do not mount as a folder: we say so and say what to do instead.
"""

from __future__ import annotations

import os
import re
import shutil
import string
import sys
import threading
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from pathlib import Path

from importers.pipeline import import_files
from importers.progress import Progress
from importers.report import ImportReport
from store import Database

ACTIVITY_DIRS = ("GARMIN/Activity", "Garmin/Activities", "GARMIN/ACTIVITY", "Garmin/Activity")
PROFILE_DIRS = ("Settings", "Monitor")  # beside the activity folder
MTP_HELP = (
    "Your watch seems to be connected over MTP, which this system does not show as a folder. "
    "Copy the .FIT files from the watch's GARMIN/Activity folder with Garmin Express, Android "
    "File Transfer (macOS) or Explorer (Windows) into a folder, then run "
    "'strongstride import FOLDER' (or use 'sync watch --path FOLDER')."
)
NO_WATCH_HELP = (
    "No watch found. Plug the watch in by USB (and unlock it if it asks), or point to its "
    "folder with --path (the folder that contains GARMIN/Activity)."
)


@dataclass(frozen=True)
class Watch:
    name: str
    root: Path  # the mount point
    activity_dir: Path


class WatchNotFound(Exception):
    """No usable watch; the message says exactly what to do."""


def candidate_roots(
    *, platform: str | None = None, env: dict[str, str] | None = None
) -> list[Path]:
    """Mount points where a watch may appear on this system."""
    platform = platform or sys.platform
    env = dict(os.environ) if env is None else env
    if platform.startswith("win"):
        return [Path(f"{d}:\\") for d in string.ascii_uppercase[3:]]
    if platform == "darwin":
        return _children(Path("/Volumes"))
    user = env.get("USER") or env.get("LOGNAME") or ""
    roots: list[Path] = []
    for base in (Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/mnt")):
        roots += _children(base)
    uid = env.get("UID") or str(os.getuid() if hasattr(os, "getuid") else "")
    gvfs = Path(f"/run/user/{uid}/gvfs")
    for mtp in _children(gvfs):
        roots += [mtp, *_children(mtp)]  # MTP mounts show storages one level down
    return roots


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError:
        return []


def find_watches(roots: Iterable[Path] | None = None) -> list[Watch]:
    """Every root holding a watch's activity folder."""
    found: list[Watch] = []
    for root in roots if roots is not None else candidate_roots():
        for rel in ACTIVITY_DIRS:
            activity = root / rel
            try:
                if activity.is_dir():
                    found.append(Watch(_device_name(root), root, activity))
                    break
            except OSError:
                continue
    return found


def mtp_hint(roots: Iterable[Path] | None = None) -> str | None:
    """A message when an MTP device is visible but has no activity folder we can read."""
    for root in roots if roots is not None else candidate_roots():
        if "gvfs" in root.parts and root.name.startswith("mtp:"):
            return MTP_HELP
    if sys.platform in ("win32", "darwin"):
        # Windows and macOS cannot show an MTP device as a folder, so we cannot tell
        # "no watch" from "an MTP watch": say both.
        return f"{NO_WATCH_HELP} {MTP_HELP}"
    return None


def _device_name(root: Path) -> str:
    xml = root / "GARMIN" / "GarminDevice.xml"
    try:
        text = xml.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"<Description>([^<]+)</Description>", text)
        if m:
            return _safe(m.group(1))
    except OSError:
        pass
    return _safe(root.name or "watch")


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._ -]+", "_", name).strip(" .") or "watch"


def copy_new_files(watch: Watch, data_dir: Path) -> tuple[Path, list[Path]]:
    """Copy activity files not copied before into `<data_dir>/watch/<device>/`."""
    copied: list[Path] = []
    for _ in _copy_steps(watch, data_dir, copied, threading.Event()):
        pass
    return data_dir / "watch" / watch.name, copied


def _fit_files(folder: Path) -> list[Path]:
    try:
        return [
            p
            for p in sorted(folder.iterdir())
            if p.is_file() and p.name.lower().endswith(".fit") and not p.name.startswith("._")
        ]
    except OSError:
        return []


def _copy_steps(
    watch: Watch, data_dir: Path, copied: list[Path], cancel: threading.Event
) -> Generator[Progress, None, None]:
    target = data_dir / "watch" / watch.name
    sources = [(target, p) for p in _fit_files(watch.activity_dir)]
    # Settings and daily monitoring files feed the profile suggestions (HR max, resting HR).
    garmin = watch.activity_dir.parent
    for sub in PROFILE_DIRS:
        sources += [(target / sub, p) for p in _fit_files(garmin / sub)]
    for i, (folder, src) in enumerate(sources, 1):
        if cancel.is_set():
            return
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / src.name
        try:
            if not (dest.exists() and dest.stat().st_size == src.stat().st_size):
                tmp = dest.with_suffix(".part")
                shutil.copy2(src, tmp)
                os.replace(tmp, dest)  # a copy is complete or absent, never half there
                copied.append(dest)
        except OSError:
            pass  # unplugged mid-copy: the next sync picks it up
        yield Progress(i, len(sources), f"Copying {src.name} from {watch.name}")


def sync_watch(
    db: Database,
    data_dir: Path,
    *,
    mount: Path | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
) -> Generator[Progress, None, ImportReport]:
    """Copy the watch's new files, then import the copied folder. Raises WatchNotFound."""
    roots = [mount] if mount is not None else None
    watches = find_watches(roots)
    if not watches:
        if mount is not None:
            raise WatchNotFound(
                f"{mount} has no GARMIN/Activity folder; point --path at the watch's root "
                "folder or use 'strongstride import FOLDER' for a plain folder of FIT files"
            )
        raise WatchNotFound(mtp_hint() or NO_WATCH_HELP)
    cancel = cancel or threading.Event()
    folders = []
    for watch in watches:
        copied: list[Path] = []
        yield from _copy_steps(watch, data_dir, copied, cancel)
        folders.append(data_dir / "watch" / watch.name)
    if cancel.is_set():
        return ImportReport(cancelled=True)
    report = yield from import_files(db, folders, cancel=cancel, source="watch", workers=workers)
    return report
