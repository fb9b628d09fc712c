"""A whole demo year planned as a runner would see it, day by day: `--today` on 52 Mondays and
52 Thursdays, each week checked against every hard rule of DOMAIN.md §4.2, §5 and §6.1."""

from __future__ import annotations

from datetime import date, timedelta

from operations import training
from operations.demo import fill_demo
from operations.paths import DATABASE_FILE
from store import Database
from tests.planner.hard_rules import broken_rules

END = date(2026, 11, 23)  # a Monday; the demo season runs up to it


def test_a_demo_year_planned_on_every_monday_and_thursday_breaks_no_rule(tmp_path):
    db = Database.open(tmp_path / DATABASE_FILE)
    try:
        fill_demo(db, today=END)
        profile = training.load_profile(db)
        races = training.list_races(db)
        assert any(r.priority.value == "A" for r in races)
        broken: list[str] = []
        planned_days = 0
        for k in range(52, 0, -1):
            monday = END - timedelta(weeks=k)
            for today in (monday, monday + timedelta(days=3)):
                weeks = training.plan_weeks(
                    db, start=today - timedelta(weeks=1), weeks=3, today=today
                )
                planned_days += sum(1 for w in weeks for d in w.days if d.strength)
                broken += [
                    f"--today {today}: {line}"
                    for line in broken_rules(weeks, races, profile, today)
                ]
        assert planned_days > 100  # the sweep saw a season of sessions, not an empty calendar
        assert broken == []
    finally:
        db.close()
