"""The printed weekly sheet: one page per week, as a PDF file or on a printer.

`export_pdf(weeks, path, units=, page_size=, next_weeks=)` writes a PDF headless;
`paint_weeks(printer, weeks, ...)` paints onto a QPrinter for the app's print preview.
Both live in `desktop.printing.pdf` and are loaded on first use, so importing the plain
wording (`operations.wording`, shared with the calendar export) does not load Qt.
"""

from __future__ import annotations

from typing import Any

_PDF_NAMES = {
    "export_pdf",
    "export_pdf_job",
    "paint_weeks",
    "PrintError",
    "ensure_gui_app",
    "PAGE_SIZES",
}

__all__ = sorted(_PDF_NAMES)


def __getattr__(name: str) -> Any:
    if name in _PDF_NAMES:
        from desktop.printing import pdf

        return getattr(pdf, name)
    raise AttributeError(f"module 'desktop.printing' has no attribute {name!r}")
