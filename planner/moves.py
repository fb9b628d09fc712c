"""A session moved by hand obeys the same hard rules as a planned one (DOMAIN.md §5).

A move onto a day where rule 1 allows no strength at all (an A or B race day, the day before an
A race, the recovery days after a race) is refused with the reason. A move onto a day that rule 1
or 2 limits (72 h before an A race, 48 h before a B race, the day before a long run or key
workout, the long-run day) keeps the session as upper body + core and says so. A move within
48 h of another session, or onto a day the runner did not mark available, goes ahead after a
warning. A move into the six days before an A race that already hold a session is refused too:
the race week has at most one light session (§4.2, part of rule 1).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from planner import defaults as D
from planner.days import week_days
from planner.explain import day_label, days_words, render
from planner.inputs import PlanInputs, log_day
from planner.model import DayType, LogStatus, Priority, Race, SessionLog
from planner.placement import DayRule
from planner.season import monday, recovery_days


class MoveOutcome(StrEnum):
    OK = "ok"
    WARNED = "warned"  # allowed, with a warning the runner sees first
    UPPER_CORE = "upper_core"  # allowed as upper body + core only
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class MoveVerdict:
    outcome: MoveOutcome
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return self.outcome is not MoveOutcome.REFUSED

    @property
    def lower_body(self) -> bool:
        return self.outcome in (MoveOutcome.OK, MoveOutcome.WARNED)


def day_rule_for_move(inputs: PlanInputs, day: date) -> DayRule:
    """Rules 1 and 2 for `day` (availability is the runner's own choice when moving by hand)."""
    days = week_days(monday(day), inputs.history, inputs.profile, inputs.races, inputs.today)
    return days.any_day_rule_for(day)


def _refusal(rule: DayRule) -> str:
    label = day_label(rule.day)
    race = rule.race
    if rule.day_type is DayType.RACE and race is not None and race.day == rule.day:
        return f"{label} is race day ({race.name}): no strength on a race day."
    if rule.limit == "recovery" and race is not None:
        until = race.day + timedelta(days=recovery_days(race))
        return (
            f"{label} is one of the recovery days after {race.name}: no strength while your "
            f"legs recover, through {day_label(until)}."
        )
    if race is not None:
        return f"{label} is the day before {race.name}: no strength the day before an A race."
    return f"{label} allows no strength session."


def _downgrade(rule: DayRule) -> str:
    if rule.limit == "day_before" and rule.next_run:
        return render("place_downgraded", day=rule.day, next_run=rule.next_run)
    if rule.limit == "long_run":
        return (
            f"{day_label(rule.day)} holds your long run, so this one is upper body and core only."
        )
    if rule.race is not None:
        away = days_words((rule.race.day - rule.day).days)
        return f"{rule.race.name} is {away} away, so this one is upper body and core only."
    return f"{day_label(rule.day)} is upper body and core only."


def _other_session_days(inputs: PlanInputs, moved: date, to: date) -> list[date]:
    """Days of the other sessions near `to`: logged ones and the plan of the weeks around it."""
    from planner.plan import plan_weeks  # the plan imports this module's judgement of logs

    plans = plan_weeks(inputs, start=monday(to) - timedelta(days=7), weeks=3)
    days = {
        d.day
        for w in plans
        for d in w.days
        if d.strength is not None and d.strength.status != "skipped" and d.day != moved
    }
    return sorted(days)


def race_week_held(
    races: tuple[Race, ...], to: date, others: list[date]
) -> tuple[Race, date] | None:
    """The A race whose D-6..D-1 holds `to` and already one of the `others`, with that day."""
    window = max(D.RACE_WEEK_LIGHT_DAYS)
    for race in races:
        if race.priority is not Priority.A or not 0 < (race.day - to).days <= window:
            continue
        held = [d for d in others if 0 < (race.day - d).days <= window]
        if held:
            return race, held[0]
    return None


def _race_week_refusal(race: Race, held: date) -> str:
    return (
        f"{race.name} is an A race and its last six days already hold a session on "
        f"{day_label(held)}: the race week has one light session at most."
    )


def judge_move(inputs: PlanInputs, *, planned_day: date, to: date) -> MoveVerdict:
    """What happens if the session planned on `planned_day` is moved to `to`."""
    rule = day_rule_for_move(inputs, to)
    if not rule.any_ok:
        return MoveVerdict(MoveOutcome.REFUSED, _refusal(rule))
    others = _other_session_days(inputs, planned_day, to)
    crowded = race_week_held(inputs.races, to, others)
    if crowded is not None:
        return MoveVerdict(MoveOutcome.REFUSED, _race_week_refusal(*crowded))
    if not rule.lower_ok:
        return MoveVerdict(MoveOutcome.UPPER_CORE, _downgrade(rule))
    gap = D.MIN_GAP_STRENGTH // 24
    close = [d for d in others if abs((d - to).days) < gap]
    if close:
        return MoveVerdict(
            MoveOutcome.WARNED,
            f"{day_label(to)} is within {D.MIN_GAP_STRENGTH} h of your session on "
            f"{day_label(close[0])}; sessions that close leave the legs no day to recover.",
        )
    available = inputs.profile.strength_weekdays
    if available and to.weekday() not in available:
        return MoveVerdict(
            MoveOutcome.WARNED, f"{day_label(to)} is not one of the days you marked for strength."
        )
    return MoveVerdict(MoveOutcome.OK)


def kept_moves(inputs: PlanInputs) -> tuple[SessionLog, ...]:
    """The logs as the plan uses them: a move onto a day that allows no strength, or into an A
    race's last six days that already hold a logged session, is not kept (the session stays
    planned as if never moved); a move onto a limited day is upper body + core. Moves recorded
    through `judge_move` never need this; older records might."""
    out = []
    for lg in inputs.logs:
        if lg.status is LogStatus.MOVED and lg.moved_to is not None:
            rule = day_rule_for_move(inputs, log_day(lg))
            if not rule.any_ok or _crowds_race_week(inputs, lg, out):
                continue
            if not rule.lower_ok and lg.lower_body:
                lg = replace(lg, lower_body=False)
        out.append(lg)
    return tuple(out)


def _crowds_race_week(inputs: PlanInputs, move: SessionLog, kept: list[SessionLog]) -> bool:
    """A move into an A race's D-6..D-1 that already holds a done session or a kept move."""
    others = [
        log_day(lg)
        for lg in (*kept, *(x for x in inputs.logs if x.status is LogStatus.DONE))
        if lg is not move and lg.status is not LogStatus.SKIPPED
    ]
    return race_week_held(inputs.races, log_day(move), others) is not None
