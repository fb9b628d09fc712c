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

# phase -> sessions at (low, normal, high) volume
FREQ_TABLE = {
    Phase.OFF_SEASON: (2, 2, 1),
    Phase.TRANSITION: (2, 2, 1),
    Phase.BASE: (2, 2, 1),
    Phase.BUILD: (2, 1, 1),
    Phase.PEAK: (1, 1, 1),
    Phase.TAPER: (1, 1, 1),
    Phase.RACE_WEEK: (1, 1, 1),
    Phase.RECOVERY: (0, 0, 0),
    Phase.NO_RACE: (2, 1, 1),
}
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
    n = FREQ_TABLE[phase][_LEVEL_INDEX[level]]
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
    """Count and count sentence, first matching template in DOMAIN.md §8's order.

    Low recent compliance (most logged sessions skipped, see `Compliance.low`) keeps a count of
    2 or more at COMPLIANCE_CAP, with its own sentence; it never lowers a count of 1 or 0.
    """
    if illness:
        return Frequency(0, "illness")
    n = table_count(phase, volume.level, opt_in=opt_in, capped=beginner or in_ramp)
    if injury:
        return Frequency(n, "injury")
    recovering = post_race_in_week(week_start, races)
    a_race = next_a_race(week_start, races)
    if recovering is not None and phase is Phase.RACE_WEEK and recovering == a_race:
        recovering = None  # the week leads up to this A race: race_week_a speaks for it
    if recovering is not None:
        until = recovering.day + timedelta(days=recovery_days(recovering))
        words = DISTANCE_WORDS[distance_class(recovering.distance_km)]
        values = {"date": until, "days": recovery_days(recovering), "distance": words}
        return Frequency(n, "post_race", values)
    if phase is Phase.RACE_WEEK and a_race is not None:
        return Frequency(1, "race_week_a", {"race_name": a_race.name, "race_date": a_race.day})
    if phase is Phase.TAPER and a_race is not None:
        return Frequency(n, "taper", {"race_name": a_race.name, "race_date": a_race.day})
    if compliance is not None and compliance.low and n > D.COMPLIANCE_CAP:
        values = {
            "table_n": {2: "two", 3: "three"}.get(n, str(n)),
            "skipped": compliance.skipped,
            "logged": compliance.skipped + compliance.done,
            "weeks": compliance.weeks,
        }
        return Frequency(D.COMPLIANCE_CAP, "freq_compliance", values)
    if volume.level is VolumeLevel.HIGH and volume.ratio:
        return Frequency(n, "freq_high_volume", {"pct": round((volume.ratio - 1) * 100)})
    if volume.level is VolumeLevel.LOW and n >= 2 and volume.ratio is not None:
        values = {
            "n": n,
            "recent_min": round(volume.recent_min or 0),
            "typical_min": round(volume.typical_min or 0),
            "pct": round((1 - volume.ratio) * 100),
        }
        return Frequency(n, "freq_low_volume", values)
    if phase is Phase.BASE and n == 2 and a_race is not None:
        weeks = (a_race.day - week_start).days // 7
        return Frequency(n, "phase_base", {"weeks_to_race": weeks, "race_name": a_race.name})
    if phase is Phase.NO_RACE and n == 1:
        return Frequency(n, "freq_baseline")
    return Frequency(n, "phase_line", {"count": count_words(n), "line": _lower(PHASE_LINES[phase])})


def _lower(line: str) -> str:
    return line[0].lower() + line[1:]
