"""File menu: dropping files on the window imports them; the plan exports as PDF and .ics."""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from store import Database
from tests.desktop.window_fixtures import SEASON_END, demo_db, open_window

__all__ = ["demo_db"]


def test_dropping_fit_files_on_the_window_imports_them(qtbot, tmp_path, fit_fixtures):
    picked = tmp_path / "picked"
    picked.mkdir()
    for name in ("run_fenix5_hr_gps_1min.fit", "empty_zero_bytes.fit"):
        shutil.copy(fit_fixtures / name, picked / name)
    db = Database.open(tmp_path / "strongstride.sqlite")
    try:
        window = open_window(qtbot, db, tmp_path, today=SEASON_END)
        if window.file_menu.wizard is not None:
            window.file_menu.wizard.reject()
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in sorted(picked.iterdir())])
        event = QDropEvent(
            QPointF(400, 300),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dropEvent(event)
        dialog = window.file_menu.import_dialog
        assert dialog is not None and event.isAccepted()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        report = dialog.report
        assert [p.rsplit("/", 1)[-1] for p in report.imported] == ["run_fenix5_hr_gps_1min.fit"]
        refused = {p.path.rsplit("/", 1)[-1] for p in report.failed + report.skipped}
        assert refused == {"empty_zero_bytes.fit"}
        assert "empty_zero_bytes.fit" in dialog.details.toPlainText()
        dialog.accept()
        window.close()
    finally:
        db.close()


def test_export_pdf_writes_the_weeks_shown(qtbot, demo_db, tmp_path, monkeypatch):
    window = open_window(qtbot, demo_db, tmp_path)
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)")
    )
    window.file_menu.pdf_action.trigger()
    qtbot.waitUntil(target.exists, timeout=20000)
    qtbot.waitUntil(lambda: "saved" in window.statusBar().currentMessage(), timeout=10000)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Strength" in text
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 4  # the selected week and the three after it
    assert "from 23 November 2026" in info  # the week of the selected day


def test_export_calendar_writes_one_event_per_session(qtbot, demo_db, tmp_path, monkeypatch):
    window = open_window(qtbot, demo_db, tmp_path)
    target = tmp_path / "plan.ics"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "iCalendar (*.ics)")
    )
    window.file_menu.ics_action.trigger()
    qtbot.waitUntil(target.exists, timeout=20000)
    body = target.read_text()
    assert body.startswith("BEGIN:VCALENDAR") and body.count("BEGIN:VEVENT") >= 3


def test_the_shortcuts_are_listed_under_help(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    window.show_shortcuts()
    text = window.shortcuts_box.text()
    assert "PgUp" in text and "Ctrl+1" in text
    window.shortcuts_box.close()
