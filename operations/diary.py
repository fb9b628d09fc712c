"""What the runner records day by day: sessions done, skipped or moved (with undo), and the
daily mobility and recovery checklist."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from operations import training
from planner.logged_sets import LoggedSet
from planner.model import WeekPlan
from store import Database
from store import checklists as store_checklists
from store import undo as store_undo


def log_session_undoable(
    db: Database,
    *,
    day: date,
    status: str,
    moved_to: date | None = None,
    rpe: float | None = None,
    minutes: float | None = None,
    today: date | None = None,
    sets: Sequence[LoggedSet] = (),
) -> int:
    """Record what the runner did with the session planned on `day`, with the sets done (see
    `training.log_session`: a move is judged against `today`'s plan). Returns an undo token
    for `undo_log`."""
    with db.session() as s:
        token = store_undo.last_log_id(s)
    training.log_session(
        db,
        day=day,
        status=status,
        moved_to=moved_to,
        rpe=rpe,
        minutes=minutes,
        today=today,
        sets=sets,
    )
    return token


def undo_log(db: Database, *, token: int) -> int:
    """Remove every log written after `token`; returns how many were removed."""
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
