"""Icons drawn from the SVGs in resources/icons, tinted for the current light or dark scheme."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.views.theme import colors


@cache
def _svg(name: str) -> str:
    return resources.files("resources").joinpath("icons").joinpath(f"{name}.svg").read_text()


def icon(name: str, color: str | None = None) -> QIcon:
    """The named icon in `color` (default: the scheme's text colour), sharp at 1x and 2x."""
    tint = color or colors().text.name()
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("#COLOR", tint).encode()))
    out = QIcon()
    for size in (16, 24, 32, 48):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        out.addPixmap(QPixmap.fromImage(image))
    return out
