"""A move is judged before it is stored: refused moves say why and leave the session where it
was; allowed moves say what the judge said (DOMAIN.md §5, moving a session by hand)."""

from __future__ import annotations

from datetime import timedelta

from operations import training
from store import plans as store_plans
from tests.desktop.test_session_actions import drop_session
from tests.desktop.window_fixtures import (
    SEASON_END,
    demo_db,
    next_session_day,
    open_window,
    wait_for_plans,
    wait_idle,
)

__all__ = ["demo_db"]


def test_dragging_a_session_onto_a_race_day_is_refused_with_the_reason_and_moves_nothing(
    qtbot, demo_db, tmp_path
):
    source = next_session_day(open_window(qtbot, demo_db, tmp_path), SEASON_END)
    race_day = source + timedelta(days=3)
    training.add_race(demo_db, day=race_day, name="Harbour 5K", distance_km=5.0, priority="B")
    window = open_window(qtbot, demo_db, tmp_path)
    wait_for_plans(qtbot, window, source)
    with demo_db.session() as s:
        logs_before = store_plans.log_dicts(s)
    days = window.calendar.grid.days
    assert days[source].strength is not None and days[source].strength.status == "planned"
    drop_session(window, source, race_day)
    qtbot.waitUntil(lambda: "not moved" in window.last_change, timeout=15000)
    assert "race day (Harbour 5K)" in window.last_change
    assert window.calendar.banner.isVisible()
    assert "not moved" in window.calendar.banner.text()
    assert not window.undo_action.isEnabled()
    wait_idle(qtbot, window)
    with demo_db.session() as s:
        assert store_plans.log_dicts(s) == logs_before
    assert days[source].strength.status == "planned"


def test_dragging_a_session_onto_the_day_before_a_b_race_keeps_it_as_upper_body_and_core(
    qtbot, demo_db, tmp_path
):
    source = next_session_day(open_window(qtbot, demo_db, tmp_path), SEASON_END)
    race_day = source + timedelta(days=3)
    training.add_race(demo_db, day=race_day, name="Harbour 5K", distance_km=5.0, priority="B")
    window = open_window(qtbot, demo_db, tmp_path)
    wait_for_plans(qtbot, window, source)
    target = race_day - timedelta(days=1)
    drop_session(window, source, target)
    qtbot.waitUntil(lambda: "moved" in window.last_change, timeout=15000)
    assert "upper body and core only" in window.last_change
    assert "upper body and core only" in window.calendar.banner.text()
    wait_for_plans(qtbot, window, target)
    days = window.calendar.grid.days
    qtbot.waitUntil(lambda: days[target].strength is not None, timeout=15000)
    assert days[target].strength.intensity == "upper_core"
