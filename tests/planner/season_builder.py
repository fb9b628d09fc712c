"""Activity lists built in code: the planner's real inputs, shaped like a runner's weeks."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from importlib import resources as importlib_resources

from planner.checklists import templates_from_dict
from planner.library import library_from_dicts
from planner.model import Activity, DayType, Profile, Sex
from planner.plan import PlanInputs, PlanResources, plan_weeks

MALE = Profile(sex=Sex.MALE, birth_year=1986, hr_max=190, hr_rest=50, lifted_regularly=True)
KM_PER_MIN = 1 / 5.5  # 5:30 /km


def shipped_resources() -> PlanResources:
    folder = importlib_resources.files("resources")
    ex = json.loads(folder.joinpath("exercises.json").read_text(encoding="utf-8"))
    ch = json.loads(folder.joinpath("checklists.json").read_text(encoding="utf-8"))
    return PlanResources(library_from_dicts(ex["exercises"]), templates_from_dict(ch))


def plan_range(start, weeks, activities, profile, races, logs, today, resources, history=None):
    """`weeks` week plans from the Monday of `start`, with today's inputs built in one go."""
    inputs = PlanInputs.of(
        activities=activities,
        profile=profile,
        races=races,
        logs=logs,
        today=today,
        resources=resources,
        history=history,
    )
    return plan_weeks(inputs, start=start, weeks=weeks)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


class Builder:
    """Adds runs by weekday pattern; ids are assigned in order."""

    def __init__(self) -> None:
        self.activities: list[Activity] = []

    def run(
        self,
        day: date,
        minutes: float,
        *,
        hard_min: float = 0.0,
        hr: int = 140,
        hour: int = 7,
        sport: str = "running",
        is_race: bool = False,
    ) -> Activity:
        """A run of `minutes` at `hr` bpm, `hard_min` of it at 180 bpm (HRr 0.93)."""
        hist = []
        if minutes - hard_min > 0:
            hist.append((hr, (minutes - hard_min) * 60.0))
        if hard_min:
            hist.append((180, hard_min * 60.0))
        a = Activity(
            id=len(self.activities) + 1,
            start=datetime.combine(day, time(hour)),
            sport=sport,
            sub_sport=None,
            duration_s=minutes * 60.0,
            distance_m=minutes * KM_PER_MIN * 1000 if sport == "running" else None,
            avg_hr=hr,
            hr_histogram=tuple(hist),
            is_race=is_race,
        )
        self.activities.append(a)
        return a

    def weeks(self, first_monday: date, n: int, pattern: dict[int, tuple]) -> None:
        """`pattern`: weekday -> (minutes, hard minutes)."""
        for w in range(n):
            for wd, (minutes, hard) in sorted(pattern.items()):
                if minutes:
                    self.run(first_monday + timedelta(days=7 * w + wd), minutes, hard_min=hard)


def standard_week(total_min: float, *, key=(1, 3), long_day=6, easy=()) -> dict[int, tuple]:
    """A week of `total_min` running: long run 40 %, key runs with 15 hard minutes, easy rest."""
    pattern: dict[int, tuple] = {}
    long_min = total_min * 0.4
    rest = total_min - long_min
    others = [*key, *easy]
    for wd in others:
        pattern[wd] = (rest / len(others), 15.0 if wd in key else 0.0)
    pattern[long_day] = (long_min, 0.0)
    return pattern


def strength_days(plan) -> list[date]:
    return [d.day for d in plan.days if d.strength and d.strength.status != "skipped"]


def day_type(plan, day: date) -> DayType:
    return next(d.day_type for d in plan.days if d.day == day)


def lifting_logs(until: date, weeks: int = 20, weekdays=(1, 4)) -> tuple:
    """A regular lifter's log: sessions done on `weekdays` for `weeks` weeks before `until`."""
    from planner.model import LogStatus, SessionLog

    start = monday(until) - timedelta(weeks=weeks)
    return tuple(
        SessionLog(start + timedelta(days=7 * w + wd), LogStatus.DONE, rpe=7, minutes=45)
        for w in range(weeks)
        for wd in weekdays
        if start + timedelta(days=7 * w + wd) < until
    )
