"""Import benchmark: StrongStride's importer against a plain fitparse loop, in one run.

Builds a corpus of N distinct FIT files from the real fixtures (each copy has every date moved
by a whole number of days and its CRC recomputed, so it is a valid, different activity), then
measures:

1. a plain fitparse loop that reads every message of every file and sums the session timer time
   and distance (the baseline the design started from);
2. the first import of the corpus into a fresh database (decode + reduce + write);
3. a re-sync of the same, now known, files;
4. peak resident memory of this process and of the decode workers.

Usage: python benchmarks/import_bench.py [--files 1000] [--baseline-files N] [--workers W]
(--baseline-files times fitparse on the first N files only and scales up, for quick runs.)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_env import child_env  # noqa: E402

from importers.fit import read_fit  # noqa: E402
from importers.fit_messages import FitReadError  # noqa: E402
from importers.pipeline import run_import  # noqa: E402
from store import Database  # noqa: E402
from tests.importers.fit_variants import shift_fit  # noqa: E402

DB_NAME = "strongstride.sqlite"  # the database file in a data folder (operations.paths)
FIXTURES = ROOT / "tests" / "data" / "fit"


def activity_fixtures(one_second: bool = False) -> list[bytes]:
    """Every fixture that is a readable activity (corrupt and non-activity files left out);
    with `one_second`, only recordings sampled about every second (a season of real runs)."""
    import fitfast
    import numpy as np

    out = []
    for path in sorted(FIXTURES.glob("*.fit")):
        if path.name.startswith(("corrupt_", "empty_", "notfit_")):
            continue
        try:
            if not read_fit(path).activities:
                continue
        except FitReadError:
            continue
        if one_second:
            try:
                t = fitfast.records(path.read_bytes()).get("timestamp", np.zeros(0))
            except fitfast.FitDecodeError:
                continue
            if t.size < 600 or float(np.median(np.diff(t))) > 1.5:
                continue
        out.append(path.read_bytes())
    return out


def columnar_floor(files: list[Path]) -> float:
    """fitfast's bare columnar decode of every file's records, one core: the floor."""
    import fitfast

    t0 = time.perf_counter()
    for path in files:
        try:
            fitfast.records(path.read_bytes())
        except fitfast.FitDecodeError:
            continue
    return time.perf_counter() - t0


def cli_resync(corpus: Path, data_dir: Path) -> float:
    """Wall time of the whole `strongstride import FOLDER` command, process start included."""
    module = "cli" if (ROOT / "cli" / "__main__.py").exists() else "desktop.cli"
    cmd = [sys.executable, "-m", module, "--data-dir", str(data_dir), "import", str(corpus)]
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=child_env())
        best = min(best, time.perf_counter() - t0)
    return best


def build_corpus(folder: Path, n: int, one_second: bool = False) -> int:
    sources = activity_fixtures(one_second)
    total = 0
    for i in range(n):
        data = shift_fit(sources[i % len(sources)], 86400 * (i // len(sources) + 1))
        (folder / f"{i:05}.fit").write_bytes(data)
        total += len(data)
    return total


def fitparse_loop(files: list[Path]) -> tuple[float, float, int]:
    import fitparse

    timer = distance = 0.0
    errors = 0
    for path in files:
        try:
            for msg in fitparse.FitFile(str(path)).get_messages():
                values = msg.get_values()
                if msg.name == "session":
                    timer += values.get("total_timer_time") or 0.0
                    distance += values.get("total_distance") or 0.0
        except Exception:
            errors += 1  # fitparse stops on files it cannot read; the loop goes on
    return timer, distance, errors


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
    return own * scale, kids * scale


def import_only(corpus: Path, db_path: Path, workers: int | None) -> int:
    """Child process: first import and re-sync, printed as JSON."""
    db = Database.open(db_path)
    t0 = time.perf_counter()
    first = run_import(db, [corpus], workers=workers)
    t_first = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = run_import(db, [corpus], workers=workers)
    t_again = time.perf_counter() - t0
    db.close()
    own, kids = peak_rss_mb()
    print(
        json.dumps(
            {
                "first_s": t_first,
                "again_s": t_again,
                "activities": first.activities,
                "files": len(first.imported),
                "failed": len(first.failed),
                "unchanged": again.unchanged,
                "added_again": again.activities,
                "rss_main_mb": own,
                "rss_workers_mb": kids,
            }
        )
    )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--import-only", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--baseline-files", type=int, default=None)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument(
        "--season", action="store_true", help="only one-second recordings (a season of runs)"
    )
    args = ap.parse_args()
    if args.import_only:
        corpus, db_path = args.import_only
        return import_only(Path(corpus), Path(db_path), args.workers)
    with tempfile.TemporaryDirectory(prefix="strongstride-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = build_corpus(corpus, args.files, args.season)
        files = sorted(corpus.iterdir())
        print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB, {os.cpu_count()} cores")
        floor = columnar_floor(files)
        print(f"fitfast columnar decode (floor, one core): {floor:8.2f} s")

        n_base = min(args.baseline_files or len(files), len(files))
        t0 = time.perf_counter()
        timer, distance, errors = fitparse_loop(files[:n_base])
        base = (time.perf_counter() - t0) * len(files) / n_base
        note = "" if n_base == len(files) else f" (measured on {n_base}, scaled)"
        print(f"fitparse loop:  {base:8.2f} s{note}; {errors} file(s) fitparse could not read")

        # The import runs in a fresh process so its peak memory is its own (and its workers',
        # which start from that process), not the fitparse loop's.
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        out = subprocess.run(
            [sys.executable, __file__, "--import-only", str(corpus), str(data_dir / DB_NAME)]
            + (["--workers", str(args.workers)] if args.workers else []),
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(out.stdout)
        t_first, t_again = r["first_s"], r["again_s"]
        print(
            f"first import:   {t_first:8.2f} s  ({base / t_first:5.1f}x faster than fitparse; "
            f"{r['activities']} activities from {r['files']} files, {r['failed']} failed)"
        )
        print(f"  ratio to the columnar floor: {t_first / floor:5.1f}x")
        print(
            f"re-sync:        {t_again:8.3f} s  ({t_first / t_again:5.0f}x faster than the "
            f"first import; {r['unchanged']} unchanged, {r['added_again']} added)"
        )
        wall = cli_resync(corpus, data_dir)
        print(f"re-sync, whole `strongstride import` command incl. process start: {wall:.3f} s")
        print(
            f"peak RSS:       {r['rss_main_mb']:8.1f} MB importing process, "
            f"{r['rss_workers_mb']:.1f} MB largest decode worker"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
