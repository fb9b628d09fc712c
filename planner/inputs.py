"""What one plan is made from, in one frozen value, and what one week hands to the next.

`PlanInputs` gathers the runner's history, profile, races, session logs, today and the parsed
library, so every planning step takes one argument instead of ten. Build it once per data change
with `PlanInputs.of(...)` and plan any number of weeks from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planner.checklists import ChecklistTemplates
from planner.history import LoadHistory, build_history
from planner.library import Library
from planner.model import Activity, LogStatus, Profile, Race, SessionLog


@dataclass(frozen=True, slots=True)
class PlanResources:
    """The parsed exercise library and checklist templates (read from resources/ by the app)."""

    library: Library
    checklists: ChecklistTemplates


@dataclass(frozen=True, slots=True)
class PlanInputs:
    """Everything the planner reads. `today` is a parameter: same inputs, same plan.

    `seen_days`: the days of sessions the runner has already been shown (DOMAIN.md §5 "Days
    already past"); a day before today that is not in it never gets a session. None means no
    such record is kept, and every past day counts as seen.
    """

    profile: Profile
    races: tuple[Race, ...]
    logs: tuple[SessionLog, ...]
    today: date
    resources: PlanResources
    history: LoadHistory
    seen_days: frozenset[date] | None = None

    @classmethod
    def of(
        cls,
        *,
        activities: Sequence[Activity],
        profile: Profile,
        races: Sequence[Race],
        logs: Sequence[SessionLog],
        today: date,
        resources: PlanResources,
        history: LoadHistory | None = None,
        seen_days: frozenset[date] | None = None,
    ) -> PlanInputs:
        """Inputs with the load history built from `activities` unless one is given."""
        history = history or build_history(activities, profile, today, logs=logs)
        return cls(profile, tuple(races), tuple(logs), today, resources, history, seen_days)


@dataclass(frozen=True, slots=True)
class Carry:
    """What one week hands to the next: session days (spacing) and the last variant."""

    session_days: tuple[date, ...] = ()
    last_variant: str | None = None
    leg_days: tuple[date, ...] = ()  # the last week's sessions that loaded the legs
    single_leg: str | None = None  # the single-leg exercise of the last session that had one
    single_leg_day: date | None = None  # and that session's day


def log_day(log: SessionLog) -> date:
    """Where a logged session ended up: its new day when moved, else its planned day."""
    return log.moved_to if log.status is LogStatus.MOVED and log.moved_to else log.planned_day
