"""How fast the command line answers: `--version`, `--help` and the JSON views on the demo.

    python benchmarks/cli_bench.py                 # 7 runs of each command
    python benchmarks/cli_bench.py --runs 11 --json
    python benchmarks/cli_bench.py --code OTHER    # the same commands on another checkout

Each command runs as a runner starts it, `python -m cli ...` in a fresh process, interpreter
start included; a bare `python -c pass` is measured alongside so the numbers can be read on any
machine. CPU is user + system time of the process (every thread), which a busy machine changes
much less than the wall time. The plan and the views run on a demo season in a temp folder,
filled once and planned once before the runs (as after the first start of the day), so
`plan --json` prints the weeks kept by the first measured run (`operations.plan_keep`); run it
with nothing kept by removing the `*.cache` files (see the README's figures).
Goals: `--version` under 0.15 s, `plan --json` under 0.5 s (wall).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_env import child_env  # noqa: E402

TODAY = "2026-11-25"
GOALS = {"--version": 0.15, "plan --json": 0.5}


def timed(args: list[str], code: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one fresh `python ARGS` with `code` first on the path."""
    env = child_env(PYTHONPATH=str(code), QT_QPA_PLATFORM="offscreen")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, cwd=code, env=env, timeout=120
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def commands(folder: Path) -> dict[str, list[str]]:
    data = ["--data-dir", str(folder), "--today", TODAY]
    return {
        "python -c pass": ["-c", "pass"],
        "--version": ["-m", "cli", "--version"],
        "--help": ["-m", "cli", "--help"],
        "plan --json": ["-m", "cli", *data, "plan", "--json"],
        "load --json": ["-m", "cli", *data, "load", "--json"],
        "activities --json": ["-m", "cli", *data, "activities", "--json"],
    }


def measure(code: Path, runs: int) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        timed(["-m", "cli", "--data-dir", tmp, "--today", TODAY, "demo", "--no-window"], code)
        timed(["-m", "cli", "--data-dir", tmp, "--today", TODAY, "plan", "--json"], code)
        todo = commands(folder)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in todo}
        for _ in range(runs):  # interleaved, so a busy moment hits every command alike
            for name, args in todo.items():
                samples[name].append(timed(args, code))
    return {
        name: {
            "wall_median_s": round(statistics.median(w for w, _ in values), 3),
            "wall_min_s": round(min(w for w, _ in values), 3),
            "cpu_median_s": round(statistics.median(c for _, c in values), 3),
        }
        for name, values in samples.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.code.resolve(), args.runs)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'command':<20} {'wall median':>12} {'wall min':>9} {'CPU median':>11}  goal")
    for name, r in result.items():
        goal = f"< {GOALS[name]} s" if name in GOALS else ""
        print(
            f"{name:<20} {r['wall_median_s']:>10.3f} s {r['wall_min_s']:>7.3f} s "
            f"{r['cpu_median_s']:>9.3f} s  {goal}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
