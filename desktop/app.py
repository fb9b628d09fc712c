"""Starting the window: one QApplication, one database, one main window."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from operations import __version__
from operations.paths import database_path
from store import Database, StoreError


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("StrongStride")
    app.setOrganizationName("StrongStride")
    app.setApplicationVersion(__version__)
    return app


def run_app(data_dir: Path, *, today: date | None = None) -> int:
    """Open the main window on `data_dir` and run until it closes."""
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
    try:
        return app.exec()
    finally:
        db.close()
