"""Jumps for a week: the gate, the contact count, the tier and the limits near races (§6.4, §4.2).

Contacts start at 40 in the first week with jumps and add 10 a week of progression; the tier goes
up every 4 such weeks. Taper, race-week and recovery weeks are not weeks of progression, and after
an A or B race the count and the tier start again (§4.2). Taper sessions use only what the runner
jumped in the weeks before (T1-T2); the A-race week keeps to 20 T1 contacts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from planner import defaults as D
from planner.model import Phase, Priority, Race
from planner.season import monday, recovery_days, week_phase

WEEK = timedelta(days=7)
NOT_PROGRESSION = (Phase.TAPER, Phase.RACE_WEEK, Phase.RECOVERY)
RECENT_WEEKS = 6  # taper jumps are ones done in the 6 weeks before (§6.1 "nothing new")


def unlock_day(week: date, done_days: Sequence[date], paused_until: date | None) -> date | None:
    """The day jumps unlocked (6 weeks of lifting and 8 sessions), or None before that."""
    weeks_min, sessions_min = D.PLYO_GATE
    before = [d for d in done_days if d < week]
    if len(before) < sessions_min:
        return None
    unlock = max(before[sessions_min - 1], before[0] + weeks_min * WEEK)
    if paused_until is not None:
        unlock = max(unlock, paused_until)
    return unlock if unlock <= week else None


def _first_jump_week(unlock: date, week: date, races: Sequence[Race]) -> date:
    """The first Monday of the current run of jump weeks: after the unlock, or after the last
    A/B race's recovery days when that is later (the count restarts, §4.2)."""
    first = monday(unlock) if unlock.weekday() == 0 else monday(unlock) + WEEK
    for race in races:
        if race.priority is Priority.C or race.day >= week:
            continue
        first = max(first, monday(race.day + timedelta(days=recovery_days(race) + 1)))
    return first


def progression_weeks(week: date, unlock: date, races: Sequence[Race]) -> int:
    """Weeks of progression before `week`: jump weeks outside taper, race week and recovery."""
    first = _first_jump_week(unlock, week, races)
    c = D.PLYO_CONTACTS
    enough = max(
        (c["cap"] - c["start"]) // c["step"], (D.PLYO_TIERS["top"] - 1) * D.PLYO_TIER_WEEKS
    )
    count, w = 0, week - WEEK
    while w >= first and count < enough:
        if week_phase(w, races) not in NOT_PROGRESSION:
            count += 1
        w -= WEEK
    return count


def _natural(weeks_on: int) -> tuple[int, int]:
    c = D.PLYO_CONTACTS
    contacts = min(c["cap"], c["start"] + c["step"] * weeks_on)
    tier = min(D.PLYO_TIERS["top"], 1 + weeks_on // D.PLYO_TIER_WEEKS)
    return tier, contacts


def _taper_tier(week: date, unlock: date, races: Sequence[Race]) -> int:
    """T2 if the runner jumped T2 in the 6 weeks before, else T1 (pogo and ankle hops)."""
    for k in range(1, RECENT_WEEKS + 1):
        w = week - k * WEEK
        if w < _first_jump_week(unlock, w, races):
            break
        if _natural(progression_weeks(w, unlock, races))[0] == D.PLYO_TIERS["taper"]:
            return D.PLYO_TIERS["taper"]
    return D.PLYO_TIERS["race"]


def jumps_for_week(
    week: date, phase: Phase, unlock: date, races: Sequence[Race]
) -> tuple[int, int] | None:
    """(tier, contacts) for the week's sessions once jumps are unlocked."""
    if _first_jump_week(unlock, week, races) > week:
        return None
    tier, contacts = _natural(progression_weeks(week, unlock, races))
    c = D.PLYO_CONTACTS
    if phase in (Phase.BUILD, Phase.PEAK):
        return tier, min(contacts, c["build_peak"])
    if phase is Phase.TAPER:
        return _taper_tier(week, unlock, races), min(contacts, c["taper"])
    if phase is Phase.RACE_WEEK:
        return D.PLYO_TIERS["race"], c["race"]
    return tier, contacts
