"""Bring runs in: files, folders and zips, or a watch plugged in by USB.

Each operation is a generator that yields `Progress` and returns the `ImportReport`, so the
command line, a test and a Qt worker drive it alike; cancelling (the `cancel` event) stops
between files and the report says what was stored. After an import that stored activities
the training loads are recomputed here, once, for every caller.
"""

from __future__ import annotations

import threading
from collections.abc import Generator, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from importers.progress import Progress
from importers.report import ImportReport
from store.privacy import private_tree

if TYPE_CHECKING:  # SQLAlchemy is loaded by the operations that open the database
    from importers.devices.base import Adapter, DeviceInfo
    from store import Database


def resync_report(*, database: Path, paths: Iterable[Path | str]) -> ImportReport | None:
    """The report of importing `paths` when nothing among them needs reading (every file known
    and unchanged, refused before, or refused by the scan), read without opening the database
    for writing and without loading SQLAlchemy, the decoders or NumPy; None when some file needs
    reading, or the database is new or needs an upgrade (then use `import_paths`)."""
    from importers.resync import resync_report as sort_scan
    from store.known_files import read_known_files

    known = read_known_files(database)
    return None if known is None else sort_scan(known, paths)


def import_paths(
    db: Database,
    *,
    paths: Iterable[Path | str],
    cancel: threading.Event | None = None,
    workers: int | None = None,
) -> Generator[Progress, None, ImportReport]:
    """Import FIT files, `.fit.gz`, folders and zip archives (Garmin Connect exports too)."""
    from importers.pipeline import import_files  # decoders load only when there is work
    from operations.backup import before_bulk_import

    paths = list(paths)
    report = yield from import_files(
        db,
        paths,
        cancel=cancel,
        workers=workers,
        # a folder, a zip or many files: a backup first, once the scan has found new files
        before_writing=lambda: before_bulk_import(db, paths),
    )
    return _with_loads(db, report)


def sync_watch(
    db: Database,
    *,
    data_dir: Path,
    mount: Path | None = None,
    watch: DeviceInfo | None = None,
    adapters: Sequence[Adapter] | None = None,
    cancel: threading.Event | None = None,
) -> Generator[Progress, None, ImportReport]:
    """Copy a watch's new files into the data folder, then import the copies.

    The watch is the one at `mount`, the one the window's monitor found (`watch`, reached
    through `adapters`), or every watch plugged in, as a drive or over MTP.
    """
    from importers.watch import sync_watch as copy_and_import

    report = yield from copy_and_import(
        db, data_dir, mount=mount, watch=watch, adapters=adapters, cancel=cancel
    )
    private_tree(data_dir / "watch")  # the copies are health data: owner only
    return _with_loads(db, report)


def _with_loads(db: Database, report: ImportReport) -> ImportReport:
    """Fill the new activities' load; the import itself stands even if this fails."""
    if not report.activities:
        return report
    from operations.training import recompute_loads

    try:
        report.loads_recomputed = recompute_loads(db)
    except Exception as exc:  # the activities are stored; the report says why loads are missing
        report.load_error = str(exc) or type(exc).__name__
    return report


def drive(job: Generator[Progress, None, ImportReport], on_progress=None) -> ImportReport:
    """Run an import generator to its end, handing each `Progress` to `on_progress`."""
    while True:
        try:
            progress = next(job)
        except StopIteration as stop:
            return stop.value
        if on_progress is not None:
            on_progress(progress)
