"""The window notices an MTP watch as it notices a drive, names it, and syncs it in the
background with progress; a watch held by another program says what to close."""

from __future__ import annotations

from datetime import date

from importers.devices import busy
from importers.devices.fake import FakeAdapter
from store import Database
from tests.desktop.window_fixtures import open_window
from tests.importers.watch_tree import garmin_tree


def test_an_mtp_watch_lights_up_sync_with_its_name_and_syncs(qtbot, tmp_path):
    garmin_tree(tmp_path / "device", profile_files=False)
    adapter = FakeAdapter(tmp_path / "device", name="Forerunner 965")
    db = Database.open(tmp_path / "strongstride.sqlite")
    window = open_window(qtbot, db, tmp_path, today=date(2026, 11, 25))
    try:
        if window.file_menu.wizard is not None:
            window.file_menu.wizard.reject()
        monitor = window.file_menu.watch_monitor
        monitor.adapters = lambda: [adapter]
        with qtbot.waitSignal(monitor.appeared, timeout=10000):
            monitor.check()
        menu = window.file_menu
        assert menu.sync_action.isEnabled() and menu.sync_action.text() == "&Sync Forerunner 965"
        assert window.settings_view.watch_status.text() == "Forerunner 965 is plugged in"
        dialog = menu.sync()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        assert dialog.report.activities == 3
        assert (tmp_path / "watch" / "Forerunner 965").is_dir()
        dialog.accept()
        adapter.root = tmp_path / "unplugged"
        with qtbot.waitSignal(monitor.gone, timeout=10000):
            monitor.check()
        assert not menu.sync_action.isEnabled()
    finally:
        window.close()
        db.close()


def test_a_watch_held_by_another_program_shows_what_to_close(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(busy, "OPEN_PAUSE_S", 0.0)
    garmin_tree(tmp_path / "device", profile_files=False)
    adapter = FakeAdapter(tmp_path / "device", busy_opens=99, busy_message="")
    monkeypatch.setattr(busy, "running_programs", lambda platform=None: {"openmtp"})
    db = Database.open(tmp_path / "strongstride.sqlite")
    window = open_window(qtbot, db, tmp_path, today=date(2026, 11, 25))
    try:
        if window.file_menu.wizard is not None:
            window.file_menu.wizard.reject()
        monitor = window.file_menu.watch_monitor
        monitor.adapters = lambda: [adapter]
        with qtbot.waitSignal(monitor.appeared, timeout=10000):
            monitor.check()
        dialog = window.file_menu.sync()
        qtbot.waitUntil(lambda: "quit OpenMTP" in dialog.current.text(), timeout=30000)
        assert dialog.report is None and adapter.opens == busy.OPEN_ATTEMPTS
    finally:
        window.close()
        db.close()
