"""Help explains how the plan is made and lists every key; a move suggests good days."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.views import help_menu
from desktop.views.plan_help import GLOSSARY
from planner.model import DayPlan, DayType, Intensity, StrengthSession
from planner.move_days import good_move_days
from tests.desktop.window_fixtures import demo_db, first_session_day, open_window

__all__ = ["demo_db"]

MONDAY = date(2026, 11, 23)


def test_help_has_how_the_plan_is_made_with_a_glossary(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    titles = [a.text() for a in window.menuBar().actions()[-1].menu().actions()]
    assert "&How your plan is made" in titles
    window.show_plan_help()
    text = window.plan_help.text.toPlainText()
    assert text.startswith("How your plan is made")
    for phrase in ("2 sessions in a row", "Glossary"):
        assert phrase in text
    for term, _ in GLOSSARY:
        assert term in text
    window.plan_help.reject()


def test_the_shortcuts_list_names_every_menu_key(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    box = help_menu.shortcuts_box(window)
    for key in ("Ctrl+E", "Ctrl+Shift+E", "Ctrl+Shift+O", "Ctrl+Shift+S", "Ctrl+T"):
        assert f"<b>{key}</b>" in box.text()


def _day(d: date, kind: DayType, lift: bool = False) -> DayPlan:
    s = StrengthSession(f"{d}#1", d, "Strength A", Intensity.FULL, "why", ()) if lift else None
    return DayPlan(d, kind, strength=s)


def test_good_days_to_move_to_avoid_the_eve_of_long_and_key_runs_and_other_sessions():
    kinds = [
        DayType.EASY,
        DayType.KEY,
        DayType.REST,
        DayType.EASY,
        DayType.KEY,
        DayType.EASY,
        DayType.LONG,
    ]
    days = {
        MONDAY + timedelta(days=i): _day(MONDAY + timedelta(days=i), k, i == 1)
        for i, k in enumerate(kinds)
    }
    days[MONDAY + timedelta(days=5)] = _day(MONDAY + timedelta(days=5), DayType.EASY, True)
    good = good_move_days(days, MONDAY + timedelta(days=1), MONDAY, span=6)
    # Mon is the eve of Tue's key run and Thu of Fri's; Fri, Sat and Sun are within 48 h of
    # Sat's session: Wed is left.
    assert good == [MONDAY + timedelta(days=2)]


def test_the_move_page_names_good_days(qtbot, demo_db, tmp_path):
    session_day = first_session_day(demo_db, date(2026, 11, 23))
    window = open_window(qtbot, demo_db, tmp_path)
    card = window.edits.open_session(session_day)
    assert card.good_days and "Good days:" in card.move_hint.text()
    assert all(d >= window.today for d in card.good_days)
    card.reject()
