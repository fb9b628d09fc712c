"""The sentences around a week's count: the facts it used and what the runner did.

The count sentence itself comes from `frequency` (DOMAIN.md §8 template ids); this adds the
facts behind it (recent against usual running in km and minutes, weeks to the next A race) and,
for weeks that have started, how many sessions were done and skipped. The planner's count stays
the count it decided, so a past week never reads "One session" next to a different number.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from planner.explain import render
from planner.history import LoadHistory
from planner.model import Race, WeekLoad
from planner.season import monday, next_a_race
from planner.volume import VolumeFacts


def km_at_pace(minutes: float | None, km_per_minute: float | None) -> float | None:
    """Minutes shown as km at the runner's usual pace (DOMAIN.md §9 converts the same way)."""
    if minutes is None or km_per_minute is None:
        return None
    return round(minutes * km_per_minute, 1)


def done_counts(
    week_start: date, today: date, placed, load: WeekLoad
) -> tuple[int | None, int | None, str]:
    """What the runner did in a week that has started: done (logged or recorded), skipped."""
    if week_start > today:
        return None, None, ""
    skipped = sum(1 for p in placed if p.logged and p.status == "skipped")
    logged_done = sum(1 for p in placed if p.logged and p.status == "done")
    done = max(logged_done, load.strength_sessions)
    past = week_start + timedelta(days=6) < today
    if not past and not done and not skipped:
        return done, skipped, ""  # nothing yet this week: nothing to say
    key = ("week_done" if past else "week_so_far") + ("_skipped" if skipped else "")
    return done, skipped, render(key, done=done, skipped=skipped)


def weeks_to_a_race(week_start: date, races: Sequence[Race]) -> int | None:
    race = next_a_race(week_start, races)
    return None if race is None else (monday(race.day) - week_start).days // 7


def _amount(minutes: float, km: float | None) -> str:
    return f"{km:g} km ({minutes:.0f} min)" if km else f"{minutes:.0f} min"


FACTS_FOR = {
    "freq_low_volume",
    "freq_high_volume",
    "freq_baseline",
    "phase_base",
    "phase_line",
    "freq_compliance",
}


def facts_sentence(
    reason_id: str,
    volume: VolumeFacts,
    history: LoadHistory,
    week_start: date,
    races: Sequence[Race],
) -> str:
    """The facts behind a volume- or phase-driven count: recent vs usual running, next A race."""
    if reason_id not in FACTS_FOR:
        return ""
    parts = []
    pace = history.km_per_minute(week_start)
    if reason_id == "freq_low_volume":  # minutes are in the count sentence already
        recent, typical = (km_at_pace(m, pace) for m in (volume.recent_min, volume.typical_min))
        if recent and typical:
            parts.append(render("facts_volume_km", recent_km=recent, typical_km=typical))
    elif volume.basis == "recent_vs_typical" and volume.recent_min is not None:
        parts.append(
            render(
                "facts_volume",
                recent=_amount(volume.recent_min, km_at_pace(volume.recent_min, pace)) + " a week",
                typical=_amount(volume.typical_min, km_at_pace(volume.typical_min, pace)),
            )
        )
    race = next_a_race(week_start, races)
    if reason_id != "phase_base":
        if race is not None:
            weeks = weeks_to_a_race(week_start, races)
            away = "1 week" if weeks == 1 else f"{weeks} weeks"
            parts.append(render("facts_race", race_name=race.name, weeks_away=away))
        elif parts:
            parts.append(render("facts_no_race"))
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."
