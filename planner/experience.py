"""What the strength log says about the runner for a given week (DOMAIN.md §4.3, §4.4, §6.1, §6.4).

Beginner weeks, return ramps after breaks, the plyometric gate and tier, and the rotation of the
single-leg exercise: all derived from logged sessions (and strength activities), never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planner import defaults as D
from planner.model import LogStatus, Phase, Priority, Profile, Race, SessionLog
from planner.plyometrics import jumps_for_week, unlock_day
from planner.season import monday, week_phase

WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Experience:
    done_before: int  # sessions logged done before the week
    beginner: bool
    beginner_week: int | None  # 1.. while a beginner
    ramp_week: int | None  # 1 or 2 (dose week) while in a return ramp
    ramp_gap_days: int | None
    ramp_until: date | None  # first week of full sessions
    plyo: tuple[int, int] | None  # (tier, contacts) when unlocked for this week
    single_leg: tuple[str, ...]  # the rotation's exercise, then its stand-in
    max_level: int = 2  # library level: 1 while a beginner (kept as it was before an A race)


def done_days(logs: Sequence[SessionLog], lower_only: bool = False) -> list[date]:
    """Days of completed sessions, oldest first (moved sessions count on their new day)."""
    out = []
    for log in logs:
        if log.status is LogStatus.DONE and (log.lower_body or not lower_only):
            out.append(log.planned_day)
    return sorted(out)


def _ramp(week: date, lower_days: list[date], beginner: bool, today: date):
    anchor = min(week, monday(today))
    before = [d for d in lower_days if d < anchor]
    if not before:
        if beginner:
            return None, None, None, None
        gap, length = None, D.RAMP_WEEKS[1]
    else:
        gap = (anchor - before[-1]).days
        if gap < D.BREAK_SHORT:
            return None, None, None, None
        length = D.RAMP_WEEKS[0] if gap <= D.BREAK_LONG else D.RAMP_WEEKS[1]
    k = (week - anchor).days // 7 + 1
    if k > length:
        return None, gap, anchor + length * WEEK, length
    dose_week = 1 if k < length else 2
    return dose_week, gap, anchor + length * WEEK, length


def rotation_frozen(week: date, races: Sequence[Race]) -> bool:
    """No new single-leg exercise this week: taper, race week, or any day within the 10 days
    before an A race (§6.1), with a week's margin so a new exercise is done at least one week
    before those 10 days begin."""
    if week_phase(week, races) in (Phase.TAPER, Phase.RACE_WEEK):
        return True
    last = week + timedelta(days=6)
    return any(
        r.priority is Priority.A
        and week <= r.day
        and r.day - timedelta(days=D.NO_NEW_EXERCISE_BEFORE_A) - WEEK <= last
        for r in races
    )


def _last_open_week(week: date, anchor: date, races: Sequence[Race]) -> date:
    """The week itself, or near an A race the last week where something new was allowed."""
    w = week
    while w > anchor and rotation_frozen(w, races):
        w -= WEEK
    return w


def _rotation(open_week: date, anchor: date) -> tuple[str, ...]:
    """The single-leg exercise: the rotation's step for the last open week, so nothing new
    comes in before a race."""
    block = max(0, (open_week - anchor).days // 7) // D.EXERCISE_ROTATION
    return D.SINGLE_LEG_ROTATION[block % len(D.SINGLE_LEG_ROTATION)]


def experience_for_week(
    week: date,
    logs: Sequence[SessionLog],
    profile: Profile,
    races: Sequence[Race],
    today: date,
    phase: Phase,
) -> Experience:
    days = done_days(logs)
    lower = done_days(logs, lower_only=True)
    done_before = sum(1 for d in days if d < week)
    beginner = not profile.lifted_regularly and done_before < D.BEGINNER_SESSIONS
    anchor = monday(days[0]) if days else monday(today)
    beginner_week = max(1, (week - anchor).days // 7 + 1) if beginner else None
    ramp_week, gap, ramp_until, length = _ramp(week, lower, beginner, today)
    paused = (
        ramp_until + D.PLYO_PAUSE_AFTER_RAMP * WEEK if length == D.RAMP_WEEKS[1] else ramp_until
    )
    plyo = None
    learning_weeks = D.BEGINNER_BLOCKS[1]
    if (
        not profile.injury
        and ramp_week is None
        and not (beginner and beginner_week <= learning_weeks)
    ):
        unlock = unlock_day(week, days, paused if paused and paused > week else None)
        plyo = None if unlock is None else jumps_for_week(week, phase, unlock, races)
    open_week = _last_open_week(week, anchor, races)
    done_then = sum(1 for d in days if d < open_week)
    learning = not profile.lifted_regularly and done_then < D.BEGINNER_SESSIONS
    return Experience(
        done_before,
        beginner,
        beginner_week,
        ramp_week,
        gap,
        ramp_until,
        plyo,
        _rotation(open_week, anchor),
        1 if learning else 2,
    )


@dataclass(frozen=True, slots=True)
class Compliance:
    """Sessions logged done and skipped in the weeks before a week (COMPLIANCE_WEEKS)."""

    done: int
    skipped: int
    weeks: int

    @property
    def low(self) -> bool:
        """Most logged sessions skipped: at least COMPLIANCE_MIN_SKIPPED, and more than done."""
        return self.skipped >= D.COMPLIANCE_MIN_SKIPPED and self.skipped > self.done


def recent_compliance(week: date, logs: Sequence[SessionLog], today: date) -> Compliance:
    """Logged done vs skipped over the COMPLIANCE_WEEKS weeks before `week`.

    Weeks still ahead are judged by the weeks before the current one, as nothing newer is known.
    Moved sessions count where they ended up, once they are logged done or skipped there.
    """
    end = min(monday(week), monday(today))
    start = end - D.COMPLIANCE_WEEKS * WEEK
    done = skipped = 0
    for log in logs:
        day = log.moved_to if log.status is LogStatus.MOVED and log.moved_to else log.planned_day
        if not start <= day < end:
            continue
        if log.status is LogStatus.DONE:
            done += 1
        elif log.status is LogStatus.SKIPPED:
            skipped += 1
    return Compliance(done, skipped, D.COMPLIANCE_WEEKS)
