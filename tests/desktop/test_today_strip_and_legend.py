"""The Today / Next strip above the calendar, the legend, and sessions not logged."""

from __future__ import annotations

from datetime import timedelta

from desktop.views import theme
from tests.desktop.window_fixtures import (
    SEASON_END,
    demo_db,
    next_session_day,
    open_window,
    wait_for_plans,
)

__all__ = ["demo_db"]


def test_the_strip_says_what_today_holds_and_which_session_comes_next(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    strip = window.calendar.strip
    qtbot.waitUntil(lambda: "Today, Wed 25 Nov" in strip.today_line.text(), timeout=10000)
    today = window.calendar.grid.days[SEASON_END]
    assert "no strength today" in strip.today_line.text() and today.strength is None
    nxt = next(
        d.strength
        for day, d in sorted(window.calendar.grid.days.items())
        if day > SEASON_END and d.strength is not None
    )
    text = strip.next_line.text()
    assert f"{nxt.day:%a} {nxt.day.day} {nxt.day:%b}, {nxt.title}" in text
    assert f"about {nxt.minutes} min" in text and nxt.reason[:40] in text


def test_a_past_session_without_a_log_is_named_with_a_link_that_opens_it(qtbot, demo_db, tmp_path):
    seen = open_window(qtbot, demo_db, tmp_path)  # the runner sees the week's plan on 25 Nov
    missed = next_session_day(seen, SEASON_END)
    seen.close()
    window = open_window(qtbot, demo_db, tmp_path, today=missed + timedelta(days=2))
    strip = window.calendar.strip
    qtbot.waitUntil(lambda: strip.missed_line.isVisible(), timeout=10000)
    assert "Not logged" in strip.missed_line.text()
    assert f"href='{missed.isoformat()}'" in strip.missed_line.text()
    with qtbot.waitSignal(window.calendar.session_activated, timeout=5000) as got:
        strip.missed_line.linkActivated.emit(missed.isoformat())
    assert got.args == [missed]
    qtbot.waitUntil(lambda: window.session_card is not None, timeout=5000)
    assert window.session_card.session.day == missed
    window.session_card.skip()
    qtbot.waitUntil(lambda: "skipped" in window.last_change, timeout=15000)
    wait_for_plans(qtbot, window, missed)
    qtbot.waitUntil(lambda: not strip.missed_line.isVisible(), timeout=15000)


def test_the_legend_explains_dots_borders_and_marks_in_the_colours_drawn(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    legend = window.calendar.legend
    assert legend.isVisible()
    text = legend.text()
    c = theme.colors()
    for color in (c.load_low, c.load_mid, c.load_high, c.race, c.strength):
        assert color.name() in text
    for words in ("light", "moderate", "hard", "not logged yet", "done", "skipped", "moved"):
        assert words in text
