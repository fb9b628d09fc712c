"""How long the load model and the planner take on long histories.

Run: python benchmarks/plan_bench.py [--repeat N] [--db]

Ten years of daily runs (one a day, 40-120 min, 1-bpm HR histograms of ~60 bins, a weekly
strength session). Prints, for 1, 2, 5 and 10 years:
  load      build the load history from scratch (HRmax/HRrest, calibration, TRIMP per activity,
            daily series, CTL/ATL, weekly volume levels)
  week      plan one week with that history already built (goal < 50 ms)
  scratch   load + plan one week (goal < 1 s)
and the 10-year / 1-year ratios (linear growth gives ~10). With --db the same ten years go
through SQLite and `operations.training.plan_weeks` (first call reads the database; the second
reuses the cached history).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.history import build_history
from planner.model import Activity, Profile, Sex
from tests.planner.season_builder import plan_range, shipped_resources

TODAY = date(2026, 11, 25)


def daily_activities(years: int, seed: int = 7) -> list[Activity]:
    rng = random.Random(seed)
    out = []
    first = TODAY - timedelta(days=365 * years)
    for k in range(365 * years):
        day = first + timedelta(days=k)
        minutes = rng.uniform(40, 120) if day.weekday() == 6 else rng.uniform(30, 70)
        centre = rng.randint(130, 165)
        bins = tuple((bpm, minutes * 60 / 61) for bpm in range(centre - 30, centre + 31))
        sport = "strength" if day.weekday() == 2 and rng.random() < 0.5 else "running"
        out.append(
            Activity(
                id=k + 1,
                start=datetime.combine(day, dtime(7)),
                sport=sport,
                sub_sport=None,
                duration_s=minutes * 60,
                distance_m=minutes * 180 if sport == "running" else None,
                avg_hr=centre,
                hr_histogram=bins,
                rpe=6 if sport == "strength" else None,
            )
        )
    return out


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_planner(repeat: int) -> dict[int, tuple[float, float, float]]:
    profile = Profile(sex=Sex.MALE, birth_year=1985, long_run_weekday=6, key_run_weekdays=(1, 3))
    res = shipped_resources()
    results = {}
    for years in (1, 2, 5, 10):
        acts = daily_activities(years)
        load = timed(lambda a=acts: build_history(a, profile, TODAY), repeat)
        history = build_history(acts, profile, TODAY)
        week = timed(
            lambda a=acts, h=history: plan_range(TODAY, 1, a, profile, (), (), TODAY, res, h),
            repeat,
        )
        scratch = timed(lambda a=acts: plan_range(TODAY, 1, a, profile, (), (), TODAY, res), repeat)
        results[years] = (load, week, scratch)
        print(
            f"{years:>2} years, {len(acts):>5} activities: load {load * 1000:7.1f} ms  "
            f"week {week * 1000:6.1f} ms  scratch {scratch * 1000:7.1f} ms"
        )
    one, ten = results[1], results[10]
    print(
        f"10y/1y: load x{ten[0] / one[0]:.1f}, week x{ten[1] / one[1]:.1f}, "
        f"scratch x{ten[2] / one[2]:.1f}"
    )
    return results


def bench_database(repeat: int) -> None:
    from importers.records import ActivityRecord
    from importers.writer import insert_records
    from operations import training
    from store import Database

    acts = daily_activities(10)
    records = [
        ActivityRecord(
            source="bench",
            external_id=str(a.id),
            sport=a.sport,
            start_utc=a.start,
            timer_s=a.duration_s,
            distance_m=a.distance_m,
            avg_hr=a.avg_hr,
            hr_histogram=a.hr_histogram,
            rpe=a.rpe,
        )
        for a in acts
    ]
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "bench.sqlite")
        try:
            t0 = time.perf_counter()
            with db.session() as s:
                insert_records(s, records)
            print(f"db: insert 10 years {time.perf_counter() - t0:.2f} s")
            t0 = time.perf_counter()
            n = training.recompute_loads(db)
            print(f"db: recompute_loads ({n} activities) {time.perf_counter() - t0:.2f} s")
            t0 = time.perf_counter()
            training.plan_weeks(db, start=TODAY, weeks=1, today=TODAY)
            print(f"db: plan_weeks first call {(time.perf_counter() - t0) * 1000:.0f} ms")
            warm = timed(lambda: training.plan_weeks(db, start=TODAY, weeks=1, today=TODAY), repeat)
            print(f"db: plan_weeks cached history {warm * 1000:.0f} ms")
            warm_load = timed(lambda: training.weekly_load(db, weeks=52, today=TODAY), repeat)
            print(f"db: weekly_load 52 weeks, cached {warm_load * 1000:.0f} ms")
        finally:
            db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", action="store_true", help="also time the SQLite path")
    args = parser.parse_args()
    bench_planner(args.repeat)
    if args.db:
        bench_database(args.repeat)


if __name__ == "__main__":
    main()
