"""When something goes wrong outside a background job: a dialog, not a vanished window.

`install_crash_dialog()` replaces `sys.excepthook` for the window's life: the exception goes to
the log file with its traceback and the runner sees what happened and where the log is. The
window stays open; work already saved is in the database. Exceptions on other threads are
logged (jobs report their own errors in the window).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from operations.logs import crash_line, log_crash

_dialogs: list[QMessageBox] = []


def install_crash_dialog(log: Path | None) -> None:
    def on_exception(kind, exc, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log_crash(exc.with_traceback(tb))
        print(f"strongstride: {crash_line(exc, log)}", file=sys.stderr)
        show_crash(exc, log)

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log_crash(args.exc_value)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


def show_crash(exc: BaseException, log: Path | None) -> None:
    """The dialog: what happened, and the log file to attach to a bug report."""
    if _dialogs or QApplication.instance() is None:
        return  # one dialog at a time: an error inside the dialog must not pile up more
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("StrongStride: unexpected error")
    box.setText(f"Something went wrong: {type(exc).__name__}: {exc}")
    where = f"The details are in {log}." if log else "No log file could be written."
    box.setInformativeText(f"{where} The window stays open; what was saved before is kept.")
    box.finished.connect(lambda _r: _dialogs.clear())
    _dialogs.append(box)
    box.open()


def crash_dialog() -> QMessageBox | None:
    """The crash dialog on screen, if any."""
    return _dialogs[0] if _dialogs else None
