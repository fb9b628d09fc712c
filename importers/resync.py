"""Found files against known ones: which need reading, and the report of a re-sync that finds
nothing to read, without loading the decoders, NumPy or SQLAlchemy.

`sort_found` is the one rule, used by the import pipeline for every file it finds; `resync_report`
applies it to a whole scan when the caller has the known files (`store.known_files`) and wants to
know whether an import has anything to do.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from importers.report import FileProblem, ImportReport
from importers.sources import Candidate, Rejected, walk
from store.known_files import KnownFile


def failed_read(f: KnownFile) -> bool:
    """A file that was read and failed to decode: not read again until it changes."""
    return f.status == "failed" and bool(f.sha256)


def sort_found(
    item: Candidate | Rejected, known: Mapping[str, KnownFile], report: ImportReport
) -> bool:
    """Report what needs no reading; True for a candidate that must be decoded."""
    if isinstance(item, Rejected):
        target = report.failed if item.failed else report.skipped
        target.append(FileProblem(item.path, item.reason))
        return False
    k = known.get(item.path)
    if k is None or k.size != item.size or k.mtime != item.mtime:
        return True
    if k.status != "failed":
        report.unchanged += 1
        return False
    if failed_read(k):
        report.failed_before.append(FileProblem(item.path, k.error or "failed before"))
        return False
    return True  # it could not even be read last time: try again


def resync_report(
    known: Mapping[str, KnownFile], paths: Iterable[Path | str]
) -> ImportReport | None:
    """The report an import of `paths` would give when every file found is known and unchanged
    (or was refused before, or is refused by the scan); None as soon as one file needs reading."""
    report = ImportReport()
    for item in walk([Path(os.path.abspath(p)) for p in paths]):
        if sort_found(item, known, report):
            return None
    return report
