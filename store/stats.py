"""Small read-only counts the window shows in its status bar."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import Activity


def activity_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Activity)) or 0
