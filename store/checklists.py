"""Ticked checklist items, stored per day, and the first-run flag.

A tick is a (day, item id) row with `done`; unticking keeps the row with done=False so the
last choice is remembered.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import AthleteProfile, ChecklistEntry


def ticked_items(session: Session, first: date, last: date) -> dict[date, set[str]]:
    """Item ids ticked on each day from `first` to `last`."""
    rows = session.execute(
        select(ChecklistEntry.day, ChecklistEntry.item).where(
            ChecklistEntry.day >= first, ChecklistEntry.day <= last, ChecklistEntry.done
        )
    )
    ticks: dict[date, set[str]] = {}
    for day, item in rows:
        ticks.setdefault(day, set()).add(item)
    return ticks


def set_tick(session: Session, *, day: date, item: str, done: bool) -> None:
    row = session.scalar(
        select(ChecklistEntry).where(ChecklistEntry.day == day, ChecklistEntry.item == item)
    )
    if row is None:
        session.add(ChecklistEntry(day=day, item=item, done=done))
    else:
        row.done = done


def mark_onboarded(session: Session) -> None:
    """Remember that the first-run questions were answered, so they are not asked again."""
    profile = session.get(AthleteProfile, 1)
    if profile is None:
        session.add(AthleteProfile(id=1, onboarded=True))
    else:
        profile.onboarded = True
