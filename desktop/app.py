"""Starting the window: one QApplication, one database, one main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.open_files import FileOpenImporter, import_when_shown
from operations import __version__
from operations.paths import database_path
from store import Database, StoreError


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("StrongStride")
    app.setOrganizationName("StrongStride")
    app.setApplicationVersion(__version__)
    return app


def run_app(data_dir: Path, *, today: date | None = None, open_files: Sequence[Path] = ()) -> int:
    """Open the main window on `data_dir` and run until it closes; import `open_files`."""
    from desktop.main_window import MainWindow

    app = make_application()
    try:
        db = Database.open(database_path(data_dir))
    except StoreError as exc:
        QMessageBox.critical(None, "StrongStride", str(exc))
        print(f"strongstride: {exc}", file=sys.stderr)
        return 2
    window = MainWindow(db, data_dir=data_dir, today=today)
    window.show()
    opener = FileOpenImporter(window.file_menu.start_import)
    app.installEventFilter(opener)
    import_when_shown(window.file_menu.start_import, open_files)
    try:
        return app.exec()
    finally:
        db.close()
