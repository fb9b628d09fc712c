"""The app's print preview paints the same one-page-per-week sheet."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintPreviewWidget

from desktop.printing.preview import print_preview_dialog
from tests.printing import plans


def test_preview_shows_one_page_per_week(qtbot):
    weeks = [plans.normal_week(), plans.full_week(), plans.race_week()]
    dialog = print_preview_dialog(None, weeks, units="km")
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() == 3
    assert dialog.windowTitle() == "Print training weeks"
