"""Putting the synthetic season into a database: the `demo` command and the tests use this."""

from __future__ import annotations

from datetime import date, datetime

from importers.demo import DemoSeason, demo_season
from importers.writer import insert_records
from operations.training import recompute_loads
from store import Database
from store import plans as store_plans
from store import profile as store_profile
from store.demo import clear_demo, holds_own_data


class NotADemoFolder(Exception):
    """The target database holds the runner's own activities."""


def fill_demo(db: Database, *, today: date) -> dict[str, int]:
    """Replace the demo content of `db` with the season ending before `today`.

    Refuses a database that holds the runner's own activities: the demo never mixes with or
    deletes real data.
    """
    season = demo_season(today)
    with db.session() as s:
        if holds_own_data(s):
            raise NotADemoFolder(
                f"{db.path} already holds your own activities; "
                "run the demo in an empty folder (--data-dir) or without --data-dir"
            )
        clear_demo(s)
        _write_season(s, season, logged_at=datetime.combine(today, datetime.min.time()))
    recompute_loads(db)
    return {
        "activities": len(season.activities),
        "races": len(season.races),
        "strength_logs": sum(1 for log in season.strength_logs if log.status == "done"),
    }


def _write_season(s, season: DemoSeason, *, logged_at: datetime) -> None:
    """The runner, the races, the activities and the strength logs, through the store."""
    runner = season.runner
    store_profile.update_profile(
        s,
        {
            "sex": runner.sex,
            "birth_year": runner.birth_year,
            "hr_max": runner.hr_max,
            "hr_rest": runner.hr_rest,
            "units": "km",
            "long_run_weekday": runner.long_run_weekday,
            "key_run_weekdays": ",".join(str(d) for d in runner.key_run_weekdays),
            "strength_weekdays": ",".join(str(d) for d in runner.strength_weekdays),
            "equipment": runner.equipment,
            "onboarded": True,
        },
    )
    for race in season.races:
        store_plans.insert_race(
            s, day=race.day, name=race.name, distance_km=race.distance_km, priority=race.priority
        )
    insert_records(s, season.activities)
    for log in season.strength_logs:
        store_plans.insert_log(
            s,
            planned_day=log.day,
            status=log.status,
            rpe=log.rpe,
            minutes=log.minutes,
            lower_body=True,
            logged_at=logged_at,
        )
