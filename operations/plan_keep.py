"""The weeks last planned, kept beside the database so that the next start shows them at once.

Planning a page needs SQLAlchemy, the store's models and the load history, most of a start's
time. So every plan is also kept (`operations.kept`) under the database's data stamp (a token
that any write to any table replaces, `Database.data_stamp`), today, and the weeks asked for.
A plan is only kept when the stamp read before its inputs equals the stamp read after its
sessions were saved: no write, of this process or another, fell between, so the kept weeks are
exactly what planning the same data again would give (and save). Reading a kept page needs only
the standard library: the window paints it, and `plan --json` prints it, before SQLAlchemy loads.
"""

from __future__ import annotations

import io
import pickle
import threading
from datetime import date
from typing import TYPE_CHECKING

from operations.kept import PlannerUnpickler, keep, read_kept

if TYPE_CHECKING:
    from planner.model import WeekPlan
    from store import Database

NAME = "plans"
PAGES_KEPT = 8  # the page shown, the pages either side, the load view's year, a few more
_LOCK = threading.Lock()  # jobs that keep pages at once add to one file in turn


def planned_weeks(db: Database, *, start: date, weeks: int, today: date) -> list[WeekPlan]:
    """`training.plan_weeks`, answered from the kept weeks when they are still true, so that
    SQLAlchemy and the planner load only when something must be planned."""
    kept = kept_weeks(db, start=start, weeks=weeks, today=today)
    if kept is not None:
        return kept
    from operations import training

    return training.plan_weeks_afresh(db, start=start, weeks=weeks, today=today)


def kept_weeks(db: Database, *, start: date, weeks: int, today: date) -> list[WeekPlan] | None:
    """The `weeks` weeks from the Monday of `start` as last planned on exactly this data and
    day, or None (never planned, anything written since, another day or another version)."""
    stamp = db.data_stamp()
    if stamp is None:
        return None
    pages = read_kept(db, NAME, (stamp, today))
    blob = pages.get((start, weeks)) if isinstance(pages, dict) else None
    if not isinstance(blob, bytes):
        return None
    try:
        plans = PlannerUnpickler(io.BytesIO(blob)).load()
    except Exception:  # a damaged page is only a miss
        return None
    return plans if isinstance(plans, list) else None


def keep_weeks(
    db: Database, *, stamp: bytes | None, start: date, weeks: int, today: date, plans: list
) -> bool:
    """Keep `plans` if the data stamp is still `stamp` (read before the plan's inputs); True
    when kept. Pages kept earlier under the same stamp and day stay, up to PAGES_KEPT."""
    if stamp is None:
        return False
    with _LOCK:
        if db.data_stamp() != stamp:  # something was written meanwhile: keep nothing
            return False
        pages = read_kept(db, NAME, (stamp, today))
        pages = dict(pages) if isinstance(pages, dict) else {}
        pages.pop((start, weeks), None)
        pages[(start, weeks)] = pickle.dumps(plans, protocol=pickle.HIGHEST_PROTOCOL)
        while len(pages) > PAGES_KEPT:
            del pages[next(iter(pages))]  # the page kept longest ago goes first
        keep(db, NAME, (stamp, today), pages)
    return True
