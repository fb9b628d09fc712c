"""Saying what a re-plan changed: compares a week's strength sessions before and after."""

from __future__ import annotations

from desktop.views import formatting as fmt
from planner.model import WeekPlan


def _sessions(plan: WeekPlan | None) -> dict[str, tuple]:
    if plan is None:
        return {}
    out = {}
    for day in plan.days:
        s = day.strength
        if s is not None:
            out[s.key] = (s.day, s.title, s.intensity, s.status)
    return out


def describe_changes(before: WeekPlan | None, after: WeekPlan | None) -> str:
    """One short sentence per change to the week's sessions, or that nothing else moved."""
    old, new = _sessions(before), _sessions(after)
    changes = []
    for key, (day, title, intensity, status) in new.items():
        prev = old.get(key)
        when = day.strftime("%a")
        if prev is None:
            changes.append(fmt.tr("{t} added on {d}").format(t=title, d=when))
            continue
        if prev[0] != day:
            changes.append(
                fmt.tr("{t} now on {d} (was {p})").format(t=title, d=when, p=prev[0].strftime("%a"))
            )
        if prev[2] != intensity:
            changes.append(
                fmt.tr("{d}: now {i}").format(d=when, i=fmt.intensity_name(intensity).lower())
            )
        if prev[3] != status and status != "planned" and prev[0] == day:  # a move says it
            changes.append(fmt.tr("{d}: {s}").format(d=when, s=status))
    for key, (day, title, _i, _s) in old.items():
        if key not in new:
            changes.append(fmt.tr("{t} on {d} dropped").format(t=title, d=day.strftime("%a")))
    if (
        before is not None
        and after is not None
        and before.strength_sessions != after.strength_sessions
    ):
        changes.append(
            fmt.tr("{a} sessions this week instead of {b}").format(
                a=after.strength_sessions, b=before.strength_sessions
            )
        )
    if not changes:
        return fmt.tr("The rest of the week stays as planned.")
    return fmt.tr("Week re-planned: ") + "; ".join(changes) + "."
