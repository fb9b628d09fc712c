"""Writing the weekly sheets: a PDF file, or any QPrinter (print preview, system dialog).

`export_pdf` works headless (QT_QPA_PLATFORM=offscreen is set when there is no display) and
needs only QtGui, so the command line never loads QtWidgets. `paint_weeks` paints onto a
QPrinter the app gives it, e.g. from QPrintPreviewDialog's paintRequested signal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPainter

from desktop.printing.none_guard import keep_none_alive
from desktop.printing.sheet import SheetContent, paint_week_page
from planner.model import WeekPlan

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "LETTER": QPageSize.PageSizeId.Letter}
MARGIN_MM = 11.0
PDF_DPI = 300

_APP: QGuiApplication | None = None  # kept alive for the life of the process

__all__ = [
    "PAGE_SIZES",
    "PrintError",
    "ensure_gui_app",
    "export_pdf",
    "page_size_id",
    "paint_weeks",
]


class PrintError(Exception):
    """The sheet could not be written (bad page size, unwritable path)."""


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new GUI-less one (offscreen when there is no display)."""
    keep_none_alive()
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    _APP = QGuiApplication(["strongstride"])
    return _APP


def page_size_id(name: str) -> QPageSize.PageSizeId:
    try:
        return PAGE_SIZES[name.upper()]
    except KeyError:
        raise PrintError(f"page size '{name}' is not A4 or Letter") from None


def paint_weeks(
    device: QPagedPaintDevice,
    weeks: Sequence[WeekPlan],
    *,
    units: str = "km",
    next_weeks: Sequence[WeekPlan] | None = None,
    today: date | None = None,
) -> list[float]:
    """Paint one page per week onto a QPrinter or QPdfWriter; returns the font scale per page.

    The footer of each page shows the two weeks after it, taken from `weeks` and then from
    `next_weeks` (the weeks after the last printed one).
    """
    ensure_gui_app()
    sequence = [*weeks, *(next_weeks or ())]
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("could not start painting (is the output writable?)")
    scales = []
    try:
        for i, week in enumerate(weeks):
            if i:
                device.newPage()
            content = SheetContent(week, tuple(sequence[i + 1 : i + 3]), units, today)
            scales.append(paint_week_page(painter, device, content))
    finally:
        painter.end()
    return scales


def export_pdf(
    weeks: list[WeekPlan],
    path: str | os.PathLike[str],
    *,
    units: str = "km",
    page_size: str = "A4",
    next_weeks: list[WeekPlan] | None = None,
    today: date | None = None,
) -> Path:
    """Write the weeks as a PDF, exactly one portrait page per week; returns the path."""
    from PySide6.QtGui import QPdfWriter

    if not weeks:
        raise PrintError("no week to print")
    ensure_gui_app()
    out = Path(path)
    if not out.parent.is_dir():
        raise PrintError(f"folder {out.parent} does not exist")
    writer = QPdfWriter(str(out))
    writer.setResolution(PDF_DPI)
    writer.setTitle(f"StrongStride training plan from {weeks[0].week_start:%-d %B %Y}")
    writer.setCreator("StrongStride")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(page_size_id(page_size)),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    paint_weeks(writer, weeks, units=units, next_weeks=next_weeks, today=today)
    del writer  # flushes and closes the file
    return out
