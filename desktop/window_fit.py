"""The main window fits the screen it opens on, and comes back where the runner left it.

A saved geometry from a larger screen (or a screen no longer attached) is shrunk and moved into
the available area (the screen without its task bar or dock), so the status bar and the last
week row are never off-screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 820)
SCREEN_SHARE = 0.92  # a first start leaves a little of the desktop around the window


def fit_window(window: QWidget, available: QRect, *, first_start: bool) -> None:
    """Size and place `window` (its frame included) inside `available`."""
    frame_w = max(0, window.frameGeometry().width() - window.width())
    frame_h = max(0, window.frameGeometry().height() - window.height())
    room = QSize(available.width() - frame_w, available.height() - frame_h)
    if first_start:
        wanted = QSize(
            min(PREFERRED.width(), int(room.width() * SCREEN_SHARE)),
            min(PREFERRED.height(), int(room.height() * SCREEN_SHARE)),
        )
        if available.width() >= 2 * PREFERRED.width():  # a large screen: use more of it
            wanted = QSize(int(room.width() * 0.7), int(room.height() * 0.8))
    else:
        wanted = window.size()
    size = wanted.boundedTo(room).expandedTo(window.minimumSize())
    window.resize(size)
    geo = QRect(window.pos(), QSize(size.width() + frame_w, size.height() + frame_h))
    if first_start or not available.contains(geo):
        x = available.x() + max(0, (available.width() - geo.width()) // 2)
        y = available.y() + max(0, (available.height() - geo.height()) // 2)
        if not first_start:
            x = min(max(geo.x(), available.x()), available.right() - geo.width() + 1)
            y = min(max(geo.y(), available.y()), available.bottom() - geo.height() + 1)
        window.move(max(available.x(), x), max(available.y(), y))
