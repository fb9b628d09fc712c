"""Starting the window: one QApplication, one database, one main window per data folder."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.open_files import FileOpenImporter, import_when_shown
from operations import __version__
from operations.backup import daily_backup
from operations.logs import start_logging
from operations.paths import database_path
from operations.window_lock import WindowAlreadyOpen, take_window_lock
from store import Database, StoreError


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("StrongStride")
    app.setOrganizationName("StrongStride")
    app.setApplicationVersion(__version__)
    return app


def run_app(data_dir: Path, *, today: date | None = None, open_files: Sequence[Path] = ()) -> int:
    """Open the main window on `data_dir` and run until it closes; import `open_files`."""
    from desktop.crash import install_crash_dialog
    from desktop.main_window import MainWindow

    missing = missing_display()
    if missing:
        print(f"strongstride: {missing}", file=sys.stderr)
        return 2
    app = make_application()
    install_crash_dialog(start_logging("window"))
    try:
        lock = take_window_lock(data_dir)
    except WindowAlreadyOpen as exc:
        return _refuse(f"{exc}; switch to that window")
    try:
        db = open_database(data_dir)
        if db is None:
            return 2
        window = MainWindow(db, data_dir=data_dir, today=today)
        window.show()
        opener = FileOpenImporter(window.file_menu.start_import)  # kept alive while app runs
        app.installEventFilter(opener)
        import_when_shown(window.file_menu.start_import, open_files)
        window.run(lambda _cancel: daily_backup(db, today=date.today()), name="backup")
        try:
            return app.exec()
        finally:
            db.close()
    finally:
        lock.release()


def missing_display() -> str | None:
    """Why no window can open here (Linux with no display, e.g. over ssh), or None.

    Without this, Qt aborts the process with several lines about platform plugins.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
        "set); run StrongStride on the desktop, or use the commands (strongstride --help)"
    )


def open_database(data_dir: Path, parent=None, *, offer=True) -> Database | None:
    """The database, or None after telling the runner why not (a damaged one: its backup)."""
    from desktop.views.backup_actions import offer_latest_backup

    path = database_path(data_dir)
    try:
        return Database.open(path)
    except StoreError as exc:
        if offer and exc.damaged and exc.backup and offer_latest_backup(exc, path, parent):
            return open_database(data_dir, parent, offer=False)
        _refuse(str(exc), parent)
        return None


def _refuse(message: str, parent=None) -> int:
    print(f"strongstride: {message}", file=sys.stderr)
    QMessageBox.critical(parent, "StrongStride", message)
    return 2
