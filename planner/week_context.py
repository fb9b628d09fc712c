"""What the planner knows about one week before it places anything.

Phase, volume level, experience (beginner, ramp, jumps, rotation), recent compliance, the count
with its sentence (DOMAIN.md §4.1), and the seven days with their rules (§5). Placement, content
and the reason sentence all read this one value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner import defaults as D
from planner.days import WeekDays, week_days
from planner.experience import Compliance, Experience, experience_for_week, recent_compliance
from planner.frequency import Frequency, sessions_for_week
from planner.inputs import PlanInputs
from planner.model import Phase
from planner.placement import DayRule
from planner.season import monday, next_a_race, week_phase
from planner.volume import VolumeFacts

WEEK = timedelta(days=7)
NO_SECOND_SESSION = {"post_race", "race_week_a", "taper", "illness", "injury"}


@dataclass(frozen=True, slots=True)
class WeekContext:
    week_start: date
    phase: Phase
    volume: VolumeFacts
    exp: Experience
    compliance: Compliance
    freq: Frequency
    days: WeekDays
    cross: tuple[DayRule, ...]  # the week before an A-race week: both weeks' day rules
    n: int  # sessions to place (the count, plus a beginner's short second one)
    short_second: bool
    future: bool  # after the current week: planned with today's volume level

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)


def week_context(inputs: PlanInputs, week_start: date) -> WeekContext:
    """Everything about `week_start`'s week that does not depend on where sessions go."""
    week_start = monday(week_start)
    races, profile, logs, today = inputs.races, inputs.profile, inputs.logs, inputs.today
    phase = week_phase(week_start, races)
    volume = inputs.history.volume(week_start)
    exp = experience_for_week(week_start, logs, profile, races, today, phase)
    compliance = recent_compliance(week_start, logs, today)
    freq = sessions_for_week(
        week_start,
        phase,
        volume,
        races,
        beginner=exp.beginner,
        in_ramp=exp.ramp_week is not None,
        opt_in=profile.strength_block_opt_in,
        illness=profile.illness,
        injury=profile.injury,
        compliance=compliance,
    )
    days = week_days(week_start, inputs.history, profile, races, today)
    cross = _race_week_rules(inputs, week_start, phase, days)
    short_second = not cross and _beginner_second(inputs, exp, phase, freq)
    return WeekContext(
        week_start=week_start,
        phase=phase,
        volume=volume,
        exp=exp,
        compliance=compliance,
        freq=freq,
        days=days,
        cross=cross,
        n=freq.n + (1 if short_second else 0),
        short_second=short_second,
        future=week_start > monday(today),
    )


def _beginner_second(inputs: PlanInputs, exp: Experience, phase: Phase, freq: Frequency) -> bool:
    """§4.4: beginner weeks 1-4 may add a short second session on request, never near races."""
    return (
        inputs.profile.beginner_second_session
        and exp.beginner
        and exp.beginner_week is not None
        and exp.beginner_week <= D.BEGINNER_BLOCKS[0]
        and exp.ramp_week is None
        and freq.n == 1
        and phase not in (Phase.RACE_WEEK, Phase.TAPER, Phase.RECOVERY)
        and freq.reason_id not in NO_SECOND_SESSION
    )


def _race_week_rules(
    inputs: PlanInputs, week_start: date, phase: Phase, days: WeekDays
) -> tuple[DayRule, ...]:
    """The week before an A-race week: the day rules of both weeks, for the light session.

    DOMAIN.md §4.2 puts the race week's light session on D-6..D-4 even when those days fall in
    the calendar week before (an A race early in the week); placement needs both weeks' rules
    to pick the preferred day (D-5, then D-4, then D-6) across the boundary.
    """
    if phase in (Phase.RACE_WEEK, Phase.RECOVERY):
        return ()
    race = next_a_race(week_start, inputs.races)
    if race is None or monday(race.day) != week_start + WEEK or race.day.weekday() == 6:
        return ()
    there = week_days(
        week_start + WEEK, inputs.history, inputs.profile, inputs.races, inputs.today
    ).rules
    return tuple(days.rules) + tuple(there)
