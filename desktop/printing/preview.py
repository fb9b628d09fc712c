"""File > Print for the app: a print preview of the chosen weeks, with the printer dialog behind.

`print_preview_dialog(parent, weeks, ...)` returns a ready QPrintPreviewDialog (portrait, the
system's default paper, A4 or Letter by locale) that paints with the same code as the PDF
export; the caller shows it with `exec()` or `open()`. Only the app imports this module: it
needs QtWidgets and QtPrintSupport, which the command line never loads.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from desktop.printing.pdf import paint_weeks
from operations.wording import week_dates
from planner.model import WeekPlan


def print_preview_dialog(
    parent: QWidget | None,
    weeks: Sequence[WeekPlan],
    *,
    units: str = "km",
    next_weeks: Sequence[WeekPlan] | None = None,
    today: date | None = None,
) -> QPrintPreviewDialog:
    """A print preview of one page per week; printing goes through the system dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    if weeks:
        printer.setDocName(f"StrongStride week {week_dates(weeks[0].week_start)}")
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print training week" if len(weeks) == 1 else "Print training weeks")
    dialog.paintRequested.connect(
        lambda target: paint_weeks(target, weeks, units=units, next_weeks=next_weeks, today=today)
    )
    dialog._printer = printer  # the dialog does not own the printer; keep it alive with it
    return dialog
