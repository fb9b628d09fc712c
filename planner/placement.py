"""Which days get the week's strength sessions (DOMAIN.md §4.2, §5).

Hard rules first (race windows and recovery, the day before a long or key run, 48 h between
sessions, available days), then scores (key 3, easy 2, rest or after-long 1, long 0, limited 0).
A day that only loses its lower-body work is offered as upper body + core.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from planner import defaults as D
from planner.model import DayType, Priority, Race
from planner.season import recovery_days

ONE_DAY = timedelta(days=1)
RUN_WORDS = {DayType.KEY: "key workout", DayType.LONG: "long run", DayType.RACE: "race"}


@dataclass(frozen=True, slots=True)
class DayRule:
    """What one day allows and how well it suits a session."""

    day: date
    day_type: DayType
    any_ok: bool  # some strength (at least upper body + core) may go here
    lower_ok: bool
    score: int
    limit: str = ""  # why the legs are off: day_before, race_window, long_run
    next_run: str = ""  # for the downgrade sentence
    light: str = ""  # race_week, b_race, after_race
    race: Race | None = None


def _race_offsets(day: date, races: Sequence[Race]) -> list[tuple[int, Race]]:
    """(days until race, race) for races up to D-6 (the first day of an A-race week)."""
    last = max(D.RACE_WEEK_LIGHT_DAYS)
    return [((r.day - day).days, r) for r in races if 0 <= (r.day - day).days <= last]


def day_rule(
    day: date,
    types: Mapping[date, DayType],
    races: Sequence[Race],
    available: Collection[int],
) -> DayRule:
    """Apply rules 1, 2 and 4 and the score to one day."""
    dtype = types.get(day, DayType.REST)
    prev_type = types.get(day - ONE_DAY, DayType.REST)
    next_type = types.get(day + ONE_DAY, DayType.REST)
    any_ok, lower_ok, limit, light, race_ref = True, True, "", "", None
    if available and day.weekday() not in available:
        any_ok = False
    for r in races:
        if r.priority is not Priority.C and r.day < day <= r.day + timedelta(days=recovery_days(r)):
            any_ok, race_ref, limit = False, r, "recovery"
    for offset, r in _race_offsets(day, races):
        if r.priority is Priority.A:
            if offset < min(D.RACE_WEEK_FALLBACK_DAYS):  # race day and D-1: no strength
                any_ok, race_ref, limit = False, r, "race_window"
            elif offset <= D.A_NO_LOWER_BODY // 24:
                lower_ok, race_ref, limit = False, r, "race_window"
            else:
                light, race_ref = "race_week", r
        elif r.priority is Priority.B:
            if offset == 0:
                any_ok, race_ref, limit = False, r, "race_window"
            elif offset <= D.B_NO_LOWER_BODY // 24:
                lower_ok, race_ref, limit = False, r, "race_window"
            elif offset == D.B_NO_LOWER_BODY // 24 + 1 and not light:
                light, race_ref = "b_race", r
    c_race_today = any(r.day == day and r.priority is Priority.C for r in races)
    if dtype is DayType.RACE and c_race_today and not race_ref:
        dtype = DayType.KEY  # a C race is a key workout for placement: lift after it
    elif dtype in (DayType.RACE, DayType.POST_RACE):
        any_ok = False
    next_run = ""
    if next_type in (DayType.KEY, DayType.LONG, DayType.RACE):
        lower_ok, next_run = False, RUN_WORDS[next_type]
        limit = limit or "day_before"
    if dtype is DayType.LONG:
        lower_ok, limit = False, limit or "long_run"
    score = _score(dtype, prev_type) if lower_ok else 0
    return DayRule(day, dtype, any_ok, lower_ok and any_ok, score, limit, next_run, light, race_ref)


def _score(dtype: DayType, prev_type: DayType) -> int:
    if dtype is DayType.LONG:
        return D.DAY_SCORES["long"]
    if prev_type is DayType.LONG:
        return D.DAY_SCORES["after_long"]
    return {DayType.KEY: D.DAY_SCORES["key"], DayType.EASY: D.DAY_SCORES["easy"]}.get(
        dtype, D.DAY_SCORES["rest"]
    )


def _spaced(days: Sequence[date], occupied: Collection[date]) -> bool:
    """Rule 3: MIN_GAP_STRENGTH between any two sessions (at least one free calendar day)."""
    all_days = sorted([*days, *occupied])
    gap = D.MIN_GAP_STRENGTH // 24
    return all((b - a).days >= gap for a, b in zip(all_days, all_days[1:], strict=False))


def best_days(rules: Sequence[DayRule], n: int, occupied: Collection[date] = ()) -> list[DayRule]:
    """Up to n days with the highest total score under rule 3; ties -> wider spacing, earlier."""
    candidates = [r for r in rules if r.any_ok and r.day not in occupied]
    for k in range(min(n, len(candidates)), 0, -1):
        best, best_key = None, None
        for combo in combinations(candidates, k):
            days = [r.day for r in combo]
            if not _spaced(days, occupied):
                continue
            gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
            key = (
                sum(r.score for r in combo),
                min(gaps) if gaps else 0,
                [-d.toordinal() for d in days],
            )
            if best_key is None or key > best_key:
                best, best_key = list(combo), key
        if best is not None:
            return best
    return []


def race_week_day(
    rules: Sequence[DayRule], race: Race, occupied: Collection[date] = ()
) -> DayRule | None:
    """A-race week: D-5, D-4, D-6 with legs, then the same as upper body + core, then D-3/D-2."""
    by_day = {r.day: r for r in rules if r.any_ok and _spaced([r.day], occupied)}
    prefs = [race.day - timedelta(days=k) for k in D.RACE_WEEK_LIGHT_DAYS]
    for want_lower in (True, False):
        for d in prefs:
            r = by_day.get(d)
            if r is not None and (r.lower_ok or not want_lower):
                return r
    for k in D.RACE_WEEK_FALLBACK_DAYS:
        r = by_day.get(race.day - timedelta(days=k))
        if r is not None:
            return r
    return None
