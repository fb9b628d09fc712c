"""Strength sessions per week from phase, volume level, experience and flags (DOMAIN.md §4.1).

Returns the count and the id and values of the count sentence; the sentence for an A-race week is
finished by the planner once the light session's day is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from planner import defaults as D
from planner.experience import Compliance
from planner.explain import PHASE_LINES, count_words, render
from planner.model import Phase, Priority, Race, VolumeLevel
from planner.season import DISTANCE_WORDS, distance_class, next_a_race, recovery_days
from planner.volume import VolumeFacts

OPT_IN_PHASES = {Phase.OFF_SEASON, Phase.TRANSITION, Phase.BASE, Phase.NO_RACE}
_LEVEL_INDEX = {VolumeLevel.LOW: 0, VolumeLevel.NORMAL: 1, VolumeLevel.HIGH: 2}


@dataclass(frozen=True, slots=True)
class Frequency:
    n: int
    reason_id: str
    values: dict[str, object] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return render(self.reason_id, **self.values)


def table_count(
    phase: Phase, level: VolumeLevel, *, opt_in: bool = False, capped: bool = False
) -> int:
    """§4.1 table; 3 only with the strength-block opt-in, never for beginners or in a ramp."""
    n = D.FREQ_TABLE[phase.value][_LEVEL_INDEX[level]]
    if n == 2 and level is VolumeLevel.LOW and phase in OPT_IN_PHASES and opt_in and not capped:
        n = D.OPT_IN_MAX
    return min(n, D.FREQ_CAP) if capped else n


def post_race_in_week(week_start: date, races: list[Race] | tuple[Race, ...]) -> Race | None:
    """The A/B race whose no-strength days after it fall in this week."""
    week_end = week_start + timedelta(days=6)
    for race in sorted(races, key=lambda r: r.day):
        if race.priority not in (Priority.A, Priority.B):
            continue
        first, last = race.day + timedelta(days=1), race.day + timedelta(days=recovery_days(race))
        if first <= week_end and last >= week_start:
            return race
    return None


@dataclass(frozen=True, slots=True)
class _Week:
    """What the count sentence may speak of: one week's phase, level, races and flags."""

    week_start: date
    phase: Phase
    volume: VolumeFacts
    races: tuple[Race, ...]
    n: int  # the §4.1 table count, capped for beginners and ramps
    illness: bool
    injury: bool
    compliance: Compliance | None

    @property
    def a_race(self) -> Race | None:
        return next_a_race(self.week_start, self.races)


def sessions_for_week(
    week_start: date,
    phase: Phase,
    volume: VolumeFacts,
    races: list[Race] | tuple[Race, ...],
    *,
    beginner: bool = False,
    in_ramp: bool = False,
    opt_in: bool = False,
    illness: bool = False,
    injury: bool = False,
    compliance: Compliance | None = None,
) -> Frequency:
    """Count and count sentence: the first template of REASON_ORDER (DOMAIN.md §8) that applies.

    Low recent compliance (most logged sessions skipped, see `Compliance.low`) keeps a count of
    2 or more at COMPLIANCE_CAP, with its own sentence; it never lowers a count of 1 or 0.
    """
    n = table_count(phase, volume.level, opt_in=opt_in, capped=beginner or in_ramp)
    week = _Week(week_start, phase, volume, tuple(races), n, illness, injury, compliance)
    for reason_id in D.REASON_ORDER:
        found = _RULES[reason_id](week)
        if found is not None:
            return found
    line = _lower(PHASE_LINES[phase])
    return Frequency(n, "phase_line", {"count": count_words(n), "line": line})


def _illness(w: _Week) -> Frequency | None:
    return Frequency(0, "illness") if w.illness else None


def _injury(w: _Week) -> Frequency | None:
    return Frequency(w.n, "injury") if w.injury else None


def _post_race(w: _Week) -> Frequency | None:
    recovering = post_race_in_week(w.week_start, w.races)
    if recovering is None or (w.phase is Phase.RACE_WEEK and recovering == w.a_race):
        return None  # a week leading up to its A race: race_week_a speaks for it
    until = recovering.day + timedelta(days=recovery_days(recovering))
    words = DISTANCE_WORDS[distance_class(recovering.distance_km)]
    values = {"date": until, "recovery_days": recovery_days(recovering), "distance": words}
    return Frequency(w.n, "post_race", values)


def _race_week_a(w: _Week) -> Frequency | None:
    race = w.a_race
    if w.phase is not Phase.RACE_WEEK or race is None:
        return None
    return Frequency(1, "race_week_a", {"race_name": race.name, "race_date": race.day})


def _taper(w: _Week) -> Frequency | None:
    race = w.a_race
    if w.phase is not Phase.TAPER or race is None:
        return None
    return Frequency(w.n, "taper", {"race_name": race.name, "race_date": race.day})


def _compliance(w: _Week) -> Frequency | None:
    c = w.compliance
    if c is None or not c.low or w.n <= D.COMPLIANCE_CAP:
        return None
    values = {"skipped": c.skipped, "logged": c.skipped + c.done, "weeks": c.weeks}
    return Frequency(D.COMPLIANCE_CAP, "freq_compliance", values)


def _high_volume(w: _Week) -> Frequency | None:
    if w.volume.level is not VolumeLevel.HIGH or not w.volume.ratio:
        return None
    return Frequency(w.n, "freq_high_volume", {"pct": round((w.volume.ratio - 1) * 100)})


def _low_volume(w: _Week) -> Frequency | None:
    v = w.volume
    if v.level is not VolumeLevel.LOW or w.n < 2 or v.ratio is None:
        return None
    values = {
        "n": w.n,
        "recent_min": round(v.recent_min or 0),
        "typical_min": round(v.typical_min or 0),
        "pct": round((1 - v.ratio) * 100),
    }
    return Frequency(w.n, "freq_low_volume", values)


def _phase_base(w: _Week) -> Frequency | None:
    race = w.a_race
    if w.phase is not Phase.BASE or w.n != 2 or race is None:
        return None
    weeks = (race.day - w.week_start).days // 7
    return Frequency(w.n, "phase_base", {"weeks_to_race": weeks, "race_name": race.name})


def _baseline(w: _Week) -> Frequency | None:
    return Frequency(w.n, "freq_baseline") if w.phase is Phase.NO_RACE and w.n == 1 else None


_RULES = {
    "illness": _illness,
    "injury": _injury,
    "post_race": _post_race,
    "race_week_a": _race_week_a,
    "taper": _taper,
    "freq_compliance": _compliance,
    "freq_high_volume": _high_volume,
    "freq_low_volume": _low_volume,
    "phase_base": _phase_base,
    "freq_baseline": _baseline,
}


def _lower(line: str) -> str:
    return line[0].lower() + line[1:]
