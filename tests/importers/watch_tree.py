"""Folder trees laid out like real Garmin watches, for the fake device and drive tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIT_FIXTURES

RUNS = ["run_fenix5_hr_gps_1min.fit", "walk_venu_hr_gps.fit", "run_forerunner965_hr_gps.fit"]
DEVICE_XML = "<Device><Model><Description>{model}</Description></Model></Device>"


def garmin_tree(
    top: Path,
    *,
    storage: str = "Internal Storage",
    garmin: str = "GARMIN",
    activity: str = "Activity",
    runs: list[str] = RUNS,
    model: str | None = "Forerunner 965",
    profile_files: bool = True,
) -> Path:
    """An MTP watch's tree under `top` (storage/GARMIN/...); returns the GARMIN folder.

    `storage=""` puts GARMIN at the top, as on a watch mounted as a drive.
    """
    base = top / storage if storage else top
    folder = base / garmin
    (folder / activity).mkdir(parents=True)
    (folder / "NewFiles").mkdir()
    for name in runs:
        shutil.copy2(FIT_FIXTURES / name, folder / activity / name.upper())
    if profile_files:
        (folder / "Settings").mkdir()
        shutil.copy2(FIT_FIXTURES / "settings_edge510.fit", folder / "Settings" / "SETTINGS.FIT")
        (folder / "Monitor").mkdir()
        shutil.copy2(FIT_FIXTURES / "monitoring_vivofit.fit", folder / "Monitor" / "M1.FIT")
    if model:
        (folder / "GarminDevice.xml").write_text(DEVICE_XML.format(model=model))
    return folder


def leftovers(folder: Path) -> list[str]:
    """Half-copied files anywhere under `folder` (there must never be any)."""
    return sorted(p.name for p in folder.rglob("*.part"))
