"""The watch's files, whatever connects it: where GARMIN is, which files are new, copying them.

Works on any `Device` (drive, gvfs, WPD, libmtp, fake). Names are matched case-insensitively
because models differ ("GARMIN/Activity", "Garmin/Activities", "GARMIN/ACTIVITY"), and the
GARMIN folder may sit at the top (a drive) or one level down in a storage ("Internal Storage",
"Primary"); some models name the storage itself "GARMIN".

A copy is written as `<name>.part` beside its final name and renamed only when complete, so
the data folder never holds half a file, whatever happens to the watch meanwhile.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from importers.devices.base import Device, DeviceError, DeviceGone, DeviceTimeout, Entry, join
from importers.devices.mass_storage import description
from importers.progress import Progress
from importers.report import FileProblem, ImportReport

ACTIVITY_NAMES = ("activity", "activities")
PROFILE_DIRS = ("Settings", "Monitor")  # copied too: they feed the profile suggestions
NEW_FILES = "NewFiles"
GONE_WHILE_COPIED = "left the watch while it was copied (deleted on it, or the watch unplugged)"


class NoGarminFolder(DeviceError):
    """The device has no GARMIN folder with activities (or a locked watch shows none yet)."""


@dataclass(frozen=True)
class Copy:
    source: str  # path on the device
    target: Path  # final local path
    size: int


def child(device: Device, folder: str, *names: str, dirs: bool = True) -> str | None:
    """The path of the first entry in `folder` named like one of `names`, any case."""
    wanted = [n.lower() for n in names]
    entries = {e.name.lower(): e for e in device.list(folder) if e.is_dir == dirs}
    for name in wanted:
        if name in entries:
            return join(folder, entries[name].name)
    return None


def garmin_folder(device: Device, *, activities: bool = True) -> str:
    """The GARMIN folder (holding Activity, unless `activities` is False): at the top, in a
    storage, or the storage itself."""

    def fits(folder: str) -> bool:
        return not activities or child(device, folder, *ACTIVITY_NAMES) is not None

    top = device.list("")
    places = [""] + [e.name for e in top if e.is_dir]
    for place in places:
        garmin = child(device, place, "garmin")
        if garmin is not None and fits(garmin):
            return garmin
        if place.lower() == "garmin" and fits(place):
            return place
    storages = ", ".join(e.name for e in top if e.is_dir) or "none"
    wanted = "GARMIN/Activity" if activities else "GARMIN"
    raise NoGarminFolder(
        f"{device.info.name} shows no {wanted} folder (storages seen: {storages}). "
        "If the watch asks, unlock it and allow the connection, then sync again."
    )


def fit_files(device: Device, folder: str | None) -> list[Entry]:
    if folder is None:
        return []
    return sorted(
        (
            e
            for e in device.list(folder)
            if not e.is_dir and e.name.lower().endswith(".fit") and not e.name.startswith("._")
        ),
        key=lambda e: e.name,
    )


def watch_name(device: Device, garmin: str) -> str:
    """The model named in GarminDevice.xml, so every route fills the same copy folder."""
    xml = next(
        (e for e in device.list(garmin) if e.name.lower() == "garmindevice.xml" and not e.is_dir),
        None,
    )
    if xml is not None:
        with tempfile.TemporaryDirectory() as tmp:
            local = Path(tmp) / "GarminDevice.xml"
            try:
                device.read(join(garmin, xml.name), local)
                if found := description(local.read_text(encoding="utf-8", errors="replace")):
                    return found
            except (DeviceError, OSError):
                pass
    return device.info.name


def new_files(device: Device, garmin: str, target: Path) -> list[Copy]:
    """Activity, Settings and Monitor files not yet copied (same name and size) to `target`."""
    places = [(child(device, garmin, *ACTIVITY_NAMES), target)]
    places += [(child(device, garmin, sub), target / sub) for sub in PROFILE_DIRS]
    todo = []
    for folder, local in places:
        for entry in fit_files(device, folder):
            dest = local / entry.name
            if dest.is_file() and dest.stat().st_size == entry.size:
                continue
            todo.append(Copy(join(folder or "", entry.name), dest, entry.size))
    return todo


def copy_one(device: Device, copy: Copy) -> None:
    """Copy one file through a `.part` file; on any failure nothing is left behind."""
    copy.target.parent.mkdir(parents=True, exist_ok=True)
    part = copy.target.with_name(copy.target.name + ".part")
    try:
        size = device.read(copy.source, part)
        if copy.size and size != copy.size:
            raise DeviceError(f"only {size} of {copy.size} bytes arrived; sync again")
        os.replace(part, copy.target)
    finally:
        part.unlink(missing_ok=True)


def copy_steps(
    device: Device, target: Path, todo: list[Copy], report: ImportReport, cancel: threading.Event
) -> Generator[Progress, None, list[Path]]:
    """Copy every file in `todo`; problems go into the report, the rest goes on."""
    copied: list[Path] = []
    name = device.info.name
    for i, copy in enumerate(todo, 1):
        if cancel.is_set():
            break
        try:
            copy_one(device, copy)
            copied.append(copy.target)
        except DeviceTimeout as exc:
            report.failed.append(FileProblem(f"{name}: {copy.source}", str(exc)))
            break  # the device thread is stuck; the next sync starts afresh
        except DeviceGone:
            report.warnings.append(FileProblem(f"{name}: {copy.source}", GONE_WHILE_COPIED))
        except (DeviceError, OSError) as exc:
            report.failed.append(FileProblem(f"{name}: {copy.source}", _reason(exc)))
        yield Progress(i, len(todo), f"Copying {copy.source.rsplit('/', 1)[-1]} from {name}")
    return copied


def send_file(device: Device, name: str, data: bytes) -> str:
    """Put a file into GARMIN/NewFiles, where the watch picks up workouts after unplugging."""
    garmin = garmin_folder(device, activities=False)
    folder = child(device, garmin, NEW_FILES)
    if folder is None:
        folder = join(garmin, NEW_FILES)
        device.make_folder(folder)
    path = join(folder, name)
    device.write(path, data)
    return path


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"cannot write the copy: {exc.strerror or exc}"
    return str(exc)
