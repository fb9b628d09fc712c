"""Routes to a plugged-in watch behind one interface (`base.Device`): drive, gvfs, WPD, libmtp.

`default_adapters()` lists the routes this system has, in the order they are tried: a drive
first (fastest, and what the watch offers in "Garmin"/mass-storage mode), then gvfs when it
already holds an MTP watch (Linux), then the system's own MTP route (WPD on Windows, libmtp on
macOS and Linux).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from importers.devices.base import Adapter


def default_adapters(platform: str | None = None) -> list[Adapter]:
    from importers.devices.fake import ENV_VAR, FakeAdapter
    from importers.devices.mass_storage import DriveAdapter

    platform = platform or sys.platform
    adapters: list[Adapter] = []
    if fake := os.environ.get(ENV_VAR):
        adapters.append(FakeAdapter(Path(fake)))
    adapters.append(DriveAdapter())
    if platform.startswith("win"):
        from importers.devices.wpd import WpdAdapter

        adapters.append(WpdAdapter())
    else:
        if platform.startswith("linux"):
            from importers.devices.gvfs import GvfsAdapter

            adapters.append(GvfsAdapter())
        from importers.devices.libmtp import LibmtpAdapter

        adapters.append(LibmtpAdapter())
    return adapters
