"""What the window asks of the core, one small function per user action (keyword arguments).

Every function here may run on a worker thread: it touches no widget, only the database, and
returns plain values. Plans and loads come from `desktop.training`; while that module is not
installed the calendar still shows runs and races from the store, without strength sessions.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import ModuleType

from planner.model import (
    Activity,
    DayPlan,
    DayType,
    LoadFigure,
    Phase,
    Priority,
    Profile,
    Race,
    VolumeLevel,
    WeekLoad,
    WeekPlan,
)
from store import Database
from store import checklists as store_checklists
from store import undo as store_undo
from store import views as store_views


def training() -> ModuleType | None:
    """The plan operations module, or None while it is not part of this build."""
    try:
        return importlib.import_module("desktop.training")
    except ImportError:
        return None


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_plans(db: Database, *, start: date, weeks: int, today: date) -> list[WeekPlan]:
    ops = training()
    if ops is not None:
        return ops.plan_weeks(db, start=start, weeks=weeks, today=today)
    return _plain_weeks(db, start=monday(start), weeks=weeks)


def weekly_loads(db: Database, *, weeks: int, today: date) -> list[WeekLoad]:
    ops = training()
    if ops is not None:
        return ops.weekly_load(db, weeks=weeks, today=today)
    return _plain_loads(db, weeks=weeks, today=today)


def activities(db: Database) -> list[store_views.ActivityRow]:
    with db.session() as s:
        return store_views.activity_rows(s)


def activity_series(db: Database, *, activity_id: int) -> list[tuple[float, float, float]]:
    with db.session() as s:
        return store_views.activity_series(s, activity_id)


def log_session(
    db: Database,
    *,
    day: date,
    status: str,
    moved_to: date | None = None,
    rpe: float | None = None,
    minutes: float | None = None,
) -> int:
    """Record what the runner did with the session planned on `day`.

    Returns an undo token: the last log id before this action.
    """
    ops = training()
    if ops is None:
        raise RuntimeError("Session logging needs the planner, which is not installed")
    with db.session() as s:
        token = store_undo.last_log_id(s)
    ops.log_session(db, day=day, status=status, moved_to=moved_to, rpe=rpe, minutes=minutes)
    return token


def undo_log(db: Database, *, token: int) -> int:
    with db.session() as s:
        return store_undo.delete_logs_after(s, token)


def tick_checklist(db: Database, *, day: date, item: str, done: bool) -> None:
    with db.session() as s:
        store_checklists.set_tick(s, day=day, item=item, done=done)


def checklist_ticks(db: Database, *, first: date, last: date) -> dict[date, set[str]]:
    with db.session() as s:
        return store_checklists.ticked_items(s, first, last)


@dataclass(frozen=True, slots=True)
class ChecklistRecord:
    """Checklist completion over recent days: the share of must-do items ticked, and the run of
    consecutive days (ending today or yesterday) with every must-do item ticked."""

    completion: float | None
    streak: int
    days: int


def checklist_record(
    plans: list[WeekPlan], ticks: dict[date, set[str]], today: date
) -> ChecklistRecord:
    due = done = 0
    complete_days: dict[date, bool] = {}
    for week in plans:
        for day in week.days:
            if day.day > today or not day.checklist:
                continue
            must = [c.id for c in day.checklist if not c.optional and not c.note]
            if not must:
                continue
            got = ticks.get(day.day, set())
            due += len(must)
            done += sum(1 for m in must if m in got)
            complete_days[day.day] = all(m in got for m in must)
    streak = 0
    cursor = today if complete_days.get(today) else today - timedelta(days=1)
    while complete_days.get(cursor):
        streak += 1
        cursor -= timedelta(days=1)
    return ChecklistRecord(done / due if due else None, streak, len(complete_days))


def list_races(db: Database) -> list[Race]:
    ops = training()
    if ops is not None:
        return list(ops.list_races(db))
    with db.session() as s:
        return [Race(i, d, n, km, Priority(p)) for i, d, n, km, p in store_views.race_rows(s)]


def add_race(db: Database, *, day: date, name: str, distance_km: float, priority: str) -> int:
    ops = _require()
    return ops.add_race(db, day=day, name=name, distance_km=distance_km, priority=priority)


def remove_race(db: Database, *, race_id: int) -> None:
    _require().remove_race(db, race_id=race_id)


def load_profile(db: Database) -> Profile:
    ops = training()
    return ops.load_profile(db) if ops is not None else Profile()


def save_profile(db: Database, **fields: object) -> None:
    _require().save_profile(db, **fields)


def finish_onboarding(db: Database) -> None:
    with db.session() as s:
        store_checklists.mark_onboarded(s)


def is_onboarded(db: Database) -> bool:
    with db.session() as s:
        return store_views.is_onboarded(s)


def recompute_loads(db: Database) -> int:
    ops = training()
    return ops.recompute_loads(db) if ops is not None else 0


def _require() -> ModuleType:
    ops = training()
    if ops is None:
        raise RuntimeError("This needs the planner, which is not installed")
    return ops


def _as_activity(row: store_views.ActivityRow) -> Activity:
    load = LoadFigure(row.load, row.load_method or "", "medium") if row.load is not None else None
    return Activity(
        id=row.id,
        start=row.start,
        sport=row.sport,
        sub_sport=None,
        duration_s=row.timer_s,
        distance_m=row.distance_m,
        avg_hr=row.avg_hr,
        max_hr=row.max_hr,
        is_race=row.is_race,
        load=load,
    )


def _plain_weeks(db: Database, *, start: date, weeks: int) -> list[WeekPlan]:
    last = start + timedelta(days=7 * weeks - 1)
    with db.session() as s:
        rows = store_views.activity_rows_between(s, start, last)
        races = {d: Race(i, d, n, km, Priority(p)) for i, d, n, km, p in store_views.race_rows(s)}
    by_day: dict[date, list[Activity]] = {}
    for row in rows:
        by_day.setdefault(row.start.date(), []).append(_as_activity(row))
    plans = []
    for w in range(weeks):
        ws = start + timedelta(days=7 * w)
        days = []
        for i in range(7):
            d = ws + timedelta(days=i)
            acts = tuple(by_day.get(d, ()))
            kind = DayType.RACE if d in races else (DayType.EASY if acts else DayType.REST)
            days.append(DayPlan(day=d, day_type=kind, activities=acts, race=races.get(d)))
        plans.append(WeekPlan(ws, Phase.NO_RACE, VolumeLevel.NORMAL, 0, "", tuple(days), None))
    return plans


def _plain_loads(db: Database, *, weeks: int, today: date) -> list[WeekLoad]:
    first = monday(today) - timedelta(days=7 * (weeks - 1))
    plans = _plain_weeks(db, start=first, weeks=weeks)
    loads = []
    for plan in plans:
        runs = [a for d in plan.days for a in d.activities if a.sport == "running"]
        km = sum((a.distance_m or 0) for a in runs) / 1000
        load = sum(a.load.value for d in plan.days for a in d.activities if a.load)
        loads.append(
            WeekLoad(
                plan.week_start,
                km,
                sum(a.duration_s for a in runs),
                len(runs),
                load,
                load,
                0,
                None,
                None,
                None,
                None,
                None,
                None,
                VolumeLevel.NORMAL,
            )
        )
    return loads


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12))


def exercise_names(equipment: str) -> dict[str, str]:
    """Names of the library's exercises usable with `equipment` (gym, home, bodyweight)."""
    import json
    from importlib import resources

    from planner.library import library_from_dicts
    from planner.model import Equipment

    raw = json.loads(resources.files("resources").joinpath("exercises.json").read_text())
    library = library_from_dicts(raw["exercises"])
    try:
        kit = Equipment(equipment)
    except ValueError:
        kit = Equipment.GYM
    return {ex_id: ex.name for ex_id, ex in library.items() if ex.usable_with(kit)}
