"""One placed day becomes one session: block, dose, intensity and the reason for them.

DOMAIN.md §4.2-§4.4 and §6: taper and race-week sessions are light, the first session after a
race is light, return ramps cap effort, beginners learn with lighter weights, injury keeps legs
out. The exercises themselves come from `content.build_session`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from planner import defaults as D
from planner.content import (
    BEGINNER_1,
    BEGINNER_2,
    BEGINNER_SHORT,
    DEVELOPMENT,
    MAINTENANCE,
    RACE_LIGHT,
    TAPER,
    Dose,
    SessionSpec,
    build_session,
    halved,
    ramp_dose,
)
from planner.experience import Experience
from planner.explain import day_label, days_words, render
from planner.model import DayType, Intensity, LogStatus, Phase, Priority, Profile, Race, SessionLog
from planner.placement import DayRule
from planner.season import next_a_race, recovery_days

DEVELOPMENT_PHASES = {Phase.OFF_SEASON, Phase.TRANSITION, Phase.BASE, Phase.NO_RACE}
# §6.1: the other of squat/hinge only in development (and a beginner's learning blocks there)
THREE_LIFT_DOSES = {"development", "beginner_1", "beginner_2"}
AFTER_RACE = "after_race"
PLACE_WHY = {
    DayType.KEY: f"after your key workout; lift at least {D.SAME_DAY_GAP} h after the run",
    DayType.EASY: "after an easy run",
    DayType.REST: "a day without hard running",
    DayType.STRENGTH: "a day without hard running",
}


def _first_after_race(day: date, races: Sequence[Race], leg_days: Sequence[date]) -> Race | None:
    """The A/B race this is the first leg session after (§4.2), if any.

    Only sessions that loaded the legs use up the light return: an upper-body session in between
    does not. After BREAK_SHORT days past the recovery the return ramp (§4.3) takes over.
    """
    for r in races:
        if r.priority is Priority.C:
            continue
        window = timedelta(days=recovery_days(r) + D.BREAK_SHORT)
        if r.day < day <= r.day + window and not any(r.day < d < day for d in leg_days):
            return r
    return None


def _exercise_history(logs: Sequence[SessionLog], before: date):
    rows = []
    for lg in sorted(logs, key=lambda x: x.planned_day):
        if lg.status is not LogStatus.DONE or lg.planned_day >= before:
            continue
        per_ex: dict[str, list[tuple[float | None, int | None]]] = {}
        for ex_id, kg, reps in lg.exercise_results:
            per_ex.setdefault(ex_id, []).append((kg, reps))
        rows.extend(per_ex.items())
    return rows


def _base_dose(phase: Phase, exp: Experience) -> Dose:
    learning, loading = D.BEGINNER_BLOCKS
    if exp.beginner and exp.beginner_week is not None and exp.beginner_week <= loading:
        return BEGINNER_1 if exp.beginner_week <= learning else BEGINNER_2
    return DEVELOPMENT if phase in DEVELOPMENT_PHASES else MAINTENANCE


def _block_text(base: Dose, upper_core: bool) -> str:
    """The development or maintenance sentence; an upper-body session speaks of its own sets."""
    sets, reps = base.heavy if upper_core else base.lower
    name = f"{base.name}_upper" if upper_core else base.name
    return render(name, sets=sets, reps=reps, rpe=base.rpe)


def _dose_and_reason(rule, phase, exp, races, day, leg_days, upper_core):
    base = _base_dose(phase, exp)
    a_race = next_a_race(day, races)
    race = rule.race if rule.light == "race_week" else a_race
    if race is not None and 0 < (race.day - day).days <= max(D.RACE_WEEK_LIGHT_DAYS):
        text = render("race_week_light", race_name=race.name, days_to_race=(race.day - day).days)
        return Intensity.LIGHT, RACE_LIGHT, text
    if phase is Phase.TAPER and a_race is not None:
        return Intensity.LIGHT, TAPER, render("taper_session", race_name=a_race.name)
    light_rpe = f"≤ {D.AFTER_RACE_RPE_MAX}"
    if (race := _first_after_race(day, races, leg_days)) is not None:
        return (
            Intensity.LIGHT,
            halved(base, light_rpe, AFTER_RACE),
            render("after_race_light", race_name=race.name),
        )
    if rule.light == "b_race" and rule.race is not None:
        return (
            Intensity.LIGHT,
            halved(base, light_rpe, "b_race"),
            render("b_race_light", race_name=rule.race.name),
        )
    if exp.ramp_week is not None:
        gap = exp.ramp_gap_days if exp.ramp_gap_days is not None else f"over {D.BREAK_LONG}"
        return (
            Intensity.LIGHT,
            ramp_dose(base, exp.ramp_week),
            render(
                "return_ramp",
                rpe_max=D.RAMP_RPE[exp.ramp_week - 1],
                gap_days=gap,
                date=exp.ramp_until,
            ),
        )
    if base in (BEGINNER_1, BEGINNER_2):
        k = exp.beginner_week or 1
        learning, loading = D.BEGINNER_BLOCKS
        text = render("beginner", k=min(k, learning), weeks_left=max(0, loading + 1 - k))
        return Intensity.FULL, base, text
    return Intensity.FULL, base, _block_text(base, upper_core)


def _plyo(exp: Experience, dose: Dose) -> tuple[int, int] | None:
    """Jumps for the session: the A-race light session keeps to <= 20 T1 contacts (§4.2, §6.4),
    also when it falls in the week before the race week, whose own jumps may be higher."""
    if exp.plyo is None or dose is not RACE_LIGHT:
        return exp.plyo
    return D.PLYO_TIERS["race"], min(exp.plyo[1], D.PLYO_CONTACTS["race"])


def _place_sentence(rule: DayRule, upper_core: bool) -> str:
    if upper_core and rule.limit == "day_before" and rule.next_run:
        return render("place_downgraded", day=rule.day, next_run=rule.next_run)
    if upper_core and rule.limit == "long_run":
        return (
            f"{day_label(rule.day)} holds your long run, so this one is upper body and core only."
        )
    if upper_core and rule.race is not None:
        days = (rule.race.day - rule.day).days
        away = days_words(days)
        return f"{rule.race.name} is {away} away, so this one is upper body and core only."
    why = PLACE_WHY.get(rule.day_type, "a day without hard running")
    return render("place_best_day", day=rule.day, why=why)


def session_for_slot(
    *,
    key: str,
    day: date,
    rule: DayRule,
    upper_core: bool,
    variant: str,
    phase: Phase,
    exp: Experience,
    profile: Profile,
    races: Sequence[Race],
    resources,
    logs: Sequence[SessionLog],
    leg_days: Sequence[date],
    status: str,
    short: bool = False,
):
    """The session for one placed day, with one sentence for where and one for how."""
    intensity, dose, dose_text = _dose_and_reason(
        rule, phase, exp, races, day, leg_days, upper_core
    )
    if short and dose is BEGINNER_1:  # §4.4 the beginner's second session on request
        dose, dose_text = BEGINNER_SHORT, render("beginner_short", minutes=BEGINNER_SHORT.minutes)
    if profile.injury:
        intensity, dose_text = Intensity.MOBILITY, render("injury_session")
    elif upper_core:
        intensity = Intensity.UPPER_CORE
    reason = f"{_place_sentence(rule, upper_core)} {dose_text}"
    spec = SessionSpec(
        key=key,
        day=day,
        variant=variant,
        intensity=intensity,
        dose=dose,
        reason=reason,
        equipment=profile.equipment,
        max_level=exp.max_level,
        single_leg=exp.single_leg,
        plyo=None if _first_after_race(day, races, leg_days) else _plyo(exp, dose),
        third_leg_lift=phase in DEVELOPMENT_PHASES and dose.name in THREE_LIFT_DOSES,
    )
    session = build_session(spec, resources.library, _exercise_history(logs, day))
    if status != "planned":
        session = replace(session, status=status)
    return session
