"""File > Back up now and File > Restore… in the window, and the offer made for a damaged file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from operations import training
from tests.data_safety.conftest import integrity
from tests.data_safety.test_database_guard import _database_with_races, damage
from tests.desktop.window_fixtures import demo_db, open_window, wait_idle

__all__ = ["demo_db"]


def answer_next_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press `button` on the next message box that opens, noting its text."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(30, press)

    QTimer.singleShot(30, press)


def test_back_up_now_in_the_file_menu_writes_a_backup_and_says_where(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    assert window.file_menu.backup_action.text() == "&Back up now"
    window.file_menu.backup_action.trigger()
    wait_idle(qtbot, window)
    (made,) = (tmp_path / "backups").glob("manual-*.sqlite")
    assert integrity(made) == "ok"
    assert str(made) in window.statusBar().currentMessage()


def test_restore_in_the_window_asks_then_brings_the_backup_back_and_reloads(
    qtbot, demo_db, tmp_path
):
    from operations.backup import back_up_now

    window = open_window(qtbot, demo_db, tmp_path)
    copy = back_up_now(demo_db, to=tmp_path / "copy.sqlite")
    training.add_race(demo_db, day=date(2027, 6, 1), name="After", distance_km=5, priority="C")
    window.show_view("races")
    qtbot.waitUntil(lambda: "After" in _race_names(window), timeout=10000)
    seen: list[str] = []
    answer_next_question(QMessageBox.StandardButton.Yes, seen)
    window.file_menu.backups.restore(copy)
    wait_idle(qtbot, window)
    assert "copy.sqlite" in seen[0] and "kept as a backup" in seen[0]
    assert "After" not in [r.name for r in training.list_races(demo_db)]
    qtbot.waitUntil(lambda: "Restored copy.sqlite" in window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: "After" not in _race_names(window), timeout=10000)  # reloaded
    assert list((tmp_path / "backups").glob("before-restore-*.sqlite"))


def _race_names(window) -> list[str]:
    table = window.races.table
    return [table.item(row, 1).text() for row in range(table.rowCount()) if table.item(row, 1)]


def test_restore_of_a_file_that_is_not_a_backup_is_refused_without_asking(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a database\n" * 40)
    window.file_menu.backups.restore(notes)
    assert "not an SQLite file" in window.problem_label.text()


def test_a_damaged_database_at_start_offers_its_latest_backup_and_opens_it(qtbot, tmp_path):
    from desktop.app import open_database
    from operations.backup import back_up_now
    from store import Database

    path = tmp_path / "strongstride.sqlite"
    _database_with_races(path)
    db = Database.open(path)
    back_up_now(db)
    db.close()
    damage(path)
    seen: list[str] = []
    answer_next_question(QMessageBox.StandardButton.Yes, seen)
    reopened = open_database(tmp_path)
    assert reopened is not None
    try:
        assert "is damaged" in seen[0] and "manual-" in seen[0]
        assert len(training.list_races(reopened)) == 400
    finally:
        reopened.close()
    assert list((tmp_path / "backups").glob("damaged-*.sqlite"))
