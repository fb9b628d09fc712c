"""Three scenarios told as a runner lives them: moving a session (DOMAIN.md §5) and starting on
a Saturday then missing one (§5 "Days already past") through the command line on real data
folders, and coming back after a marathon (§4.2) through the planner."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from cli import main
from planner.model import Priority, Race
from planner.plan import PlanInputs, plan_weeks
from tests.planner.hard_rules import jumps, leg_lifts
from tests.planner.season_builder import (
    MALE,
    Builder,
    lifting_logs,
    shipped_resources,
    standard_week,
)

MONDAY = date(2026, 11, 2)
DAY = timedelta(days=1)
WEEK = timedelta(days=7)


def cli(capsys, folder: Path, today: date, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "--today", today.isoformat(), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _sessions(capsys, folder: Path, today: date, *extra: str) -> dict[str, dict]:
    code, out, _ = cli(capsys, folder, today, "plan", "--json", *extra)
    assert code == 0
    return {d["date"]: d["strength"] for w in json.loads(out) for d in w["days"] if d["strength"]}


def _runner(capsys, folder: Path) -> None:
    assert cli(capsys, folder, MONDAY, "profile", "set", "--long-run-day", "sun",
               "--key-run-days", "tue,thu", "--lifted-regularly", "yes")[0] == 0  # fmt: skip


def test_scenario_a_runner_moves_a_session_onto_race_eve_then_onto_the_day_before_the_long_run(
    capsys, data_dir
):
    """River Marathon on Sunday 15 Nov. Moving this week's session to Saturday 14 Nov (the day
    before an A race) is refused, exit 2, nothing stored. Moving it to Saturday 7 Nov (the day
    before the long run) keeps it as upper body + core, and says so."""
    _runner(capsys, data_dir)
    race_day = MONDAY + 13 * DAY
    assert cli(capsys, data_dir, MONDAY, "race", "add", "--date", race_day.isoformat(),
               "--name", "River Marathon", "--distance-km", "42.2", "--priority", "A")[0] == 0  # fmt: skip
    before = _sessions(capsys, data_dir, MONDAY)
    day = min(d for d in before if date.fromisoformat(d) < MONDAY + 7 * DAY)

    code, _, err = cli(capsys, data_dir, MONDAY, "log", day, "--moved-to", str(race_day - DAY))
    assert code == 2
    assert "River Marathon" in err and "not moved" in err
    assert _sessions(capsys, data_dir, MONDAY) == before

    saturday = MONDAY + 5 * DAY
    code, out, _ = cli(capsys, data_dir, MONDAY, "log", day, "--moved-to", str(saturday))
    assert code == 0
    assert "day before your long run, so this one is upper body and core only" in out
    moved = _sessions(capsys, data_dir, MONDAY)[saturday.isoformat()]
    assert moved["intensity"] == "upper_core" and moved["status"] == "moved"
    assert not any(e["pattern"] in ("squat", "hinge", "single-leg") for e in moved["exercises"])


def test_scenario_nine_days_after_a_marathon_the_first_leg_session_is_light_without_jumps():
    """A regular lifter (jumps unlocked long ago, at tier 3 and 100 contacts) runs the River
    Marathon on Sunday 1 Nov. Seven days with no strength; nine days after, the first leg
    session is light (half the sets, effort <= 6) with no jumps; the jumps then start again at
    tier 1 with at most 40 contacts."""
    race = Race(1, MONDAY - DAY, "River Marathon", 42.2, Priority.A)
    b = Builder()
    b.weeks(MONDAY - 30 * WEEK, 30, standard_week(330))
    inputs = PlanInputs.of(
        activities=b.activities,
        profile=replace(MALE, long_run_weekday=6, key_run_weekdays=(1, 3)),
        races=(race,),
        logs=lifting_logs(race.day - 4 * DAY, weeks=40),  # the last one on D-5
        today=race.day + 9 * DAY,
        resources=shipped_resources(),
    )
    weeks = plan_weeks(inputs, start=MONDAY, weeks=4)
    legs = [d.strength for w in weeks for d in w.days if d.strength and leg_lifts(d.strength)]
    assert legs[0].day > race.day + 7 * DAY
    assert legs[0].intensity.value == "light" and jumps(legs[0]) == []
    assert all(e.sets <= 2 for e in leg_lifts(legs[0])) and "≤ 6" in legs[0].exercises[0].load_hint
    later_jumps = [e for s in legs[1:] for e in jumps(s)]
    assert later_jumps, "jumps return after the first light session"
    assert all(e.id in ("pogo_hops", "skips") for e in later_jumps)
    assert all(int(e.load_hint.split()[0]) <= 40 for e in later_jumps[:2])


def test_scenario_a_runner_starts_on_a_saturday_and_later_misses_a_session(capsys, data_dir):
    """Installed on Saturday 7 Nov: nothing is placed on Monday to Friday, which were over
    before the plan began. The next week is seen on Monday; Tuesday's session passes without a
    log: on Thursday it is still there, not logged, and nothing is added on top of it."""
    _runner(capsys, data_dir)
    saturday = MONDAY + 5 * DAY
    first = _sessions(capsys, data_dir, saturday)
    assert all(date.fromisoformat(d) >= saturday for d in first)

    next_monday = MONDAY + 7 * DAY
    seen = _sessions(capsys, data_dir, next_monday)
    tuesday = [d for d in seen if date.fromisoformat(d) < next_monday + 3 * DAY]
    thursday = next_monday + 3 * DAY
    later = _sessions(capsys, data_dir, thursday, "--week", next_monday.isoformat())
    assert set(tuesday) <= set(later)
    assert all(later[d]["status"] == "planned" for d in tuesday)
    assert len(later) == len(seen)
