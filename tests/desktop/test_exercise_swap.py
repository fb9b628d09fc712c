"""Swapping an exercise on the session card is kept for that session, across a restart."""

from __future__ import annotations

from datetime import date

from tests.desktop.window_fixtures import demo_db, open_window, wait_for_plans, wait_idle

__all__ = ["demo_db"]


def _squat_day(window) -> date:
    for day, plan in sorted(window.calendar.grid.days.items()):
        if plan.strength is not None and any(e.id == "back_squat" for e in plan.strength.exercises):
            return day
    raise AssertionError("no session with a back squat on the calendar")


def test_choosing_a_substitute_on_the_card_persists_for_that_session(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    day = _squat_day(window)
    key = window.calendar.grid.days[day].strength.key
    card = window.edits.open_session(day)
    row = next(i for i, e in enumerate(card.exercises) if e.id == "back_squat")
    menu = card.substitute_buttons[row].menu()
    goblet = next(a for a in menu.actions() if a.text() == "Goblet squat")
    goblet.trigger()
    assert card.exercises[row].name == "Goblet squat"  # shown at once
    qtbot.waitUntil(lambda: "instead of" in window.last_change, timeout=15000)
    wait_idle(qtbot, window)
    assert card.exercises[row].id == "goblet_squat" and card.exercises[row].cue  # re-planned
    card.reject()
    assert window.close()

    again = open_window(qtbot, demo_db, tmp_path)
    again.calendar.go_to(day)
    wait_for_plans(qtbot, again, day)
    session = again.calendar.grid.days[day].strength
    assert session.key == key
    ids = [e.id for e in session.exercises]
    assert "goblet_squat" in ids and "back_squat" not in ids
    reopened = again.edits.open_session(day)
    swapped = next(e for e in reopened.exercises if e.id == "goblet_squat")
    assert swapped.swapped_from == "back_squat"
    back = next(
        a
        for a in reopened.substitute_buttons[reopened.exercises.index(swapped)].menu().actions()
        if a.text() == "Back squat"
    )
    back.trigger()  # and back to the planned exercise
    qtbot.waitUntil(lambda: "Back to" in again.last_change, timeout=15000)
    wait_idle(qtbot, again)
    again.calendar.go_to(day)
    qtbot.waitUntil(
        lambda: (
            (p := again.calendar.grid.days.get(day)) is not None
            and any(e.id == "back_squat" for e in p.strength.exercises)
        ),
        timeout=15000,
    )
    reopened.reject()
