"""Writing the weekly sheets: a PDF file, or any QPrinter (print preview, system dialog).

`export_pdf` works headless (QT_QPA_PLATFORM=offscreen is set when there is no display) and
needs only QtGui, so the command line never loads QtWidgets. `paint_weeks` paints onto a
QPrinter the app gives it, e.g. from QPrintPreviewDialog's paintRequested signal.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPainter

from desktop.printing.sheet import SheetContent, paint_week_page
from importers.progress import Cancelled, Progress
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
    "export_pdf_job",
    "page_size_id",
    "paint_weeks",
]


class PrintError(Exception):
    """The sheet could not be written (bad page size, unwritable path)."""


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new GUI-less one (offscreen when there is no display)."""
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
    return list(paint_pages(device, weeks, units=units, next_weeks=next_weeks, today=today))


def paint_pages(
    device: QPagedPaintDevice,
    weeks: Sequence[WeekPlan],
    *,
    units: str = "km",
    next_weeks: Sequence[WeekPlan] | None = None,
    today: date | None = None,
) -> Iterator[float]:
    """Paint the weeks page by page, yielding each page's font scale once it is painted."""
    ensure_gui_app()
    sequence = [*weeks, *(next_weeks or ())]
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("could not start painting (is the output writable?)")
    try:
        for i, week in enumerate(weeks):
            if i:
                device.newPage()
            content = SheetContent(week, tuple(sequence[i + 1 : i + 3]), units, today)
            yield paint_week_page(painter, device, content)
    finally:
        painter.end()


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
    for _ in export_pdf_job(
        weeks, path, units=units, page_size=page_size, next_weeks=next_weeks, today=today
    ):
        pass
    return Path(path)


def export_pdf_job(
    weeks: list[WeekPlan],
    path: str | os.PathLike[str],
    *,
    units: str = "km",
    page_size: str = "A4",
    next_weeks: list[WeekPlan] | None = None,
    today: date | None = None,
    cancel: threading.Event | None = None,
) -> Iterator[Progress]:
    """`export_pdf` as a long job: yields Progress per page and stops when `cancel` is set.

    A cancelled export removes its half-written file and raises Cancelled. May run on a
    worker thread once the application exists (painting a PDF touches no widget).
    """
    from PySide6.QtGui import QPdfWriter

    if not weeks:
        raise PrintError("no week to print")
    size = page_size_id(page_size)
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
            QPageSize(size),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    pages = paint_pages(writer, weeks, units=units, next_weeks=next_weeks, today=today)
    cancelled = False
    try:
        for done, _scale in enumerate(pages, start=1):
            yield Progress(done, len(weeks), f"week of {weeks[done - 1].week_start:%-d %b}")
            if cancel is not None and cancel.is_set() and done < len(weeks):
                cancelled = True
                break
    finally:
        pages.close()  # ends the painter, which finishes the file
        del writer
    if cancelled:
        out.unlink(missing_ok=True)
        raise Cancelled(f"PDF export stopped after {done} of {len(weeks)} weeks")
