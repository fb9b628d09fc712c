"""The load history kept beside the database: read on the next start, never stale, never trusted."""

from __future__ import annotations

import os
import pickle
from datetime import date

import pytest

from operations import history_cache, kept, training
from store import Database
from store.cache import cache_file, write_cached
from tests.training.conftest import DEMO_TODAY

TODAY = DEMO_TODAY


@pytest.fixture
def builds(monkeypatch) -> list[date]:
    """The days for which the history was computed from the activities (not read back)."""
    made: list[date] = []
    real = training.build_history

    def counting(activities, profile, today, *args, **kwargs):
        made.append(today)
        return real(activities, profile, today, *args, **kwargs)

    monkeypatch.setattr(training, "build_history", counting)
    return made


def restart() -> None:
    """What a new process starts with: nothing in memory."""
    training._CACHE.clear()


def plan(db: Database, today: date = TODAY):
    """Plan from the history: weeks kept from an earlier plan (`plan_keep`) are not asked for."""
    return training.plan_weeks_afresh(db, start=today, weeks=3, today=today)


def test_a_restart_reads_the_kept_history_and_plans_the_same_weeks(db, builds):
    first = plan(db)
    assert cache_file(db, "history").exists()
    restart()
    again = plan(db)
    assert builds == [TODAY]  # computed once, read back after the restart
    assert again == first


def test_a_profile_change_or_a_new_day_computes_the_history_afresh(db, builds):
    plan(db)
    training.save_profile(db, hr_max=175)
    restart()
    changed = plan(db)
    plan(db, TODAY.replace(day=26))
    assert builds == [TODAY, TODAY, TODAY.replace(day=26)]
    cache_file(db, "history").unlink()
    restart()
    assert plan(db) == changed  # what the changed profile gives without any kept history


def test_a_damaged_cache_file_is_ignored(db, builds):
    first = plan(db)
    path = cache_file(db, "history")
    path.write_bytes(path.read_bytes()[:5000])  # cut short, as by a full disk
    restart()
    assert plan(db) == first
    assert builds == [TODAY, TODAY]


def test_a_cache_file_that_would_run_code_is_refused(db, builds, monkeypatch, tmp_path):
    keys: list[tuple] = []
    real_load = history_cache.load
    monkeypatch.setattr(history_cache, "load", lambda d, key: keys.append(key) or real_load(d, key))
    first = plan(db)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    write_cached(db, "history", kept.key_text(keys[0]), pickle.dumps(Payload()))
    restart()
    assert plan(db) == first
    assert not marker.exists()
    assert builds == [TODAY, TODAY]
