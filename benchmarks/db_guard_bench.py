"""What guarding the database costs on a long history: the page check on open and a backup.

    python benchmarks/db_guard_bench.py             # 10 years of demo seasons
    python benchmarks/db_guard_bench.py --years 30  # a bigger file

Prints the file size, `PRAGMA quick_check` and `PRAGMA integrity_check` times, opening the
database with and without the check (median of 5, warm cache), and one backup with SQLite's
backup API. The open check is worth it when it stays a small share of a cold start (~0.9 s).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _timed(fn, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def _pragma(path: Path, pragma: str) -> None:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute(pragma).fetchone()[0] == "ok"
    finally:
        conn.close()


def measure(folder: Path, years: int) -> dict[str, object]:
    import ui_bench

    from store import Database
    from store.backup import copy_database

    ui_bench.YEARS = years
    count = ui_bench.build_database(folder)
    path = folder / "strongstride.sqlite"
    quick = _timed(lambda: _pragma(path, "PRAGMA quick_check"))
    integrity = _timed(lambda: _pragma(path, "PRAGMA integrity_check"), runs=3)
    with_check = _timed(lambda: Database.open(path).close())
    without = _timed(lambda: Database.open(path, check=False).close())
    backup = _timed(lambda: copy_database(path, folder / "copy.sqlite"), runs=3)
    ms = lambda xs: round(statistics.median(xs) * 1000, 1)  # noqa: E731
    return {
        "activities": count,
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "quick_check_ms": ms(quick),
        "integrity_check_ms": ms(integrity),
        "open_with_check_ms": ms(with_check),
        "open_without_check_ms": ms(without),
        "backup_ms": ms(backup),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = measure(Path(tmp), args.years)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['activities']} activities, {result['file_mb']} MB")
    print(f"PRAGMA quick_check: {result['quick_check_ms']} ms (median of 5)")
    print(f"PRAGMA integrity_check: {result['integrity_check_ms']} ms")
    print(
        f"open with the check: {result['open_with_check_ms']} ms, without: "
        f"{result['open_without_check_ms']} ms"
    )
    print(f"backup (SQLite backup API): {result['backup_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
