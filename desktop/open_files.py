"""Activity files the desktop hands to a running window: "Open with StrongStride".

Windows and Linux start the app with the file's path as its argument (`cli` passes it on to
`run_app`); macOS starts the app and then sends a file-open event. Either way the window
imports the files exactly as if they had been dropped on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent


class FileOpenImporter(QObject):
    """Application event filter: macOS file-open events become imports."""

    def __init__(self, start_import: Callable[[list[Path]], None]) -> None:
        super().__init__()
        self._start_import = start_import

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self._start_import([Path(path)])
                return True
        return super().eventFilter(watched, event)


def import_when_shown(start_import: Callable[[list[Path]], None], files: Sequence[Path]) -> None:
    """Start importing `files` once the event loop runs (the window is painted first)."""
    if files:
        QTimer.singleShot(0, lambda: start_import(list(files)))
