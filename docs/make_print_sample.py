"""Render the README's picture of a printed week: docs/print-week.png.

Run: QT_QPA_PLATFORM=offscreen python docs/make_print_sample.py [--hand-built]

By default the week comes from the real pipeline: a demo season in a temporary data folder,
planned by the app's own planner. With --hand-built (or while the planner is not installed)
it uses the hand-built sample week from the print tests. The PDF page is rasterised with
poppler's pdftoppm, the same way the tests read pages back.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.printing.pdf import ensure_gui_app, export_pdf  # noqa: E402

# A Sunday: runners print the coming week at the weekend.
TODAY = date(2026, 11, 29)


def planned_weeks(tmp: Path):
    """Next week and the two after it, from a demo season; None if the planner is missing."""
    try:
        from operations.demo import fill_demo
        from operations.training import load_profile, plan_weeks
        from store import Database
    except ImportError:
        return None
    db = Database.open(tmp / "demo" / "strongstride.sqlite")
    try:
        fill_demo(db, today=TODAY)
        weeks = plan_weeks(db, start=TODAY + timedelta(days=1), weeks=3, today=TODAY)
        return weeks[:1], weeks[1:], load_profile(db).units
    finally:
        db.close()


def hand_built():
    from tests.printing import plans

    monday = TODAY - timedelta(days=TODAY.weekday())
    return (
        [plans.normal_week(monday, today=monday + timedelta(days=3))],
        [plans.full_week(monday + timedelta(days=7)), plans.race_week(monday + timedelta(14))],
        "km",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hand-built", action="store_true", help="use the test sample week")
    parser.add_argument("--out", default=str(ROOT / "docs" / "print-week.png"))
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args()
    ensure_gui_app()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "demo").mkdir()
        chosen = None if args.hand_built else planned_weeks(tmp)
        week, following, units = chosen or hand_built()
        pdf = export_pdf(week, tmp / "week.pdf", units=units, next_weeks=following, today=TODAY)
        stem = tmp / "page"
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-png", "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        shutil.copyfile(stem.with_suffix(".png"), args.out)
    source = "demo season + planner" if chosen else "hand-built sample week"
    print(f"wrote {args.out} ({source})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
