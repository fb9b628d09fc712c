"""Who is holding the watch, and what the runner should close or unlock.

An MTP device talks to one program at a time. When we cannot open the watch, we look at the
running programs and name the ones known to grab Garmin watches, with what to do about each;
then we try again a few times, because MTP is often not ready the moment the watch appears.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from importers.devices.base import Adapter, Device, DeviceBusy, DeviceInfo

OPEN_ATTEMPTS = 3
OPEN_PAUSE_S = 2.0

# (process name, lower case; what to tell the runner)
HOLDERS: dict[str, tuple[tuple[str, str], ...]] = {
    "darwin": (
        ("garmin express", "quit Garmin Express (menu bar icon > Quit)"),
        ("android file transfer", "quit Android File Transfer and its agent in the menu bar"),
        ("android file transfer agent", "quit Android File Transfer and its agent"),
        ("openmtp", "quit OpenMTP"),
        ("image capture", "quit Image Capture"),
        ("photos", "quit Photos"),
        (
            "ptpcamerad",
            "macOS's camera import service (ptpcamerad) may hold the watch: quit Image Capture "
            "and Photos, then unplug the watch and plug it in again",
        ),
    ),
    "win32": (
        ("express.exe", "quit Garmin Express (right-click its tray icon > Exit)"),
        ("garminexpress.exe", "quit Garmin Express (right-click its tray icon > Exit)"),
    ),
    "linux": (
        (
            "kiod5",
            "KDE holds the watch: close Dolphin windows showing it and unplug it in the "
            "device notifier",
        ),
        ("kiod6", "KDE holds the watch: close Dolphin windows showing it"),
        (
            "gvfsd-mtp",
            "the file manager holds the watch: eject it in the file manager's side bar",
        ),
        ("openmtp", "quit OpenMTP"),
    ),
}
UNLOCK = (
    "If the watch asks, unlock it and allow the connection; on models with Settings > System > "
    "USB Mode, choose MTP or Garmin."
)


def platform_key(platform: str | None = None) -> str:
    p = platform or sys.platform
    return "win32" if p.startswith("win") else "darwin" if p == "darwin" else "linux"


def running_programs(platform: str | None = None) -> set[str]:
    """Lower-case names of the running programs (empty when they cannot be listed)."""
    key = platform_key(platform)
    try:
        if key == "linux":
            return {p.read_text().strip().lower() for p in Path("/proc").glob("[0-9]*/comm")}
        cmd = ["tasklist", "/fo", "csv", "/nh"] if key == "win32" else ["ps", "-axco", "comm="]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    if key == "win32":
        return {line.split('","')[0].strip('"').lower() for line in out.splitlines() if line}
    return {line.strip().lower() for line in out.splitlines() if line.strip()}


def busy_advice(watch: str, running: set[str], platform: str | None = None) -> str:
    """One message: the watch is in use, what to close (by name) or unlock, then retry."""
    todo: list[str] = []
    for process, advice in HOLDERS[platform_key(platform)]:
        if process in running and advice not in todo:
            todo.append(advice)
    if todo:
        return f"{watch} is in use by another program: {'; '.join(todo)}. Then sync again."
    return f"{watch} did not let StrongStride in. {UNLOCK} Then sync again."


def open_with_retry(
    adapter: Adapter,
    info: DeviceInfo,
    *,
    attempts: int | None = None,
    pause: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Device:
    """Open the watch, trying again while it is busy; the last failure names what to close."""
    attempts = OPEN_ATTEMPTS if attempts is None else attempts
    pause = OPEN_PAUSE_S if pause is None else pause
    for attempt in range(1, attempts + 1):
        try:
            return adapter.open(info)
        except DeviceBusy as exc:
            if attempt == attempts:
                advice = busy_advice(info.name, running_programs())
                raise DeviceBusy(f"{exc} — {advice}" if str(exc) else advice) from exc
            sleep(pause)
    raise AssertionError("unreachable")
