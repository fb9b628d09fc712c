"""The weeks kept between starts: shown again only while the data and the day are the same.

A kept page stands in for planning, so every test compares it with what planning the same data
afresh gives (nothing kept, nothing in memory), and counts how often the planner really ran.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from datetime import date, timedelta

import pytest

from operations import kept, plan_keep, training
from planner.model import WeekPlan
from store import Database
from store.cache import cache_file
from store.models import Race
from tests.training.conftest import DEMO_TODAY

TODAY = DEMO_TODAY
START = date(2026, 11, 2)


@pytest.fixture
def planned(monkeypatch) -> list[tuple[date, int]]:
    """(start, weeks) of every plan the planner computed (not read back)."""
    made: list[tuple[date, int]] = []
    real = training._plan_weeks

    def counting(inputs, *, start, weeks):
        made.append((start, weeks))
        return real(inputs, start=start, weeks=weeks)

    monkeypatch.setattr(training, "_plan_weeks", counting)
    return made


def fresh(db: Database, today: date = TODAY, start: date = START) -> list[WeekPlan]:
    """What planning gives with nothing kept and nothing in memory (a new install's answer)."""
    cache_file(db, plan_keep.NAME).unlink(missing_ok=True)
    cache_file(db, "history").unlink(missing_ok=True)
    training._CACHE.clear()
    plans = training.plan_weeks(db, start=start, weeks=6, today=today)
    cache_file(db, plan_keep.NAME).unlink(missing_ok=True)
    return plans


def plan(db: Database, today: date = TODAY, start: date = START) -> list[WeekPlan]:
    training._CACHE.clear()  # as after a restart: only the files beside the database remain
    return training.plan_weeks(db, start=start, weeks=6, today=today)


def settled(db: Database, today: date = TODAY, start: date = START) -> list[WeekPlan]:
    """Plan until the page is kept: a plan that saves sessions not shown before has written to
    the database, so the page is kept by the next plan, which has nothing new to save."""
    plan(db, today, start)
    plans = plan(db, today, start)
    assert plan_keep.kept_weeks(db, start=start, weeks=6, today=today) == plans
    return plans


def test_a_page_planned_again_on_the_same_data_is_the_kept_one(db, planned):
    first = plan(db)  # the demo's sessions for these weeks are saved now
    second = plan(db)  # nothing new to save: kept
    third = plan(db)
    assert planned == [(START, 6), (START, 6)]
    assert first == second == third
    assert plan_keep.planned_weeks(db, start=START, weeks=6, today=TODAY) == first
    assert len(planned) == 2


@pytest.mark.parametrize(
    "change",
    [
        lambda db: training.add_race(
            db, day=TODAY + timedelta(days=10), name="Parkrun PB", distance_km=5, priority="A"
        ),
        lambda db: training.save_profile(db, strength_weekdays=[0, 3]),
        lambda db: training.log_session(
            db, day=date(2026, 11, 24), status="done", rpe=7, minutes=40, today=TODAY
        ),
        lambda db: training.recompute_loads(db) and _halve_a_load(db),
        lambda db: _halve_a_load(db),  # another process, not through the app
    ],
    ids=["race", "profile", "log", "loads", "outside-write"],
)
def test_any_write_is_planned_afresh_and_gives_what_a_fresh_plan_gives(db, planned, change):
    settled(db)
    before = planned.count((START, 6))
    change(db)
    after = plan(db)
    assert planned.count((START, 6)) == before + 1
    assert after == fresh(db)


def _halve_a_load(db: Database) -> bool:
    with sqlite3.connect(db.path) as conn:
        conn.execute(
            "UPDATE activity SET load = load / 2 WHERE id = (SELECT max(id) FROM activity)"
        )
    return True


@pytest.mark.parametrize(
    ("today", "start"),
    [(TODAY + timedelta(days=1), START), (TODAY, START + timedelta(weeks=6))],
    ids=["next-day", "next-page"],
)
def test_another_day_or_another_page_is_planned(db, planned, today, start):
    settled(db)
    before = len(planned)
    other = plan(db, today=today, start=start)
    assert planned[before:] == [(start, 6)]
    assert other == fresh(db, today=today, start=start)


def test_weeks_planned_while_something_was_written_are_not_kept(db, monkeypatch):
    real = training.store_plans.save_planned

    def saving_while_another_process_writes(session, week_start, rows):
        real(session, week_start, rows)
        _halve_a_load(db)  # lands between the plan's reads and its own commit

    plan(db)  # the demo's sessions are saved: the next plan would be kept
    monkeypatch.setattr(training.store_plans, "save_planned", saving_while_another_process_writes)
    plan(db)
    assert plan_keep.kept_weeks(db, start=START, weeks=6, today=TODAY) is None
    monkeypatch.undo()
    assert settled(db) == fresh(db)


def test_a_plan_that_saves_changed_sessions_is_kept_by_the_next_plan(db, planned):
    settled(db)
    with db.session() as s:
        s.query(Race).delete()  # no races: the sessions shown change
    changed = plan(db)
    assert plan_keep.kept_weeks(db, start=START, weeks=6, today=TODAY) is None
    assert plan(db) == changed
    assert plan_keep.kept_weeks(db, start=START, weeks=6, today=TODAY) == changed


def test_only_the_newest_pages_are_kept(db):
    page = settled(db)
    stamp = db.data_stamp()
    starts = [START + timedelta(weeks=6 * i) for i in range(plan_keep.PAGES_KEPT + 2)]
    for start in starts:
        kept_now = plan_keep.keep_weeks(
            db, stamp=stamp, start=start, weeks=6, today=TODAY, plans=page
        )
        assert kept_now
    kept_pages = [
        s for s in starts if plan_keep.kept_weeks(db, start=s, weeks=6, today=TODAY) is not None
    ]
    assert kept_pages == starts[-plan_keep.PAGES_KEPT :]


def test_a_damaged_keep_is_a_miss(db, planned):
    first = settled(db)
    path = cache_file(db, plan_keep.NAME)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert plan_keep.kept_weeks(db, start=START, weeks=6, today=TODAY) is None
    assert plan(db) == first
    assert len(planned) == 3


def test_a_keep_that_would_run_code_is_refused(db, planned, tmp_path):
    first = settled(db)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    stamp = db.data_stamp()
    kept.keep(db, plan_keep.NAME, (stamp, TODAY), {(START, 6): pickle.dumps(Payload())})
    assert plan_keep.kept_weeks(db, start=START, weeks=6, today=TODAY) is None
    assert plan(db) == first
    assert not marker.exists()
    assert len(planned) == 3
