"""A start paints the page kept at the last start before SQLAlchemy has loaded, and that page is
the one planning gives.

Each start is a fresh process, as a runner's is: it reports whether SQLAlchemy was loaded when
the calendar first painted its plans, and the plans it painted."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

from operations import training
from store import Database
from tests.cli.process import run_script

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 25)

_START = r"""
import pickle, sys
from datetime import date
from pathlib import Path

from desktop.app import make_application
from desktop.main_window import MainWindow
from store import Database
from tests.cli.process import run_script

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
    run_script(_START, str(folder), TODAY.isoformat(), str(report), XDG_CONFIG_HOME=str(folder))
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


def test_every_deferred_module_of_the_window_names_a_module_that_exists():
    import importlib
    import pkgutil

    import desktop
    from desktop.deferred import DeferredModule

    found = {}
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, DeferredModule):
                found[f"{info.name}.{name}"] = value
    assert len(found) >= 8  # the window's controllers and loaders are found
    for where, stand_in in found.items():
        assert importlib.import_module(stand_in._name), where


def test_the_first_paint_shows_distances_in_the_units_the_profile_had_last_time(
    qtbot, tmp_path, demo_database
):
    """The profile is read after the first paint; until then the units last shown are used."""
    from PySide6.QtCore import QSettings

    from desktop.main_window import MainWindow
    from tests.desktop.window_fixtures import open_window

    QSettings().clear()
    db = Database.open(demo_database(tmp_path, TODAY))
    try:
        training.save_profile(db, units="mi")
        first = open_window(qtbot, db, tmp_path, TODAY)
        assert first.units == "mi"
        first.close()
        again = MainWindow(db, data_dir=tmp_path, today=TODAY)
        qtbot.addWidget(again)
        assert again.units == again.calendar.grid.units == "mi"  # before any job has run
        training.save_profile(db, units="km")  # changed elsewhere, e.g. by a command
        again.show()
        qtbot.waitUntil(lambda: again.started and not again.db_jobs.running, timeout=15000)
        assert again.units == again.calendar.grid.units == "km"
        again.close()
    finally:
        db.close()
