"""A start paints the page kept at the last start before SQLAlchemy has loaded, and that page is
the one planning gives.

Each start is a fresh process, as a runner's is: it reports whether SQLAlchemy was loaded when
the calendar first painted its plans, and the plans it painted."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

from operations import training
from store import Database

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 25)

_START = r"""
import pickle, sys
from datetime import date
from pathlib import Path

from desktop.app import make_application
from desktop.main_window import MainWindow
from store import Database

app = make_application()
folder, today, report = Path(sys.argv[1]), date.fromisoformat(sys.argv[2]), Path(sys.argv[3])
db = Database.open(folder / "strongstride.sqlite")
window = MainWindow(db, data_dir=folder, today=today)
grid = window.calendar.grid
seen = {}

def painted():
    if not seen:
        seen["sqlalchemy"] = "sqlalchemy" in sys.modules
        seen["days"] = sorted(grid.days.items())

grid.plans_painted.connect(painted)
window.show()
while not (seen and window.started and not window.db_jobs.running):
    app.processEvents()
report.write_bytes(pickle.dumps(seen))
window.close()
db.close()
"""


def start(folder: Path, report: Path) -> dict:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folder / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", _START, str(folder), TODAY.isoformat(), str(report)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return pickle.loads(report.read_bytes())


def test_a_start_paints_the_kept_page_before_sqlalchemy_and_it_is_the_planned_page(
    tmp_path, demo_database
):
    folder = tmp_path / "data"
    demo_database(folder, TODAY)
    starts = [start(folder, tmp_path / f"start{i}.pickle") for i in range(3)]
    assert starts[0]["sqlalchemy"]  # nothing kept yet: the first start planned the page
    assert not starts[2]["sqlalchemy"]  # by the third start the page was kept
    db = Database.open(folder / "strongstride.sqlite")
    try:
        for kept in folder.glob("*.cache"):
            kept.unlink()
        days = dict(starts[2]["days"])
        first = min(days)
        weeks = len(days) // 7
        planned = training.plan_weeks(db, start=first, weeks=weeks, today=TODAY)
    finally:
        db.close()
    assert starts[2]["days"] == sorted((d.day, d) for w in planned for d in w.days)
    assert starts[0]["days"] == starts[2]["days"]
