"""The runner's profile row (id 1): read as a dict, update by field name."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from store.models import AthleteProfile

PROFILE_FIELDS = tuple(c.name for c in AthleteProfile.__table__.columns if c.name not in ("id",))


def profile_dict(session: Session) -> dict[str, Any]:
    """Column values of the profile, or the column defaults when none was saved yet."""
    row = session.get(AthleteProfile, 1)
    if row is None:
        return {
            c.name: (c.default.arg if c.default is not None else None)
            for c in AthleteProfile.__table__.columns
            if c.name != "id"
        }
    return {name: getattr(row, name) for name in PROFILE_FIELDS}


def update_profile(session: Session, fields: dict[str, Any]) -> None:
    """Set the named columns; unknown names raise ValueError before anything is written."""
    unknown = sorted(set(fields) - set(PROFILE_FIELDS))
    if unknown:
        raise ValueError(f"unknown profile field(s): {', '.join(unknown)}")
    row = session.get(AthleteProfile, 1)
    if row is None:
        row = AthleteProfile(id=1)
        session.add(row)
    for name, value in fields.items():
        setattr(row, name, value)
