"""What the window asks of the core, one small function per user action (keyword arguments).

Every function here may run on a worker thread: it touches no widget, only the database, and
returns plain values. Plans, loads, races and the profile come from `desktop.training`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop import training
from planner.model import Equipment, Profile, Race, WeekLoad, WeekPlan
from store import Database
from store import checklists as store_checklists
from store import undo as store_undo
from store import views as store_views


def week_plans(db: Database, *, start: date, weeks: int, today: date) -> list[WeekPlan]:
    return training.plan_weeks(db, start=start, weeks=weeks, today=today)


def weekly_loads(db: Database, *, weeks: int, today: date) -> list[WeekLoad]:
    return training.weekly_load(db, weeks=weeks, today=today)


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
    with db.session() as s:
        token = store_undo.last_log_id(s)
    training.log_session(db, day=day, status=status, moved_to=moved_to, rpe=rpe, minutes=minutes)
    return token


def swap_exercise(
    db: Database, *, session_key: str, exercise_id: str, substitute_id: str | None
) -> None:
    """Keep the runner's substitute for one exercise of one session (None: back to planned)."""
    training.swap_exercise(
        db, session_key=session_key, exercise_id=exercise_id, substitute_id=substitute_id
    )


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
    return list(training.list_races(db))


def add_race(db: Database, *, day: date, name: str, distance_km: float, priority: str) -> int:
    return training.add_race(db, day=day, name=name, distance_km=distance_km, priority=priority)


def remove_race(db: Database, *, race_id: int) -> None:
    training.remove_race(db, race_id=race_id)


def load_profile(db: Database) -> Profile:
    return training.load_profile(db)


def save_profile(db: Database, **fields: object) -> None:
    training.save_profile(db, **fields)


def finish_onboarding(db: Database) -> None:
    with db.session() as s:
        store_checklists.mark_onboarded(s)


def is_onboarded(db: Database) -> bool:
    with db.session() as s:
        return store_views.is_onboarded(s)


def recompute_loads(db: Database) -> int:
    return training.recompute_loads(db)


def exercise_names(equipment: str) -> dict[str, str]:
    """Names of the library's exercises usable with `equipment` (gym, home, bodyweight)."""
    try:
        kit = Equipment(equipment)
    except ValueError:
        kit = Equipment.GYM
    library = training.plan_resources().library
    return {ex_id: ex.name for ex_id, ex in library.items() if ex.usable_with(kit)}
