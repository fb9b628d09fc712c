"""The Help menu's boxes: the keyboard shortcuts and About (the plan's page is `plan_help`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from operations import __version__


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def native(key: QKeySequence.StandardKey) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def shortcuts_box(parent: QWidget) -> QMessageBox:
    """A non-blocking box listing the keys; the caller opens it."""
    rows = (
        (tr("Ctrl+1 … Ctrl+5"), tr("Calendar, Activities, Load, Races, Settings")),
        (tr("← → ↑ ↓"), tr("Move the selected day")),
        (tr("PgUp / PgDn"), tr("Previous / next month or week")),
        (tr("T"), tr("Today")),
        (tr("M / W"), tr("Month view / week view")),
        (tr("Enter"), tr("Open the selected day's strength session")),
        (native(QKeySequence.StandardKey.Undo), tr("Undo the last session change")),
        (native(QKeySequence.StandardKey.Open), tr("Import files")),
        (native(QKeySequence.StandardKey.Print), tr("Print the plan")),
        (tr("Ctrl+E"), tr("Export the plan as PDF")),
        (tr("Ctrl+Shift+E"), tr("Export the plan to a calendar (.ics)")),
        (tr("Ctrl+Shift+O"), tr("Import a folder")),
        (tr("Ctrl+Shift+S"), tr("Sync the watch plugged in")),
        (tr("Ctrl+T"), tr("Go to today")),
        (tr("Enter (gym mode)"), tr("The next set is done; the rest timer starts")),
        (native(QKeySequence.StandardKey.HelpContents), tr("This list")),
    )
    table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
    box = QMessageBox(parent)
    box.setWindowTitle(tr("Keyboard shortcuts"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<table>{table}</table>")
    return box


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        tr("About StrongStride"),
        tr("StrongStride {version}\nStrength training planned around your running.").format(
            version=__version__
        ),
    )
