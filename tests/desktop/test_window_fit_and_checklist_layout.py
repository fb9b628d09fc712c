"""The window fits the screen and remembers itself; the checklist never clips its text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from desktop.window_fit import fit_window
from tests.desktop.window_fixtures import SEASON_END, demo_db, open_window, wait_for_plans

__all__ = ["demo_db"]

SCREENS = {"1280x720": QRect(0, 0, 1280, 720 - 40), "2560x1440": QRect(0, 0, 2560, 1440 - 48)}


def _screen(monkeypatch, available: QRect) -> None:
    """The screen the window opens on offers `available` (a real 1280x720 or 2560x1440 desktop
    without its task bar); the offscreen test platform's own screen is 800x800."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(available))


def _settle(qtbot) -> None:
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(20)


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_the_window_fits_the_available_area_with_the_last_week_and_status_bar_inside(
    qtbot, demo_db, tmp_path, screen, monkeypatch
):
    available = SCREENS[screen]
    _screen(monkeypatch, available)
    window = open_window(qtbot, demo_db, tmp_path)
    _settle(qtbot)
    assert available.contains(window.frameGeometry())
    grid = window.calendar.grid
    wait_for_plans(qtbot, window, SEASON_END)
    last = grid.cell_rect(grid.last_day)
    assert last.bottom() <= grid.height() and last.height() >= 48
    status = window.statusBar()
    assert status.isVisible() and status.geometry().bottom() <= window.height()


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_checklist_line_has_the_room_its_text_needs(
    qtbot, demo_db, tmp_path, screen, monkeypatch
):
    _screen(monkeypatch, SCREENS[screen])
    window = open_window(qtbot, demo_db, tmp_path)
    panel = window.checklist
    # a rest day holds the longest list (foam roll, ball, all four mobility items, extras)
    longest = max(
        (d for d in window.calendar.grid.days.values() if d.day <= SEASON_END),
        key=lambda d: len(d.checklist),
    )
    window.calendar.go_to(longest.day)
    qtbot.waitUntil(lambda: panel.day == longest.day and len(panel.boxes) > 3, timeout=10000)
    _settle(qtbot)
    viewport = panel.scroll.viewport().width()
    assert panel.labels
    for label in panel.labels:
        needed = label.heightForWidth(label.width())
        assert needed <= label.height(), f"{label.text()!r} needs {needed} px, has {label.height()}"
        right = label.mapTo(panel.scroll.widget(), label.rect().bottomRight()).x()
        assert right <= viewport, f"{label.text()!r} runs past the panel"


def test_the_window_comes_back_at_its_size_and_a_too_large_one_is_shrunk_to_the_screen(
    qtbot, demo_db, tmp_path, monkeypatch
):
    _screen(monkeypatch, SCREENS["2560x1440"])
    window = open_window(qtbot, demo_db, tmp_path)
    window.resize(QSize(1100, 700))
    _settle(qtbot)
    assert window.close()  # saves the geometry
    again = MainWindow(demo_db, data_dir=tmp_path, today=SEASON_END)
    qtbot.addWidget(again)
    assert again.size() == QSize(1100, 700)
    again.resize(QSize(3000, 2000))
    fit_window(again, SCREENS["1280x720"], first_start=False)
    assert SCREENS["1280x720"].contains(again.frameGeometry())
