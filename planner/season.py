"""Season phases from the race calendar (DOMAIN.md §3).

Phases run backwards from each A race: base, build, peak, taper (the race week is the last taper
week). After an A race: recovery days, then transition weeks, then off-season until the next base.
B and C races never change the phase; their day rules live in placement.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from planner import defaults as D
from planner.model import Phase, Priority, Race


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def distance_class(distance_km: float) -> str:
    """5K, 10K, half, marathon or ultra by the upper bounds of DISTANCE_CLASSES."""
    for name, upper in D.DISTANCE_CLASSES:
        if distance_km <= upper:
            return name
    return D.ULTRA


DISTANCE_WORDS = {
    "5K": "5K",
    "10K": "10K",
    "half": "half marathon",
    "marathon": "marathon",
    "ultra": "ultra",
}


def recovery_days(race: Race) -> int:
    """Days after the race with no strength at all."""
    cls = distance_class(race.distance_km)
    if cls == D.ULTRA and race.distance_km > D.RECOVERY_DAYS_LONG_ULTRA[0]:
        return D.RECOVERY_DAYS_LONG_ULTRA[1]
    return D.RECOVERY_DAYS[cls]


def recovery_race(day: date, races: Sequence[Race], priorities=(Priority.A, Priority.B)):
    """The A/B race whose recovery window (race day excluded) holds `day`, if any."""
    for race in races:
        if race.priority in priorities and race.day < day <= race.day + timedelta(
            days=recovery_days(race)
        ):
            return race
    return None


def _block_phase(day: date, race: Race) -> Phase | None:
    cls = distance_class(race.distance_km)
    base, build, peak, _ = D.PHASE_WEEKS[cls]
    taper = D.TAPER_WEEKS[cls]
    k = (monday(race.day) - monday(day)).days // 7
    if k == 0:
        return Phase.RACE_WEEK
    for limit, phase in (
        (taper, Phase.TAPER),
        (taper + peak, Phase.PEAK),
        (taper + peak + build, Phase.BUILD),
        (taper + peak + build + base, Phase.BASE),
    ):
        if k < limit:
            return phase
    return None


def day_phase(day: date, races: Sequence[Race]) -> Phase:
    """The phase of one day by the order of DOMAIN.md §3."""
    a_races = sorted((r for r in races if r.priority is Priority.A), key=lambda r: r.day)
    if recovery_race(day, a_races, (Priority.A,)):
        return Phase.RECOVERY
    upcoming = next((r for r in a_races if r.day >= day), None)
    if upcoming and (phase := _block_phase(day, upcoming)):
        return phase
    past = [r for r in a_races if r.day < day]
    if past:
        last = past[-1]
        cls = distance_class(last.distance_km)
        end = last.day + timedelta(days=recovery_days(last) + 7 * D.TRANSITION_WEEKS[cls])
        if day <= end:
            return Phase.TRANSITION
    horizon = day + timedelta(weeks=D.OFF_SEASON_HORIZON_WEEKS)
    if upcoming and upcoming.day <= horizon:
        return Phase.OFF_SEASON
    return Phase.NO_RACE


def week_phase(week_start: date, races: Sequence[Race]) -> Phase:
    """A week takes its Monday's phase; a Monday still recovering takes the phase after it."""
    day = monday(week_start)
    for _ in range(8):
        race = recovery_race(day, [r for r in races if r.priority is Priority.A], (Priority.A,))
        if race is None:
            break
        day = race.day + timedelta(days=recovery_days(race) + 1)
    return day_phase(day, races)


def next_a_race(day: date, races: Sequence[Race]) -> Race | None:
    return min(
        (r for r in races if r.priority is Priority.A and r.day >= day),
        key=lambda r: r.day,
        default=None,
    )
