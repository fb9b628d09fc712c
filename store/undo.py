"""Taking back the last session action: the log rows it wrote are removed again.

An action records the highest session-log id before it runs; undo deletes the rows after it,
so the plan is rebuilt from the logs as they were.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from store.models import SessionLog


def last_log_id(session: Session) -> int:
    return session.scalar(select(func.max(SessionLog.id))) or 0


def delete_logs_after(session: Session, log_id: int) -> int:
    """Remove the session logs written after `log_id`; returns how many."""
    result = session.execute(delete(SessionLog).where(SessionLog.id > log_id))
    return result.rowcount or 0
