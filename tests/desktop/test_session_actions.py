"""Acting on a strength session: done with RPE, moved by drag and drop, undone; checklist ticks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent

from desktop.views.calendar_grid import session_mime
from store.checklists import ticked_items
from tests.desktop.window_fixtures import (
    SEASON_END,
    demo_db,
    next_session_day,
    open_window,
    wait_for_plans,
    wait_idle,
)

__all__ = ["demo_db"]


def drop_session(window, source: date, target: date) -> None:
    """What a finished drag delivers: a drop event carrying the session's day on the target cell.

    Qt routes a real drop through its drag manager, which needs a window system; the grid's
    handler receives the same event here.
    """
    grid = window.calendar.grid
    centre = grid.cell_rect(target).center()
    mime = session_mime(source)  # the event does not own it: keep it alive
    event = QDropEvent(
        QPointF(centre),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    grid.dropEvent(event)


def test_marking_a_session_done_with_rpe_replans_and_survives_a_restart(qtbot, demo_db, tmp_path):
    session_day = next_session_day(open_window(qtbot, demo_db, tmp_path), SEASON_END)
    window = open_window(qtbot, demo_db, tmp_path, today=session_day)  # the session is today
    window.calendar.go_to(session_day)
    wait_for_plans(qtbot, window, session_day)
    grid = window.calendar.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    card = window.session_card
    assert card is not None and card.isVisible()
    assert card.session.day == session_day and card.exercises
    qtbot.mouseClick(card.done_button, Qt.MouseButton.LeftButton)
    card.rpe.setValue(6.5)
    card.minutes.setValue(40)
    card.mark_done()
    qtbot.waitUntil(lambda: "done" in window.last_change, timeout=15000)
    assert "Week re-planned" in window.last_change or "stays as planned" in window.last_change
    qtbot.waitUntil(
        lambda: (p := grid.days.get(session_day)) is not None and p.strength.status == "done",
        timeout=15000,
    )
    wait_idle(qtbot, window)
    assert window.close()
    again = open_window(qtbot, demo_db, tmp_path, today=session_day)
    again.calendar.go_to(session_day)
    wait_for_plans(qtbot, again, session_day)
    assert again.calendar.grid.days[session_day].strength.status == "done"


def test_dragging_a_session_to_another_day_moves_it_and_undo_puts_it_back(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    source = next_session_day(window, SEASON_END)
    target = source + timedelta(days=1)
    title = window.calendar.grid.days[source].strength.title
    drop_session(window, source, target)
    qtbot.waitUntil(lambda: "moved" in window.last_change, timeout=15000)
    wait_for_plans(qtbot, window, target)
    days = window.calendar.grid.days
    qtbot.waitUntil(lambda: target in days and days[target].strength is not None, timeout=15000)
    assert days[target].strength.title.split(":")[0] == title.split(":")[0]
    assert days[source].strength is None or days[source].strength.status == "moved"
    assert window.undo_action.isEnabled()
    assert window.calendar.banner.isVisible() and "Undo" in window.calendar.banner.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.last_change.startswith("Undone"), timeout=15000)
    wait_for_plans(qtbot, window, source)
    qtbot.waitUntil(
        lambda: (
            source in days
            and days[source].strength is not None
            and days[source].strength.status == "planned"
        ),
        timeout=15000,
    )
    assert not window.undo_action.isEnabled()


def test_a_drop_outside_the_days_or_of_other_data_is_ignored(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    grid = window.calendar.grid
    mime = session_mime(next_session_day(window, SEASON_END))
    event = QDropEvent(
        QPointF(QPoint(3, 3)),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.assertNotEmitted(grid.move_requested):
        grid.dropEvent(event)
    assert not event.isAccepted()


def test_skipping_from_the_card_is_logged_and_shown(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    day = next_session_day(window, SEASON_END)
    card = window.open_session(day)
    qtbot.mouseClick(card.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "skipped" in window.last_change, timeout=15000)
    days = window.calendar.grid.days
    qtbot.waitUntil(
        lambda: (
            day in days
            and days[day].strength is not None
            and days[day].strength.status == "skipped"
        ),
        timeout=15000,
    )


def test_a_future_session_cannot_be_marked_done_yet(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    card = window.open_session(next_session_day(window, SEASON_END + timedelta(days=1)))
    assert not card.done_button.isEnabled()
    assert card.skip_button.isEnabled() and card.move_button.isEnabled()
    card.reject()


def test_swapping_an_exercise_offers_the_librarys_substitutes(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    card = window.open_session(next_session_day(window, SEASON_END))
    row = next(i for i, e in enumerate(card.exercises) if e.substitutes)
    before = card.exercises[row]
    menu = card.substitute_buttons[row].menu()
    assert menu.actions()
    menu.actions()[0].trigger()
    after = card.exercises[row]
    assert after.id != before.id and after.id in before.substitutes
    assert (after.sets, after.reps, after.seconds) == (before.sets, before.reps, before.seconds)
    card.reject()


def test_ticking_a_checklist_item_is_stored_for_the_day(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    panel = window.checklist
    qtbot.waitUntil(lambda: bool(panel.boxes), timeout=10000)
    item_id, box = next((i, b) for i, b in panel.boxes.items() if b.isEnabled())
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    wait_idle(qtbot, window)
    with demo_db.session() as s:
        assert item_id in ticked_items(s, SEASON_END, SEASON_END).get(SEASON_END, set())
    qtbot.waitUntil(lambda: panel.completion.value() > 0, timeout=10000)
