"""How long the weekly sheet takes to print: one week (goal < 300 ms) and 52 weeks (< 10 s).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/print_bench.py [--repeat N]

The weeks are full ones (two sessions of six exercises, a checklist every day; every fourth
week has three sessions with long exercise names) so the fitting loop does real work. The
first render pays for Qt's font loading; it is reported separately as "cold".
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.printing.pdf import ensure_gui_app, export_pdf
from tests.printing import plans


def season(first_monday: date, count: int):
    weeks = []
    for i in range(count):
        monday = first_monday + timedelta(weeks=i)
        weeks.append(plans.full_week(monday) if i % 4 == 3 else plans.normal_week(monday))
    return weeks


def demo_season_weeks(tmp: Path, count: int):
    """`count` weeks planned by the real planner over a demo season, or None without one."""
    try:
        from operations.demo import fill_demo
        from operations.training import plan_weeks
        from store import Database
    except ImportError:
        return None
    today = date(2026, 11, 29)
    db = Database.open(tmp / "demo.sqlite")
    try:
        fill_demo(db, today=today)
        return plan_weeks(db, start=today - timedelta(weeks=count - 4), weeks=count, today=today)
    finally:
        db.close()


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ensure_gui_app()
    weeks = season(date(2026, 1, 5), 52 + 2)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.pdf"
        cold = timed(lambda: export_pdf(weeks[:1], out, next_weeks=weeks[1:3]))
        one = [
            timed(lambda: export_pdf(weeks[:1], out, next_weeks=weeks[1:3]))
            for _ in range(args.repeat)
        ]
        full = [timed(lambda: export_pdf([plans.full_week()], out)) for _ in range(args.repeat)]
        year = [
            timed(lambda: export_pdf(weeks[:52], out, next_weeks=weeks[52:]))
            for _ in range(max(1, args.repeat // 2))
        ]
        size_kb = out.stat().st_size / 1024
        real = demo_season_weeks(Path(tmp), 52 + 2)
        if real is not None:
            real_one = [
                timed(lambda: export_pdf(real[:1], out, next_weeks=real[1:3]))
                for _ in range(args.repeat)
            ]
            real_year = timed(lambda: export_pdf(real[:52], out, next_weeks=real[52:]))
    rows = [
        ("first week, cold (font loading)", f"{cold * 1000:7.1f} ms"),
        ("one week, median", f"{statistics.median(one) * 1000:7.1f} ms   goal < 300 ms"),
        ("three-session week, median", f"{statistics.median(full) * 1000:7.1f} ms"),
        ("52 weeks, median", f"{statistics.median(year):7.2f} s    goal < 10 s"),
        ("52-week PDF size", f"{size_kb:7.0f} KB"),
    ]
    if real is not None:
        rows.append(
            ("demo season + planner, one week", f"{statistics.median(real_one) * 1000:7.1f} ms")
        )
        rows.append(("demo season + planner, 52 weeks", f"{real_year:7.2f} s"))
    for label, value in rows:
        print(f"{label:<32} {value}")
    ok = statistics.median(one) < 0.3 and statistics.median(year) < 10
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
