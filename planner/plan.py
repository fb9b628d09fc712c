"""Plan strength for one or more weeks: the planner's entry point.

Inputs: activities, profile, races, session logs, today (and the parsed library and checklist
templates). Output: `WeekPlan`s. Weeks are planned in order so spacing and A/B alternation carry
across weeks. Logged sessions stay where the runner put them; the rest of a week is re-planned
around them on the days still ahead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner import defaults as D
from planner.checklists import ChecklistTemplates, day_checklist
from planner.days import WeekDays, week_days
from planner.experience import experience_for_week, recent_compliance
from planner.explain import day_label, render
from planner.frequency import sessions_for_week
from planner.history import LoadHistory, build_history, week_load
from planner.library import Library
from planner.model import (
    Activity,
    DayPlan,
    DayType,
    LogStatus,
    Phase,
    Profile,
    Race,
    SessionLog,
    StrengthSession,
    WeekPlan,
)
from planner.placement import best_days, race_week_day
from planner.season import monday, next_a_race, week_phase
from planner.sessions import session_for_slot
from planner.week_notes import done_counts, facts_sentence, km_at_pace, weeks_to_a_race

WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class PlanResources:
    """The parsed exercise library and checklist templates (read from resources/ by the app)."""

    library: Library
    checklists: ChecklistTemplates


@dataclass(frozen=True, slots=True)
class Carry:
    """What one week hands to the next: session days (spacing) and the last variant."""

    session_days: tuple[date, ...] = ()
    last_variant: str | None = None


@dataclass(slots=True)
class _Placed:
    day: date
    session: StrengthSession | None
    status: str
    key: str | None = None
    variant: str | None = None
    logged: bool = False
    upper_core: bool = False
    extra: dict = field(default_factory=dict)


def plan_weeks(
    start: date,
    weeks: int,
    activities: Sequence[Activity],
    profile: Profile,
    races: Sequence[Race],
    logs: Sequence[SessionLog],
    today: date,
    resources: PlanResources,
    history: LoadHistory | None = None,
) -> list[WeekPlan]:
    """`weeks` consecutive weeks from the Monday of `start`.

    Weeks are planned in a chain that starts the week before the current one (or before `start`
    if that is earlier), so spacing and A/B alternation carry over and a future week looks the
    same whether it is planned alone or as part of a longer view.
    """
    history = history or build_history(activities, profile, today, logs=logs)
    first = monday(start)
    week = min(first, monday(today)) - WEEK
    carry = _initial_carry(week + WEEK, logs)
    while week < first:
        warm = plan_week(week, profile, races, logs, today, resources, history, carry)
        carry = carry_after(warm, carry)
        week += WEEK
    out = []
    for k in range(weeks):
        plan = plan_week(first + k * WEEK, profile, races, logs, today, resources, history, carry)
        carry = carry_after(plan, carry)
        out.append(plan)
    return out


def _initial_carry(first: date, logs: Sequence[SessionLog]) -> Carry:
    before = sorted(
        (lg for lg in logs if lg.status is not LogStatus.SKIPPED and _log_day(lg) < first - WEEK),
        key=_log_day,
    )
    variant = next((lg.variant for lg in reversed(before) if lg.variant), None)
    return Carry(tuple(_log_day(lg) for lg in before[-2:]), variant)


def carry_after(plan: WeekPlan, previous: Carry) -> Carry:
    sessions = [d.strength for d in plan.days if d.strength and d.strength.status != "skipped"]
    if not sessions:
        return Carry(previous.session_days, previous.last_variant)
    return Carry(tuple(s.day for s in sessions), sessions[-1].variant)


def _log_day(log: SessionLog) -> date:
    return log.moved_to if log.status is LogStatus.MOVED and log.moved_to else log.planned_day


def plan_week(
    week_start: date,
    profile: Profile,
    races: Sequence[Race],
    logs: Sequence[SessionLog],
    today: date,
    resources: PlanResources,
    history: LoadHistory,
    carry: Carry = Carry(),
) -> WeekPlan:
    """One week: phase, level, count with its reason, placed sessions, day checklists."""
    week_start = monday(week_start)
    races = tuple(races)
    phase = week_phase(week_start, races)
    volume = history.volume(week_start)
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
        compliance=compliance,
    )
    wd = week_days(week_start, history, profile, races, today)
    cross = _race_week_rules(week_start, phase, races, history, profile, today, wd)
    n = freq.n
    short_second = not cross and _beginner_second(profile, exp, phase, freq.reason_id, n)
    if short_second:
        n += 1
    placed, reason_values, n_fit = _place(
        week_start, phase, n, wd, races, logs, today, carry, cross
    )
    values = dict(freq.values)
    reason_id = freq.reason_id
    if reason_id == "race_week_a":
        if reason_values.get("early_day"):  # the light session went into last week (§4.2)
            label = f"{day_label(reason_values['early_day'])} (last week)"
            values.update(day=label, days_to_race=reason_values["early_days_to_race"])
        elif reason_values.get("day"):
            values.update(day=reason_values["day"], days_to_race=reason_values["days_to_race"])
        else:
            reason_id = "race_week_none"
    reason = render(reason_id, **values)
    lowered = n_fit < n and reason_id not in ("race_week_none", "illness")
    if lowered and not reason_values.get("early_day"):
        template = "count_lowered" if n_fit else "count_none_fit"
        reason += " " + render(template, n=n_fit, why=_why_fewer(wd, phase))
    if reason_values.get("light_day"):  # next week's A-race light session falls in this week
        race = next_a_race(week_start, races)
        reason += " " + render(
            "race_week_a",
            day=reason_values["light_day"],
            race_name=race.name if race else "your race",
            days_to_race=reason_values["light_days_to_race"],
        )
    if short_second and n_fit == n:
        reason += " " + render("beginner_second")
        active = [p for p in placed if p.status != "skipped" and not p.logged]
        if active:
            active[-1].extra["short"] = True
    facts = facts_sentence(reason_id, volume, history, week_start, races)
    if facts:
        reason += " " + facts
    sessions = _fill(placed, week_start, phase, exp, profile, races, logs, resources, wd, carry)
    days = []
    for k in range(7):
        day = week_start + timedelta(days=k)
        session = sessions.get(day)
        run_type = wd.types[day]
        shown_type = DayType.STRENGTH if session and run_type is DayType.REST else run_type
        days.append(
            DayPlan(
                day=day,
                day_type=shown_type,
                activities=wd.activities.get(day, ()),
                strength=session,
                checklist=day_checklist(
                    resources.checklists,
                    day,
                    run_type,
                    session is not None and session.status != "skipped",
                    races,
                ),
                race=next((r for r in races if r.day == day), None),
            )
        )
    load = week_load(history, week_start)
    done, skipped, note = done_counts(week_start, today, placed, load)
    facts = {
        "reason_id": reason_id,
        "reason_values": values,
        "planned_count": freq.n,
        "recent_min": volume.recent_min,
        "typical_min": volume.typical_min,
        "volume_ratio": volume.ratio,
        "volume_basis": volume.basis,
        "recent_run_km": km_at_pace(volume.recent_min, history.km_per_minute(week_start)),
        "typical_run_km": km_at_pace(volume.typical_min, history.km_per_minute(week_start)),
        "weeks_to_a_race": weeks_to_a_race(week_start, races),
        "compliance_done": compliance.done,
        "compliance_skipped": compliance.skipped,
        "day_types_source": wd.source,
        "beginner_week": exp.beginner_week,
        "ramp_week": exp.ramp_week,
        "plyometrics": exp.plyo,
        "hr_max": history.heart.hr_max,
        "hr_max_source": history.heart.max_source,
        "hr_rest": history.heart.hr_rest,
        "hr_rest_source": history.heart.rest_source,
        "hr_max_to_confirm": history.heart.suspect_max,
    }
    return WeekPlan(
        week_start=week_start,
        phase=phase,
        volume_level=volume.level,
        strength_sessions=n_fit,
        reason=reason,
        days=tuple(days),
        load=load,
        facts=facts,
        sessions_done=done,
        sessions_skipped=skipped,
        done_note=note,
    )


NO_SECOND_SESSION = {"post_race", "race_week_a", "taper", "illness"}


def _beginner_second(profile, exp, phase, reason_id, n) -> bool:
    """§4.4: beginner weeks 1-4 may add a short second session on request, never near races."""
    return (
        profile.beginner_second_session
        and exp.beginner
        and exp.beginner_week is not None
        and exp.beginner_week <= D.BEGINNER_BLOCKS[0]
        and exp.ramp_week is None
        and n == 1
        and phase not in (Phase.RACE_WEEK, Phase.TAPER, Phase.RECOVERY)
        and reason_id not in NO_SECOND_SESSION
    )


def _race_week_rules(week_start, phase, races, history, profile, today, wd):
    """The week before an A-race week: the day rules of both weeks, for the light session.

    DOMAIN.md §4.2 puts the race week's light session on D-6..D-4 even when those days fall in
    the calendar week before (an A race early in the week); placement needs both weeks' rules
    to pick the preferred day (D-5, then D-4, then D-6) across the boundary.
    """
    if phase in (Phase.RACE_WEEK, Phase.RECOVERY):
        return ()
    race = next_a_race(week_start, races)
    if race is None or monday(race.day) != week_start + WEEK or race.day.weekday() == 6:
        return ()
    there = week_days(week_start + WEEK, history, profile, races, today).rules
    return tuple(wd.rules) + tuple(there)


def _why_fewer(wd: WeekDays, phase: Phase) -> str:
    if any(t is DayType.POST_RACE for t in wd.types.values()):
        return "the days after the race stay free of strength"
    if phase in (Phase.TAPER, Phase.RACE_WEEK):
        return "the days before the race stay free of heavy leg work"
    return "the other days are too close to a session, a race or outside your available days"


def _place(week_start, phase, n, wd, races, logs, today, carry, cross=()):
    """Sessions for the week: logged ones kept, the rest placed on the days still open.

    Also returns how many sessions the week's rules allow at all (for the "only n fit" note).
    `cross`: in the week before an A-race week, both weeks' day rules; the race week's light
    session is added here when its best day falls in this week.
    """
    week_end = week_start + timedelta(days=6)
    in_week = [lg for lg in logs if week_start <= _log_day(lg) <= week_end]
    # moved to another week: it still counts here, and its old day stays free
    moved_out = [
        lg
        for lg in logs
        if lg.status is LogStatus.MOVED
        and week_start <= lg.planned_day <= week_end
        and not week_start <= _log_day(lg) <= week_end
    ]
    n -= len(moved_out)
    reason_values: dict[str, object] = {}
    rules = [r for r in wd.rules if r.day not in {lg.planned_day for lg in moved_out}]
    next_monday = week_end + timedelta(days=1)
    prev = [d for d in carry.session_days if d < week_start] + [
        _log_day(lg)
        for lg in logs
        if lg.status is not LogStatus.SKIPPED and _log_day(lg) == next_monday
    ]
    if phase is Phase.TAPER or cross:  # the week's own sessions stay >= 7 days out (§4.2)
        a_race = next_a_race(week_start, races)
        if a_race is not None:
            rules = [r for r in rules if (a_race.day - r.day).days >= D.A_LAST_TAPER_SESSION]
    ideal = _choose(phase, n, rules, races, week_start, prev, reason_values)
    light = _early_light(cross, races, week_start, [r.day for r in ideal] + prev)
    if light is not None:
        a_race = next_a_race(week_start, races)
        reason_values.update(light_day=light.day, light_days_to_race=(a_race.day - light.day).days)
        ideal = sorted([*ideal, light], key=lambda r: r.day)
        n += 1
    if not in_week and not moved_out and week_start >= today:
        return (
            [
                _Placed(r.day, None, "planned", upper_core=not r.lower_ok, extra={"rule": r})
                for r in ideal
            ],
            reason_values,
            len(ideal) + len(moved_out),
        )
    placed: list[_Placed] = []
    for lg in in_week:
        status = {"done": "done", "skipped": "skipped", "moved": "moved"}[lg.status.value]
        placed.append(
            _Placed(_log_day(lg), None, status, lg.session_key, lg.variant, True, not lg.lower_body)
        )
    taken = {p.day for p in placed}
    active = [p for p in placed if p.status != "skipped"]
    for r in ideal:
        if (
            r.day < today
            and r.day not in taken
            and len(active) < n
            and _spaced_ok(r.day, [p.day for p in active] + prev)
        ):
            p = _Placed(r.day, None, "planned", upper_core=not r.lower_ok, extra={"rule": r})
            placed.append(p)
            active.append(p)
    left = n - len(active)
    if left > 0:
        open_rules = [r for r in rules if r.day >= today and r.day not in taken]
        occupied = [p.day for p in active] + prev
        for r in _choose(phase, left, open_rules, races, week_start, occupied, reason_values):
            placed.append(
                _Placed(r.day, None, "planned", upper_core=not r.lower_ok, extra={"rule": r})
            )
    return sorted(placed, key=lambda p: p.day), reason_values, len(ideal) + len(moved_out)


def _early_light(cross, races, week_start, occupied):
    """The race week's light session when its best day (D-6..D-4, §4.2) is in this week."""
    if not cross:
        return None
    race = next_a_race(week_start, races)
    r = race_week_day(cross, race, occupied)
    if r is None or r.day >= week_start + WEEK:
        return None
    return r


def _spaced_ok(day: date, others: Sequence[date]) -> bool:
    return all(abs((day - d).days) >= 2 for d in others)


def _choose(phase, n, rules, races, week_start, occupied, reason_values):
    if n <= 0:
        return []
    if phase is Phase.RACE_WEEK:
        race = next_a_race(week_start, races)
        if race is not None:
            early = [d for d in occupied if d < week_start and 2 <= (race.day - d).days <= 6]
            if early:  # placed last week, on D-6..D-4 (or the D-3/D-2 fallback)
                reason_values.update(
                    early_day=early[-1], early_days_to_race=(race.day - early[-1]).days
                )
                return []
            r = race_week_day(rules, race, occupied)
            if r is None:
                return []
            reason_values.update(day=r.day, days_to_race=(race.day - r.day).days)
            return [r]
    return best_days(rules, n, occupied)


def _fill(placed, week_start, phase, exp, profile, races, logs, resources, wd, carry):
    """Give every placed day its session, keys stable per slot, variants alternating."""
    used_keys = {lg.session_key for lg in logs if lg.session_key}
    counter = iter(range(1, 50))
    variant = carry.last_variant or ("A" if (week_start.toordinal() // 7) % 2 else "B")
    all_days = [p.day for p in placed if p.status != "skipped"] + list(carry.session_days)
    out: dict[date, StrengthSession] = {}
    for p in placed:
        key = p.key
        if key is None:
            key = next(
                k for i in counter if (k := f"{week_start.isoformat()}#{i}") not in used_keys
            )
            used_keys.add(key)
        if p.status != "skipped":
            variant = p.variant or ("B" if variant == "A" else "A")
        rule = p.extra.get("rule") or wd.rule_for(p.day)
        session = session_for_slot(
            key=key,
            day=p.day,
            rule=rule,
            upper_core=p.upper_core,
            variant=p.variant or variant,
            phase=phase,
            exp=exp,
            profile=profile,
            races=races,
            resources=resources,
            logs=logs,
            all_days=all_days,
            status=p.status,
            short=p.extra.get("short", False),
        )
        out[p.day] = session
    return out
