"""Gym mode: set rows, the rest timer, the keyboard, logging the sets, and next time's weights."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.views.gym_mode import planned_weight_kg
from tests.desktop.window_fixtures import demo_db, first_session_day, open_window, wait_for_plans

__all__ = ["demo_db"]

LAST_WEEK = date(2026, 11, 23)  # the week after the demo season: Strength A, not logged yet
WEEK_OF_NEXT_A = date(2026, 12, 7)  # one session a week, A and B in turn


@pytest.fixture
def session_day(demo_db) -> date:
    """The day of the last week's session, as the plan places it."""
    return first_session_day(demo_db, LAST_WEEK)


def _open_on_session_day(qtbot, demo_db, tmp_path, session_day):
    """The window as the runner opens it on the day of the session, in the gym."""
    return open_window(qtbot, demo_db, tmp_path, today=session_day)


def _gym(qtbot, window):
    card = window.edits.open_session(window.today)
    assert card is not None and card.gym_button.isEnabled()
    gym = card.open_gym_mode()
    qtbot.waitExposed(gym)
    return card, gym


def test_gym_mode_has_one_row_per_set_with_target_and_a_weight_box_in_the_runners_unit(
    qtbot, demo_db, tmp_path, session_day
):
    window = _open_on_session_day(qtbot, demo_db, tmp_path, session_day)
    _card, gym = _gym(qtbot, window)
    session = window.calendar.grid.days[session_day].strength
    assert len(gym.rows) == sum(e.sets for e in session.exercises)
    squat = [r for r in gym.rows if r.exercise.id == "back_squat"]
    assert [r.number for r in squat] == [1, 2]
    assert squat[0].weight is not None and squat[0].weight.suffix() == " kg"
    assert squat[0].count.value() == 6  # the top of 4-6, the double progression's target
    plank = next(r for r in gym.rows if r.exercise.seconds)
    assert plank.weight is None and plank.count.suffix() == " s"
    assert f"0 of {len(gym.rows)} sets done" in gym.progress.text()
    gym.reject()


def test_ticking_a_set_starts_the_rest_timer_which_counts_down_to_the_next_set(
    qtbot, demo_db, tmp_path, session_day
):
    window = _open_on_session_day(qtbot, demo_db, tmp_path, session_day)
    _card, gym = _gym(qtbot, window)
    squat = next(r for r in gym.rows if r.exercise.id == "back_squat")
    squat.tick.setChecked(True)
    assert gym.timer.isActive() and gym.rest.text() == "Rest 2:30"  # the squat's 150 s
    assert not squat.count.isEnabled()
    for _ in range(149):
        gym.rest_tick()  # the timer's one-second step, driven here instead of waited for
    assert gym.rest.text() == "Rest 0:01"
    gym.rest_tick()
    assert not gym.timer.isActive() and gym.rest.text().startswith("Go: ")
    assert "1 of" in gym.progress.text()
    gym.reject()


def test_enter_ticks_the_next_set_and_a_changed_weight_carries_to_the_later_sets(
    qtbot, demo_db, tmp_path, session_day
):
    window = _open_on_session_day(qtbot, demo_db, tmp_path, session_day)
    _card, gym = _gym(qtbot, window)
    squat = [r for r in gym.rows if r.exercise.id == "back_squat"]
    squat[0].weight.setValue(60)
    assert squat[1].weight.value() == 60
    qtbot.keyClick(gym, Qt.Key.Key_Return)
    assert gym.rows[0].tick.isChecked() and not gym.rows[1].tick.isChecked()
    qtbot.keyClick(gym, Qt.Key.Key_Return)
    assert gym.rows[1].tick.isChecked()
    gym.reject()


def test_finishing_logs_the_session_with_its_sets_and_next_time_starts_from_them(
    qtbot, demo_db, tmp_path, session_day
):
    next_a = first_session_day(demo_db, WEEK_OF_NEXT_A, today=session_day)
    window = _open_on_session_day(qtbot, demo_db, tmp_path, session_day)
    card, gym = _gym(qtbot, window)
    squat = [r for r in gym.rows if r.exercise.id == "back_squat"]
    squat[0].weight.setValue(60)
    squat[1].count.setValue(5)
    while gym.next_row is not None:
        gym.tick_next()
    assert "All sets done" in gym.rest.text()
    qtbot.mouseClick(gym.finish_button, Qt.MouseButton.LeftButton)
    assert card.choice.status == "done"
    assert ("back_squat", 60.0, 6) in card.choice.sets
    qtbot.waitUntil(lambda: "done" in window.last_change, timeout=15000)
    window.calendar.go_to(next_a)
    wait_for_plans(qtbot, window, next_a)
    qtbot.waitUntil(
        lambda: window.calendar.grid.days[session_day].strength.status == "done", timeout=15000
    )
    nxt = window.calendar.grid.days[next_a].strength
    back_squat = next(e for e in nxt.exercises if e.id == "back_squat")
    assert back_squat.last == ((60.0, 6), (60.0, 5))
    assert back_squat.load_hint.startswith("60 kg as last time")
    assert planned_weight_kg(back_squat) == 60  # gym mode starts next time from 60 kg
    again = window.edits.open_session(next_a)
    assert not again.gym_button.isEnabled()  # still ahead
    texts = [label.text() for label in again.exercise_box.findChildren(QLabel)]
    assert any("last time 60 kg × 6, 5" in t for t in texts)
    again.reject()
