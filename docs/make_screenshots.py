"""Regenerate the README screenshots: every main view on the demo season, light and dark.

Run under a real X server or Xvfb, from the repository root:

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_screenshots.py

Writes docs/screenshots/<view>-<light|dark>.png. The demo season is filled into a temporary
folder, never into the runner's data.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TODAY = date(2026, 11, 25)
OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1360, 860)


def settle(app, seconds: float, until=None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            for _ in range(20):
                app.processEvents()
                time.sleep(0.01)
            return
        time.sleep(0.01)


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from desktop.app import make_application
    from desktop.main_window import MainWindow
    from desktop.views.theme import apply_theme
    from operations.demo import fill_demo
    from store import Database

    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp())  # fresh window settings
    app = make_application()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    db = Database.open(folder / "strongstride.sqlite")
    fill_demo(db, today=TODAY)
    for theme in ("light", "dark"):
        os.environ["STRONGSTRIDE_THEME"] = theme
        apply_theme(app)
        shoot(app, MainWindow(db, data_dir=folder, today=TODAY), theme)
        first_run(app, MainWindow, Database, theme)
    db.close()
    print(f"screenshots in {OUT}")
    return 0


def first_run(app, window_type, database_type, theme: str) -> None:
    """The welcome wizard a new runner sees on an empty data folder."""
    folder = Path(tempfile.mkdtemp())
    db = database_type.open(folder / "strongstride.sqlite")
    window = window_type(db, data_dir=folder, today=TODAY)
    window.resize(*SIZE)
    window.show()
    settle(app, 10, lambda: window.file_menu.wizard is not None)
    wizard = window.file_menu.wizard
    settle(app, 1)
    wizard.grab().save(str(OUT / f"welcome-{theme}.png"))
    wizard.reject()
    fixtures = Path(__file__).resolve().parents[1] / "tests" / "data" / "fit"
    if fixtures.is_dir():  # the import report on the repository's test files
        dialog = window.file_menu.start_import([fixtures], workers=1)
        settle(app, 60, lambda: dialog.report is not None)
        settle(app, 0.5)
        dialog.grab().save(str(OUT / f"import-report-{theme}.png"))
        dialog.accept()
    window.close()
    db.close()


def gym_mode(app, window, theme: str) -> None:
    """Gym mode half-way through the session of the day before TODAY: three sets ticked."""
    card = window.open_session(TODAY - timedelta(days=1))
    gym = card.open_gym_mode()
    gym.resize(980, 760)
    for row in gym.rows:
        if row.weight is not None and row.exercise.id == "back_squat":
            row.weight.setValue(60)
            break
    for _ in range(3):
        gym.tick_next()
    for _ in range(20):
        gym.rest_tick()
    settle(app, 1)
    gym.grab().save(str(OUT / f"gym-mode-{theme}.png"))
    gym.reject()
    card.reject()


def shoot(app, window, theme: str) -> None:
    """Every main view of one window, saved as <view>-<theme>.png."""
    window.file_menu.watch_monitor.timer.setInterval(600_000)
    window.resize(*SIZE)
    window.show()
    window.show_view("calendar")
    window.calendar.set_week_mode(False)
    window.calendar.go_today()
    settle(app, 10, lambda: TODAY in window.calendar.grid.days)
    settle(app, 1)
    window.grab().save(str(OUT / f"calendar-month-{theme}.png"))
    window.calendar.set_week_mode(True)
    settle(app, 10, lambda: TODAY in window.calendar.grid.days)
    settle(app, 0.5)
    window.grab().save(str(OUT / f"calendar-week-{theme}.png"))
    session_day = next(
        d.day
        for i in range(14)
        if (d := window.calendar.grid.days.get(TODAY + timedelta(days=i))) and d.strength
    )
    card = window.open_session(session_day)
    settle(app, 1)
    card.grab().save(str(OUT / f"session-card-{theme}.png"))
    card.reject()
    gym_mode(app, window, theme)
    window.calendar.set_week_mode(False)
    window.show_view("activities")
    settle(app, 10, lambda: window.activities.model.rowCount() > 0)
    window.activities.table.selectRow(1)
    settle(app, 1.5)
    window.grab().save(str(OUT / f"activities-{theme}.png"))
    window.show_view("load")
    settle(app, 20, lambda: bool(window.load_view.loads))
    settle(app, 1)
    window.grab().save(str(OUT / f"load-{theme}.png"))
    window.show_view("races")
    settle(app, 10, lambda: window.races.table.rowCount() > 0)
    window.grab().save(str(OUT / f"races-{theme}.png"))
    window.show_view("settings")
    settle(app, 1)
    window.grab().save(str(OUT / f"settings-{theme}.png"))
    window.show_view("calendar")
    window.close()
    settle(app, 0.5)


if __name__ == "__main__":
    raise SystemExit(main())
