"""How fast the shared watch-sync code finds and copies new files, through the fake device.

Run: python benchmarks/watch_copy_bench.py [--files N] [--repeat R]

A fake MTP watch (a folder tree laid out like a Forerunner's, every call through the device
thread with its time limit, as a real adapter's) holds N activity files. Measured: looking
for the watch (every route this system has, as the window's monitor does every few seconds),
finding what is new and copying it all into a data folder, and a second look when nothing
is new. Real MTP links are slower than a local folder; this measures our own overhead.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from importers.devices.fake import FakeAdapter
from importers.report import ImportReport
from importers.watch import discover
from importers.watch_files import copy_steps, garmin_folder, new_files
from tests.conftest import FIT_FIXTURES

RUN = "run_forerunner965_hr_gps.fit"


def build(root: Path, files: int) -> FakeAdapter:
    activity = root / "Internal Storage" / "GARMIN" / "Activity"
    activity.mkdir(parents=True)
    data = (FIT_FIXTURES / RUN).read_bytes()
    for i in range(files):
        (activity / f"2026-{i:05d}.FIT").write_bytes(data)
    return FakeAdapter(root)


def copy_all(adapter: FakeAdapter, target: Path) -> tuple[float, float, int]:
    """(seconds to find new files, seconds to copy them, files copied)."""
    device = adapter.open(adapter.discover()[0])
    try:
        start = time.perf_counter()
        todo = new_files(device, garmin_folder(device), target)
        found = time.perf_counter()
        gen = copy_steps(device, target, todo, ImportReport(), threading.Event())
        for _ in gen:
            pass
        return found - start, time.perf_counter() - found, len(todo)
    finally:
        device.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    looks, plans, copies, again = [], [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            adapter = build(Path(tmp) / "watch", args.files)
            start = time.perf_counter()
            discover()
            looks.append(time.perf_counter() - start)
            find, copy, n = copy_all(adapter, Path(tmp) / "data")
            assert n == args.files
            plans.append(find)
            copies.append(copy)
            find_again, _, none = copy_all(adapter, Path(tmp) / "data")
            assert none == 0
            again.append(find_again)
    size = (FIT_FIXTURES / RUN).stat().st_size
    print(f"{args.files} activity files of {size / 1024:.0f} KB on a fake MTP watch")
    print(
        f"look for watches (every route of this system): median {statistics.median(looks) * 1000:.0f} ms"
    )
    print(f"find new files: median {statistics.median(plans) * 1000:.0f} ms")
    print(
        f"copy all: median {statistics.median(copies):.2f} s "
        f"({args.files / statistics.median(copies):.0f} files/s)"
    )
    print(f"second look, nothing new: median {statistics.median(again) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
