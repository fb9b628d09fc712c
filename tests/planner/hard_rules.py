"""DOMAIN.md's hard rules, checked on finished plans from the outside.

Written from the text of §4.2, §5 and §6.1 (and §8 for the reason sentences), not from the
planner's code: each check reads only the plans, the races, the profile and today, and returns
one line per broken rule naming the day. Used by the property test and the demo-year sweep.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from planner.model import (
    DayType,
    Intensity,
    Phase,
    Priority,
    Profile,
    Race,
    StrengthSession,
    WeekPlan,
)
from planner.season import recovery_days

LEG_PATTERNS = {"squat", "hinge", "single-leg"}
DEVELOPMENT = {Phase.OFF_SEASON, Phase.TRANSITION, Phase.BASE, Phase.NO_RACE}
RUN_BEFORE = {DayType.LONG, DayType.KEY, DayType.RACE}
T1 = {"pogo_hops", "skips"}


def leg_lifts(s: StrengthSession) -> list:
    return [e for e in s.exercises if e.pattern in LEG_PATTERNS]


def jumps(s: StrengthSession) -> list:
    return [e for e in s.exercises if e.pattern == "plyo" or "contacts" in e.load_hint]


def has_legs(s: StrengthSession) -> bool:
    return bool(leg_lifts(s) or jumps(s))


def contacts(s: StrengthSession) -> int:
    return sum(int(e.load_hint.split()[0]) for e in jumps(s))


def _top(reps: str | None) -> int | None:
    if not reps:
        return None
    numbers = re.findall(r"\d+", reps)
    return int(numbers[-1]) if numbers else None


def sessions_by_day(plans: Sequence[WeekPlan]) -> dict[date, tuple[WeekPlan, StrengthSession]]:
    return {
        d.day: (w, d.strength)
        for w in plans
        for d in w.days
        if d.strength is not None and d.strength.status != "skipped"
    }


def planned_by_day(plans: Sequence[WeekPlan]) -> dict[date, tuple[WeekPlan, StrengthSession]]:
    """Sessions the planner decided (planned, or moved by hand): a session logged as done is
    the runner's record of what happened and is not judged."""
    return {d: ws for d, ws in sessions_by_day(plans).items() if ws[1].status != "done"}


def _race_rules(day: date, s: StrengthSession, races: Sequence[Race]) -> list[str]:
    """§4.2 and §5 rule 1: race days, the day before an A race, recovery days, leg windows."""
    out = []
    for r in races:
        before = (r.day - day).days
        if r.priority is Priority.C:
            continue
        if before == 0:
            out.append(f"{day}: strength on {r.name}'s race day")
        if r.priority is Priority.A and before == 1:
            out.append(f"{day}: strength the day before A race {r.name}")
        if 0 < -before <= recovery_days(r):
            out.append(f"{day}: strength on a recovery day after {r.name}")
        if has_legs(s) and r.priority is Priority.A and before in (2, 3):
            out.append(f"{day}: legs within 72 h of A race {r.name}")
        if has_legs(s) and r.priority is Priority.B and before in (1, 2):
            out.append(f"{day}: legs within 48 h of B race {r.name}")
    return out


def _a_race_week(every, by_day, races: Sequence[Race]) -> list[str]:
    """§4.2: at most one session in D-6..D-1 of an A race; it is light (1-2 sets of 3-5 at
    effort 5-6, <= 20 T1 contacts); nothing else within 7 days of the race."""
    out = []
    for r in (r for r in races if r.priority is Priority.A):
        near = sorted(d for d in by_day if 0 < (r.day - d).days < 7)
        held = sorted(d for d in every if 0 < (r.day - d).days < 7)
        if len(held) > 1 and near:
            out.append(f"{r.name}: sessions on {held}, in the 6 days before an A race")
        for d in near:
            s = by_day[d][1]
            if not has_legs(s):
                continue
            if s.intensity is not Intensity.LIGHT:
                out.append(f"{d}: a {s.intensity} session in {r.name}'s race week")
            for e in leg_lifts(s):
                if e.sets > 2 or (_top(e.reps) or 0) > 5:
                    out.append(f"{d}: {e.id} {e.sets} x {e.reps} in {r.name}'s race week")
            if contacts(s) > 20 or any(e.id not in T1 for e in jumps(s)):
                out.append(f"{d}: jumps beyond 20 T1 contacts in {r.name}'s race week")
    return out


def _first_after_race(every, by_day, races: Sequence[Race]) -> list[str]:
    """§4.2: the first leg session after an A or B race is light with no plyometrics."""
    out = []
    for r in races:
        if r.priority is Priority.C:
            continue
        after = sorted(
            d
            for d, (_, s) in every.items()
            if d > r.day and has_legs(s) and (d - r.day).days <= recovery_days(r) + 14
        )
        if not after or after[0] not in by_day:
            continue
        s = by_day[after[0]][1]
        if s.intensity is not Intensity.LIGHT or jumps(s):
            out.append(f"{after[0]}: first leg session after {r.name} is not light without jumps")
    return out


def _placement(plans, by_day, profile: Profile, today: date) -> list[str]:
    """§5 rules 2-4 on the sessions the planner placed (days still ahead)."""
    out = []
    types = {d.day: d.day_type for w in plans for d in w.days}
    days = sorted(by_day)
    for a, b in zip(days, days[1:], strict=False):
        planned = [by_day[x][1].status == "planned" and x >= today for x in (a, b)]
        if (b - a).days < 2 and any(planned):
            out.append(f"{a}, {b}: sessions less than 48 h apart")
    for d, (_, s) in by_day.items():
        if s.status != "planned" or d < today:
            continue
        nxt = types.get(d + timedelta(days=1))
        if has_legs(s) and (nxt in RUN_BEFORE or types.get(d) is DayType.LONG):
            out.append(f"{d}: legs the day before a {nxt} or on the long-run day")
        if profile.strength_weekdays and d.weekday() not in profile.strength_weekdays:
            out.append(f"{d}: a session on a day not marked available")
    return out


def _content(every, by_day, races: Sequence[Race]) -> list[str]:
    """§6.1: <= 9 leg sets, <= 12 reps, two leg lifts outside development, nothing new in
    the 10 days before an A race (exercises done in the 6 weeks before, or T1 hops)."""
    out = []
    a_days = [r.day for r in races if r.priority is Priority.A]
    for d, (week, s) in sorted(by_day.items()):
        lifts = leg_lifts(s)
        if sum(e.sets for e in lifts) > 9:
            out.append(f"{d}: more than 9 leg sets")
        if any((_top(e.reps) or 0) > 12 for e in lifts):
            out.append(f"{d}: more than 12 reps on a leg lift")
        if len(lifts) > 2 and week.phase not in DEVELOPMENT:
            out.append(f"{d}: three leg lifts in a {week.phase} week")
        if any(0 < (a - d).days <= 10 for a in a_days):
            out += _nothing_new(d, s, every)
    return out


def _nothing_new(day: date, s: StrengthSession, by_day) -> list[str]:
    earlier = [x for x in by_day if day - timedelta(days=42) <= x < day]
    if not earlier or min(by_day) > day - timedelta(days=42):
        return []  # the plans do not reach 6 weeks back: nothing to compare with
    done = {e.id for x in earlier for e in by_day[x][1].exercises}
    # "New" (§6.1) means a rotated single-leg exercise or a plyometric variant; the main squat
    # and hinge stay the same all season so their loads can progress.
    rotated = [e for e in s.exercises if e.pattern == "single-leg"]
    new = [e.id for e in [*rotated, *jumps(s)] if e.id not in done and e.id not in T1]
    return [f"{day}: new exercise {x} within 10 days of an A race" for x in new]


def broken_rules(
    plans: Sequence[WeekPlan], races: Sequence[Race], profile: Profile, today: date
) -> list[str]:
    """Every hard rule of §4.2, §5 and §6.1 that the plans break, one line each."""
    every = sessions_by_day(plans)
    by_day = planned_by_day(plans)
    out: list[str] = []
    for d, (_, s) in by_day.items():
        out += _race_rules(d, s, races)
    out += _a_race_week(every, by_day, races)
    out += _first_after_race(every, by_day, races)
    out += _placement(plans, every, profile, today)
    out += _content(every, by_day, races)
    return out + reason_mismatches(plans, races)


def reason_mismatches(plans: Sequence[WeekPlan], races: Sequence[Race]) -> list[str]:
    """§8: every sentence agrees with the plan it explains."""
    out = []
    by_day = planned_by_day(plans)
    labels = {f"{d:%a} {d.day} {d:%b}": d for w in plans for d in (x.day for x in w.days)}
    for w in plans:
        texts = [w.reason, *(d.strength.reason for d in w.days if d.strength)]
        for text in texts:
            if re.search(r"\b1 days\b", text):
                out.append(f"{w.week_start}: '1 days' in {text!r}")
            if "Build block" in text:
                out.append(f"{w.week_start}: 'Build block' in {text!r}")
        for d in w.days:
            s = d.strength
            if s and s.intensity is Intensity.UPPER_CORE and "on the legs" in s.reason:
                out.append(f"{d.day}: an upper-body session speaks of leg sets")
        out += _named_days(w, sessions_by_day(plans), by_day, labels)
    return out


def _named_days(w: WeekPlan, every, by_day, labels) -> list[str]:
    out = []
    if w.facts.reason_id == "race_week_a" or "One light session on" in w.reason:
        m = re.search(r"One light session on (\w{3} \d+ \w{3})( \(last week\))?", w.reason)
        day = labels.get(m.group(1)) if m else None
        if m and day is not None and day not in every:
            out.append(f"{w.week_start}: the reason names {m.group(1)}, which holds no session")
    if w.facts.reason_id == "post_race":
        m = re.search(r"Mobility only until (\w{3} \d+ \w{3})", w.reason)
        until = labels.get(m.group(1)) if m else None
        if until is not None:
            race = w.facts.reason_values
            first = until - timedelta(days=int(race["recovery_days"]) - 1)
            bad = [d for d in by_day if first <= d <= until]
            if bad:
                out.append(f"{w.week_start}: 'Mobility only until {m.group(1)}' next to {bad}")
    return out
