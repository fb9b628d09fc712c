"""Syncing a plugged-in watch, whatever connects it, and sending it a workout.

`discover` asks every route (`importers.devices`: drive, gvfs, WPD, libmtp) which watches it
sees. `sync_watch` opens one watch (trying again while another program holds it), copies its
new activity, Settings and Monitor files into `<data dir>/watch/<device>/` (the watch may be
unplugged mid-import; a copy is complete or absent) and then imports the copies.
`send_workout` puts a FIT workout into the watch's GARMIN/NewFiles.

A runner is asked to copy files by hand only when no route works on this computer, and then
the message says which routes failed and why.
"""

from __future__ import annotations

import threading
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from importers.devices import default_adapters
from importers.devices.base import Adapter, Device, DeviceError, DeviceInfo
from importers.devices.busy import open_with_retry
from importers.devices.calls import call_with_timeout
from importers.devices.mass_storage import DriveAdapter, candidate_roots, device_name
from importers.pipeline import import_files
from importers.progress import Progress
from importers.report import FileProblem, ImportReport
from importers.watch_files import (
    NoGarminFolder,
    copy_steps,
    garmin_folder,
    new_files,
    send_file,
    watch_name,
)
from store import Database

__all__ = ["Watch", "WatchNotFound", "candidate_roots", "discover", "find_watches", "sync_watch"]

Watch = DeviceInfo
DISCOVER_TIMEOUT_S = 10.0
NO_WATCH_HELP = (
    "No watch found. Plug the watch in by USB (and unlock it if it asks), or point to its "
    "folder with --path (the folder that contains GARMIN/Activity)."
)
BY_HAND = (
    "Until one works, copy the .FIT files from the watch's GARMIN/Activity folder into a "
    "folder (with Garmin Express, Android File Transfer or Explorer) and run "
    "'strongstride import FOLDER'."
)


class WatchNotFound(Exception):
    """No usable watch; the message says exactly what to do."""


@dataclass
class Discovery:
    watches: list[DeviceInfo] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "libmtp: not installed (...)"
    adapters: dict[str, Adapter] = field(default_factory=dict)
    tried: int = 0

    def message(self) -> str:
        """What to tell the runner when no watch was found."""
        if self.tried and len(self.problems) == self.tried:
            why = "; ".join(self.problems)
            return f"No watch found, and no way to reach one works here: {why}. {BY_HAND}"
        return NO_WATCH_HELP


def discover(adapters: Sequence[Adapter] | None = None) -> Discovery:
    """Every watch every route sees now; a route that fails is named with its reason."""
    found = Discovery()
    for adapter in default_adapters() if adapters is None else adapters:
        found.tried += 1
        found.adapters[adapter.kind] = adapter
        reason = adapter.unavailable()
        if reason is not None:
            found.problems.append(f"{adapter.kind}: {reason}")
            continue
        try:
            what = f"looking for watches ({adapter.kind})"
            found.watches += call_with_timeout(what, adapter.discover, DISCOVER_TIMEOUT_S)
        except (DeviceError, OSError) as exc:
            found.problems.append(f"{adapter.kind}: {exc}")
    if any(w.kind == "gvfs" for w in found.watches):  # gvfs holds it: libmtp would be refused
        found.watches = [w for w in found.watches if w.kind != "libmtp"]
    return found


def find_watches(adapters: Sequence[Adapter] | None = None) -> list[DeviceInfo]:
    return discover(adapters).watches


def _targets(
    mount: Path | None, watch: DeviceInfo | None, adapters: Sequence[Adapter] | None
) -> list[tuple[Adapter, DeviceInfo]]:
    if mount is not None:
        return [(DriveAdapter([mount]), DeviceInfo("drive", str(mount), device_name(mount), mount))]
    if watch is not None:
        by_kind = {a.kind: a for a in (default_adapters() if adapters is None else adapters)}
        if watch.kind not in by_kind:
            raise WatchNotFound(f"{watch.name}: no {watch.kind} route on this computer")
        return [(by_kind[watch.kind], watch)]
    found = discover(adapters)
    if not found.watches:
        raise WatchNotFound(found.message())
    return [(found.adapters[w.kind], w) for w in found.watches]


def sync_watch(
    db: Database,
    data_dir: Path,
    *,
    mount: Path | None = None,
    watch: DeviceInfo | None = None,
    adapters: Sequence[Adapter] | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
) -> Generator[Progress, None, ImportReport]:
    """Copy the watch's new files, then import the copied folder. Raises WatchNotFound."""
    cancel = cancel or threading.Event()
    copy_report = ImportReport()
    folders: list[Path] = []
    errors: list[str] = []
    for adapter, info in _targets(mount, watch, adapters):
        yield Progress(0, None, f"Opening {info.name}")
        try:
            device = open_with_retry(adapter, info)
        except DeviceError as exc:
            errors.append(str(exc))
            continue
        try:
            folder = yield from _copy_watch(device, data_dir, copy_report, cancel)
            folders.append(folder)
        except NoGarminFolder as exc:
            errors.append(str(exc) if mount is None else _not_a_watch(mount))
        except DeviceError as exc:
            errors.append(str(exc))
        finally:
            device.close()
    if not folders:
        raise WatchNotFound("; ".join(errors))
    if cancel.is_set():
        copy_report.cancelled = True
        return copy_report
    report = yield from import_files(db, folders, cancel=cancel, source="watch", workers=workers)
    report.failed += copy_report.failed + [_problem(e) for e in errors]
    report.warnings += copy_report.warnings
    return report


def _copy_watch(
    device: Device, data_dir: Path, report: ImportReport, cancel: threading.Event
) -> Generator[Progress, None, Path]:
    garmin = garmin_folder(device)
    target = data_dir / "watch" / watch_name(device, garmin)
    yield Progress(0, None, f"Looking for new files on {device.info.name}")
    todo = new_files(device, garmin, target)
    yield from copy_steps(device, target, todo, report, cancel)
    return target


def _not_a_watch(mount: Path) -> str:
    return (
        f"{mount} has no GARMIN/Activity folder; point --path at the watch's root folder "
        "or use 'strongstride import FOLDER' for a plain folder of FIT files"
    )


def _problem(error: str) -> FileProblem:
    return FileProblem("watch", error)


def send_workout(
    name: str,
    data: bytes,
    *,
    mount: Path | None = None,
    adapters: Sequence[Adapter] | None = None,
) -> str:
    """Write a workout into GARMIN/NewFiles of the watch (the one plugged in, or at `mount`).

    Returns where it went: a local path for a drive, "<watch>: <device path>" over MTP.
    """
    targets = _targets(mount, None, adapters)
    if len(targets) > 1:
        names = ", ".join(f"{i.name} ({i.root or i.kind})" for _, i in targets)
        raise WatchNotFound(f"several watches are plugged in: {names}; pick one with --watch MOUNT")
    adapter, info = targets[0]
    try:
        device = open_with_retry(adapter, info)
    except DeviceError as exc:
        raise WatchNotFound(str(exc)) from exc
    try:
        path = send_file(device, name, data)
    except DeviceError as exc:
        raise WatchNotFound(str(exc)) from exc
    finally:
        device.close()
    if info.root is not None:
        return str(info.root.joinpath(*path.split("/")))
    return f"{info.name}: {path}"
