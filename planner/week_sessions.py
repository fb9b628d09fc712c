"""Which days of one week hold a strength session, around what the runner logged.

Logged sessions stay where the runner put them; the rest of the week is placed on the days still
ahead by DOMAIN.md §5's rules and scores (`placement`). The A-race week's light session may fall
in the week before (§4.2); taper sessions stay at least 7 days before an A race.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner import defaults as D
from planner.inputs import Carry, PlanInputs, log_day
from planner.model import LogStatus, Phase, SessionLog
from planner.placement import DayRule, best_days, race_week_day
from planner.season import next_a_race
from planner.week_context import WEEK, WeekContext


@dataclass(slots=True)
class Placed:
    """One session's day, before its content is filled in."""

    day: date
    status: str  # planned, done, skipped, moved
    key: str | None = None
    variant: str | None = None
    logged: bool = False
    upper_core: bool = False
    rule: DayRule | None = None
    short: bool = False


@dataclass(slots=True)
class Placement:
    """The week's placed sessions and what the reason sentence needs to know about them."""

    placed: list[Placed]
    fits: int  # how many sessions the week's rules allow at all (for "only n fit")
    notes: dict[str, object] = field(default_factory=dict)

    @property
    def active(self) -> list[Placed]:
        return [p for p in self.placed if p.status != "skipped"]


def _moved_out(ctx: WeekContext, logs: Sequence[SessionLog]) -> list[SessionLog]:
    """Sessions planned in this week and moved to another: they still count here."""
    return [
        lg
        for lg in logs
        if lg.status is LogStatus.MOVED
        and ctx.week_start <= lg.planned_day <= ctx.week_end
        and not ctx.week_start <= log_day(lg) <= ctx.week_end
    ]


def _occupied_before(inputs: PlanInputs, ctx: WeekContext, carry: Carry) -> list[date]:
    """Session days outside the week that count for spacing (last week's, next Monday's)."""
    next_monday = ctx.week_end + timedelta(days=1)
    return [d for d in carry.session_days if d < ctx.week_start] + [
        log_day(lg)
        for lg in inputs.logs
        if lg.status is not LogStatus.SKIPPED and log_day(lg) == next_monday
    ]


def _open_rules(inputs: PlanInputs, ctx: WeekContext, moved_out: list[SessionLog]):
    rules = [r for r in ctx.days.rules if r.day not in {lg.planned_day for lg in moved_out}]
    if ctx.phase is Phase.TAPER or ctx.cross:  # the week's own sessions stay >= 7 days out
        a_race = next_a_race(ctx.week_start, inputs.races)
        if a_race is not None:
            rules = [r for r in rules if (a_race.day - r.day).days >= D.A_LAST_TAPER_SESSION]
    return rules


def place_week(inputs: PlanInputs, ctx: WeekContext, carry: Carry) -> Placement:
    """Sessions for the week: logged ones kept, the rest placed on the days still open."""
    logs = inputs.logs
    in_week = [lg for lg in logs if ctx.week_start <= log_day(lg) <= ctx.week_end]
    moved_out = _moved_out(ctx, logs)
    n = ctx.n - len(moved_out)
    notes: dict[str, object] = {}
    rules = _open_rules(inputs, ctx, moved_out)
    prev = _occupied_before(inputs, ctx, carry)
    ideal = choose_days(inputs, ctx, n, rules, prev, notes)
    light = _early_light(inputs, ctx, [r.day for r in ideal] + prev)
    if light is not None:
        a_race = next_a_race(ctx.week_start, inputs.races)
        notes.update(light_day=light.day, light_days_to_race=(a_race.day - light.day).days)
        ideal = sorted([*ideal, light], key=lambda r: r.day)
        n += 1
    fits = len(ideal) + len(moved_out)
    if not in_week and not moved_out and ctx.week_start >= inputs.today:
        return Placement([_planned(r) for r in ideal], fits, notes)
    placed = _one_per_day([_logged(lg) for lg in in_week])
    taken = {p.day for p in placed}
    active = [p for p in placed if p.status != "skipped"]
    for r in _past_sessions(inputs, ctx, ideal, notes):
        if r.day not in taken and spaced_ok(r.day, [p.day for p in active] + prev):
            if inputs.seen_days is None and len(active) >= n:
                continue
            p = _planned(r)
            placed.append(p)
            active.append(p)
    left = n - len(active)
    if left > 0:
        open_rules = [r for r in rules if r.day >= inputs.today and r.day not in taken]
        occupied = [p.day for p in active] + prev
        placed += [_planned(r) for r in choose_days(inputs, ctx, left, open_rules, occupied, notes)]
    if notes.get("unseen_past"):  # the days before the plan began count for nothing
        fits = min(fits, len([p for p in placed if p.status != "skipped"]) + len(moved_out))
    if light is not None and light.day not in {p.day for p in placed if p.status == "planned"}:
        notes.pop("light_day")  # logged sessions took the week: the reason must not name it
    return Placement(sorted(placed, key=lambda p: p.day), fits, notes)


def _past_sessions(
    inputs: PlanInputs, ctx: WeekContext, ideal: list[DayRule], notes: dict[str, object]
) -> list[DayRule]:
    """Days before today that keep a session not logged yet (§5 "Days already past").

    A session the runner has seen stays on its day and counts as done until it is answered.
    A day the runner never saw a session on gets none: the plan does not begin in the past.
    Without a record of what was seen, every past day counts as seen.
    """
    past = [r for r in ideal if r.day < inputs.today]
    if inputs.seen_days is None:
        return past
    if any(r.day not in inputs.seen_days for r in past):
        notes["unseen_past"] = True
    seen = [
        ctx.days.rule_for(d)
        for d in sorted(inputs.seen_days)
        if ctx.week_start <= d <= ctx.week_end and d < inputs.today
    ]
    return [r for r in seen if r.any_ok]


def _one_per_day(logged: list[Placed]) -> list[Placed]:
    """One record per day: a session done or moved there outranks a skipped one on that day,
    so the day shows what the runner did and the rest of the plan counts it."""
    by_day: dict[date, Placed] = {}
    for p in sorted(logged, key=lambda p: p.status != "skipped"):
        by_day[p.day] = p
    return list(by_day.values())


def _planned(rule: DayRule) -> Placed:
    return Placed(rule.day, "planned", upper_core=not rule.lower_ok, rule=rule)


def _logged(log: SessionLog) -> Placed:
    return Placed(
        log_day(log),
        log.status.value,
        log.session_key,
        log.variant,
        logged=True,
        upper_core=not log.lower_body,
    )


def _early_light(inputs: PlanInputs, ctx: WeekContext, occupied: list[date]) -> DayRule | None:
    """The race week's light session when its best day (D-6..D-4, §4.2) is in this week."""
    if not ctx.cross:
        return None
    race = next_a_race(ctx.week_start, inputs.races)
    if any(_in_race_week(race.day, log_day(lg)) for lg in _held(inputs.logs)):
        return None  # a logged session already holds the race week's one session
    r = race_week_day(ctx.cross, race, occupied)
    if r is None or r.day >= ctx.week_start + WEEK:
        return None
    return r


def _held(logs: Sequence[SessionLog]) -> list[SessionLog]:
    return [lg for lg in logs if lg.status is not LogStatus.SKIPPED]


def _in_race_week(race_day: date, day: date) -> bool:
    """D-6..D-1: the days that hold one session at most (§4.2)."""
    return 0 < (race_day - day).days <= max(D.RACE_WEEK_LIGHT_DAYS)


def _in_race_week_window(race_day: date, day: date) -> bool:
    """D-6..D-2: where an A race's light session may be (§4.2, with the D-3/D-2 fallback)."""
    days = (race_day - day).days
    return min(D.RACE_WEEK_FALLBACK_DAYS) <= days <= max(D.RACE_WEEK_LIGHT_DAYS)


def spaced_ok(day: date, others: Sequence[date]) -> bool:
    """Rule 3: at least MIN_GAP_STRENGTH between two sessions (one free calendar day)."""
    gap = D.MIN_GAP_STRENGTH // 24
    return all(abs((day - d).days) >= gap for d in others)


def choose_days(
    inputs: PlanInputs,
    ctx: WeekContext,
    n: int,
    rules: Sequence[DayRule],
    occupied: Sequence[date],
    notes: dict[str, object],
) -> list[DayRule]:
    """The best n days; an A-race week has at most its one light session (§4.2)."""
    if n <= 0:
        return []
    if ctx.phase is Phase.RACE_WEEK:
        race = next_a_race(ctx.week_start, inputs.races)
        if race is not None:
            early = [
                d for d in occupied if d < ctx.week_start and _in_race_week_window(race.day, d)
            ]
            if early:  # placed last week, on D-6..D-4 (or the D-3/D-2 fallback)
                notes.update(early_day=early[-1], early_days_to_race=(race.day - early[-1]).days)
                return []
            r = race_week_day(rules, race, occupied)
            if r is None:
                return []
            notes.update(day=r.day, days_to_race=(race.day - r.day).days)
            return [r]
    return best_days(rules, n, occupied)
