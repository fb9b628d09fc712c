"""Plan strength for one or more weeks: the planner's entry point.

Inputs: one `PlanInputs` (history, profile, races, session logs, today, library and checklist
templates). Output: `WeekPlan`s. Weeks are planned in order so spacing and A/B alternation carry
across weeks. Each week goes through the same named steps: what the week is (`week_context`),
where its sessions go (`place_week`), the reason sentence, the sessions' content, the days with
their checklists, and the facts behind the reason.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from planner import defaults as D
from planner.checklists import day_checklist
from planner.experience import rotation_frozen
from planner.explain import day_label, render
from planner.history import week_load
from planner.inputs import Carry, PlanInputs, PlanResources, log_day
from planner.model import (
    DayPlan,
    DayType,
    Intensity,
    LogStatus,
    Phase,
    StrengthSession,
    WeekFacts,
    WeekPlan,
)
from planner.moves import kept_moves
from planner.season import monday, next_a_race
from planner.sessions import session_for_slot
from planner.week_context import WEEK, WeekContext, week_context
from planner.week_notes import done_counts, facts_sentence, km_at_pace, weeks_to_a_race
from planner.week_sessions import Placement, place_week

LEG_INTENSITIES = (Intensity.FULL, Intensity.LIGHT)
__all__ = ["Carry", "PlanInputs", "PlanResources", "carry_after", "plan_week", "plan_weeks"]


def plan_weeks(inputs: PlanInputs, *, start: date, weeks: int) -> list[WeekPlan]:
    """`weeks` consecutive weeks from the Monday of `start`.

    Weeks are planned in a chain that starts the week before the current one (or before `start`
    if that is earlier), so spacing and A/B alternation carry over and a future week looks the
    same whether it is planned alone or as part of a longer view.
    """
    inputs = replace(inputs, logs=kept_moves(inputs))
    first = monday(start)
    week = min(first, monday(inputs.today)) - WEEK
    carry = _initial_carry(inputs, week + WEEK)
    while week < first:
        carry = carry_after(plan_week(inputs, week, carry), carry)
        week += WEEK
    out = []
    for k in range(weeks):
        plan = plan_week(inputs, first + k * WEEK, carry)
        carry = carry_after(plan, carry)
        out.append(plan)
    return out


def _initial_carry(inputs: PlanInputs, first: date) -> Carry:
    before = sorted(
        (
            lg
            for lg in inputs.logs
            if lg.status is not LogStatus.SKIPPED and log_day(lg) < first - WEEK
        ),
        key=log_day,
    )
    variant = next((lg.variant for lg in reversed(before) if lg.variant), None)
    return Carry(tuple(log_day(lg) for lg in before[-2:]), variant)


def carry_after(plan: WeekPlan, previous: Carry) -> Carry:
    sessions = [d.strength for d in plan.days if d.strength and d.strength.status != "skipped"]
    legs = tuple(s.day for s in sessions if s.intensity in LEG_INTENSITIES)
    if not sessions:
        return replace(previous)
    single_leg, single_leg_day = next(
        (
            (e.id, s.day)
            for s in reversed(sessions)
            for e in s.exercises
            if e.pattern == "single-leg"
        ),
        (previous.single_leg, previous.single_leg_day),
    )
    days = tuple(s.day for s in sessions)
    return Carry(days, sessions[-1].variant, legs or previous.leg_days, single_leg, single_leg_day)


def _keep_single_leg(inputs: PlanInputs, ctx: WeekContext, carry: Carry) -> WeekContext:
    """Nothing new near an A race (§6.1): a week where the rotation is frozen keeps the
    single-leg exercise last done, also when the rotation moved on in weeks that held no
    session (recovery after an earlier race, days not available). When no single-leg exercise
    was done in the 6 weeks before every day of the week (the last one was longer ago), the week
    has none: any would be new."""
    if carry.single_leg is None or not rotation_frozen(ctx.week_start, inputs.races):
        return ctx
    since = ctx.week_start + timedelta(days=6) - D.DONE_BEFORE_TAPER_WEEKS * WEEK
    if carry.single_leg_day is not None and carry.single_leg_day < since:
        return replace(ctx, exp=replace(ctx.exp, single_leg=()))
    single_leg = (carry.single_leg, *ctx.exp.single_leg)
    return replace(ctx, exp=replace(ctx.exp, single_leg=single_leg))


def plan_week(inputs: PlanInputs, week_start: date, carry: Carry | None = None) -> WeekPlan:
    """One week: phase, level, count with its reason, placed sessions, day checklists."""
    carry = carry or Carry()
    ctx = _keep_single_leg(inputs, week_context(inputs, week_start), carry)
    placement = place_week(inputs, ctx, carry)
    reason_id, values, reason = week_reason(inputs, ctx, placement)
    sessions = fill_sessions(inputs, ctx, placement, carry)
    load = week_load(inputs.history, ctx.week_start)
    done, skipped, note = done_counts(ctx.week_start, inputs.today, placement.placed, load)
    return WeekPlan(
        week_start=ctx.week_start,
        phase=ctx.phase,
        volume_level=ctx.volume.level,
        strength_sessions=placement.fits,
        reason=reason,
        days=week_day_plans(inputs, ctx, sessions),
        load=load,
        facts=week_facts(inputs, ctx, reason_id, values),
        sessions_done=done,
        sessions_skipped=skipped,
        done_note=note,
    )


def week_reason(
    inputs: PlanInputs, ctx: WeekContext, placement: Placement
) -> tuple[str, dict[str, object], str]:
    """The count sentence (§8 order) and the notes that follow it."""
    notes, n, n_fit = placement.notes, ctx.n, placement.fits
    reason_id, values = ctx.freq.reason_id, dict(ctx.freq.values)
    if reason_id == "race_week_a":
        reason_id = _race_week_day(inputs, ctx, placement, values)
    reason = render(reason_id, **values)
    if ctx.future:
        reason = f"{reason[:-1]} {render('future_week', today=inputs.today)}."
    no_legs = no_leg_day(inputs, ctx, placement)
    if no_legs:
        reason += " " + no_legs
    lowered = n_fit < n and reason_id not in ("race_week_none", "race_week_past", "illness")
    if lowered and not notes.get("early_day"):
        template = "count_lowered" if n_fit else "count_none_fit"
        reason += " " + render(template, n=n_fit, why=_why_fewer(inputs, ctx, placement))
    if notes.get("light_day"):  # next week's A-race light session falls in this week
        race = next_a_race(ctx.week_start, inputs.races)
        reason += " " + render(
            "race_week_a",
            day=notes["light_day"],
            race_name=race.name if race else "your race",
            days_to_race=notes["light_days_to_race"],
        )
    if ctx.short_second and n_fit == n:
        reason += " " + render("beginner_second")
        active = [p for p in placement.active if not p.logged]
        if active:
            active[-1].short = True
    facts = facts_sentence(reason_id, ctx.volume, inputs.history, ctx.week_start, inputs.races)
    if facts:
        reason += " " + facts
    return reason_id, values, reason


def _race_week_day(
    inputs: PlanInputs, ctx: WeekContext, placement: Placement, values: dict[str, object]
) -> str:
    """Name the day that holds the A-race week's light session (where it really is, also after
    a move); "race_week_none" when no day holds one."""
    race = next_a_race(ctx.week_start, inputs.races)
    notes = placement.notes
    here = [p.day for p in placement.active if race and (race.day - p.day).days > 0]
    if here:
        values.update(day=here[-1], days_to_race=(race.day - here[-1]).days)
    elif notes.get("early_day"):  # the light session went into last week (§4.2)
        label = f"{day_label(notes['early_day'])} (last week)"
        values.update(day=label, days_to_race=notes["early_days_to_race"])
    elif notes.get("unseen_past"):
        return "race_week_past"
    else:
        return "race_week_none"
    return "race_week_a"


def no_leg_day(inputs: PlanInputs, ctx: WeekContext, placement: Placement) -> str:
    """§5 `place_no_leg_day`: the available days leave the legs nothing this week; name a
    weekday that would work. Empty when the legs have a day or the week wants none."""
    available = inputs.profile.strength_weekdays
    active = placement.active
    if (
        not available
        or not active
        or any(not p.upper_core for p in active)
        or ctx.phase in (Phase.RACE_WEEK, Phase.RECOVERY)
        or ctx.freq.reason_id in ("injury", "illness", "post_race")
    ):
        return ""
    open_days = [r for r in ctx.days.rules if r.any_ok]
    if not open_days or any(r.limit not in ("day_before", "long_run") for r in open_days):
        return ""
    others = [r for r in ctx.days.any_day_rules if r.lower_ok and r.day.weekday() not in available]
    if not others:
        return ""
    best = max(others, key=lambda r: (r.score, -r.day.toordinal()))
    days = ", ".join(f"{d:%a}" for d in (ctx.week_start + timedelta(days=k) for k in available))
    return render("place_no_leg_day", days=days, suggestion=f"{best.day:%A}")


def _why_fewer(inputs: PlanInputs, ctx: WeekContext, placement: Placement) -> str:
    if placement.notes.get("unseen_past"):
        return render("why_unseen_past", day=inputs.today)
    if any(t is DayType.POST_RACE for t in ctx.days.types.values()):
        return "the days after the race stay free of strength"
    if ctx.phase in (Phase.TAPER, Phase.RACE_WEEK):
        return "the days before the race stay free of heavy leg work"
    return "the other days are too close to a session, a race or outside your available days"


def fill_sessions(
    inputs: PlanInputs, ctx: WeekContext, placement: Placement, carry: Carry
) -> dict[date, StrengthSession]:
    """Give every placed day its session, keys stable per slot, variants alternating."""
    used_keys = {lg.session_key for lg in inputs.logs if lg.session_key}
    counter = iter(range(1, 50))
    first, second = D.SESSION_ALTERNATION
    variant = carry.last_variant or (first if (ctx.week_start.toordinal() // 7) % 2 else second)
    leg_days = [
        *(p.day for p in placement.active if not p.upper_core),
        *carry.leg_days,
        *(log_day(lg) for lg in inputs.logs if lg.status is LogStatus.DONE and lg.lower_body),
    ]
    out: dict[date, StrengthSession] = {}
    for p in placement.placed:
        key = p.key
        if key is None:
            prefix = ctx.week_start.isoformat()
            key = next(k for i in counter if (k := f"{prefix}#{i}") not in used_keys)
            used_keys.add(key)
        if p.status != "skipped":
            variant = p.variant or (second if variant == first else first)
        out[p.day] = session_for_slot(
            key=key,
            day=p.day,
            rule=p.rule or ctx.days.rule_for(p.day),
            upper_core=p.upper_core,
            variant=p.variant or variant,
            phase=ctx.phase,
            exp=ctx.exp,
            profile=inputs.profile,
            races=inputs.races,
            resources=inputs.resources,
            logs=inputs.logs,
            leg_days=leg_days,
            status=p.status,
            short=p.short,
        )
    return out


def week_day_plans(
    inputs: PlanInputs, ctx: WeekContext, sessions: dict[date, StrengthSession]
) -> tuple[DayPlan, ...]:
    """The seven days as shown: day type, activities, session, checklist, race."""
    days = []
    for k in range(7):
        day = ctx.week_start + timedelta(days=k)
        session = sessions.get(day)
        run_type = ctx.days.types[day]
        shown_type = DayType.STRENGTH if session and run_type is DayType.REST else run_type
        lifting = session is not None and session.status != "skipped"
        days.append(
            DayPlan(
                day=day,
                day_type=shown_type,
                activities=ctx.days.activities.get(day, ()),
                strength=session,
                checklist=day_checklist(
                    inputs.resources.checklists, day, run_type, lifting, inputs.races
                ),
                race=next((r for r in inputs.races if r.day == day), None),
            )
        )
    return tuple(days)


def week_facts(
    inputs: PlanInputs, ctx: WeekContext, reason_id: str, values: dict[str, object]
) -> WeekFacts:
    """The numbers behind the week's reason, for programs and the printed sheet."""
    history, volume, heart = inputs.history, ctx.volume, inputs.history.heart
    pace = history.km_per_minute(ctx.week_start)
    return WeekFacts(
        reason_id=reason_id,
        reason_values=values,
        planned_count=ctx.freq.n,
        recent_min=volume.recent_min,
        typical_min=volume.typical_min,
        volume_ratio=volume.ratio,
        volume_basis=volume.basis,
        recent_run_km=km_at_pace(volume.recent_min, pace),
        typical_run_km=km_at_pace(volume.typical_min, pace),
        weeks_to_a_race=weeks_to_a_race(ctx.week_start, inputs.races),
        compliance_done=ctx.compliance.done,
        compliance_skipped=ctx.compliance.skipped,
        day_types_source=ctx.days.source,
        beginner_week=ctx.exp.beginner_week,
        ramp_week=ctx.exp.ramp_week,
        plyometrics=ctx.exp.plyo,
        hr_max=heart.hr_max,
        hr_max_source=heart.max_source,
        hr_rest=heart.hr_rest,
        hr_rest_source=heart.rest_source,
        hr_max_to_confirm=heart.suspect_max,
        future_week=ctx.future,
    )
