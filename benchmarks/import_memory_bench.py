"""Import memory benchmark: peak resident memory of the importing process and of each decode
worker, for the largest inputs the importer accepts.

Every input is imported by a fresh process into a fresh database, which then reports its own
peak (`VmHWM` on Linux, `ru_maxrss` elsewhere) and its largest worker's (`ru_maxrss` of its
children: an upper bound, since Linux counts the parent's size at the moment of the fork). Inputs:

1. a 64 MB FIT file: 64 MB of chained recordings (distinct copies of the longest fixture), read
   by the importing process itself (one file: no workers);
2. the same file with a damaged checksum in its last part (the tolerant decoder reads that part);
3. the 64 MB file among 15 small ones, so a worker process decodes it;
4. a zip holding the 64 MB file and the small ones (members read by the importing process and
   decoded by the workers, at most two files in flight per worker);
5. the damaged files kept in tests/data/fuzz (a corrupt timestamp once asked for 5 GB).

Goal: < 500 MB for the importing process and for each worker.
Usage: python benchmarks/import_memory_bench.py [--mb 64]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.importers.fit_variants import shift_fit  # noqa: E402

FIXTURES = (
    Path(os.environ.get("STRONGSTRIDE_FIXTURES") or ROOT.parent / "shared" / "fixtures") / "fit"
)
GOAL_MB = 500
LONGEST = "run_trail_fenix6s_hr_gps_4h42.fit"
SMALL = "run_fenix5_hr_gps_1min.fit"

_CHILD = """
import json, resource, sys
from pathlib import Path
from importers.pipeline import run_import
def peak_mb():  # VmHWM: this process's own peak (ru_maxrss also counts the parent at fork)
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
from store import Database
db = Database.open(sys.argv[1])
report = run_import(db, sys.argv[2:], workers=2)
db.close()
print(json.dumps({
    "self_mb": peak_mb(),
    "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "activities": report.activities, "failed": [p.reason for p in report.failed],
    "implausible": len(report.implausible),
}))
"""


def big_file(mb: int) -> bytes:
    """`mb` MB of distinct chained recordings (each copy a week later)."""
    src = (FIXTURES / LONGEST).read_bytes()
    copies = (mb * 1024 * 1024 - 1) // len(src)
    return b"".join(shift_fit(src, 7 * 86400 * (i + 1)) for i in range(copies))


def measure(label: str, work: Path, *inputs: Path) -> dict:
    db = work / f"{label}.sqlite"
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db), *map(str, inputs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - t0
    ok = result["self_mb"] < GOAL_MB and result["worker_mb"] < GOAL_MB
    failed = f", failed: {result['failed'][:1]}" if result["failed"] else ""
    print(
        f"{label:<28} importer {result['self_mb']:6.0f} MB  largest worker "
        f"{result['worker_mb']:6.0f} MB  {result['activities']:4} activities  "
        f"{result['seconds']:6.1f} s  {'ok' if ok else 'OVER GOAL'}{failed}"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=64, help="size of the large file (max 64)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="strongstride-mem-") as tmp:
        work = Path(tmp)
        data = big_file(args.mb)
        one = work / "one"
        one.mkdir()
        (one / "big.fit").write_bytes(data)
        bad = work / "bad"
        bad.mkdir()
        (bad / "big_bad_crc.fit").write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
        many = work / "many"
        shutil.copytree(one, many)
        small = (FIXTURES / SMALL).read_bytes()
        for i in range(15):
            (many / f"small{i:02}.fit").write_bytes(shift_fit(small, 86400 * (i + 1)))
        archive = work / "export.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(many.iterdir()):
                zf.write(path, path.name)
        print(f"large file: {len(data) / 2**20:.1f} MB; goal < {GOAL_MB} MB per process")
        results = [
            measure("64 MB file, in-process", work, one),
            measure("64 MB file, bad CRC", work, bad),
            measure("64 MB file + 15, workers", work, many),
            measure("zip of the same", work, archive),
            measure("fuzz regression files", work, ROOT / "tests" / "data" / "fuzz"),
        ]
        worst = max(max(r["self_mb"], r["worker_mb"]) for r in results)
        print(f"largest peak: {worst:.0f} MB ({worst / GOAL_MB:.0%} of the goal)")


if __name__ == "__main__":
    main()
