"""The window's reads: plans for the calendar (with the pages either side planned ahead), the
comparison, activities, loads, races, the profile and the day's checklist.

A mixin of `MainWindow`: each method runs its read as a background job (`self.run`) and hands
the result to the view on the GUI thread; nothing here touches the database on the GUI thread.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from desktop.deferred import deferred
from operations.plan_keep import planned_weeks
from planner.model import DayPlan, WeekPlan

if TYPE_CHECKING:
    from planner.comparison import Comparison

activities = deferred("operations.activities")
comparison = deferred("operations.comparison")
diary = deferred("operations.diary")
training = deferred("operations.training")

PREFETCH_WEEKS = 6  # a month page either side of the one shown
UNITS_KEY = "profile/units"  # the units last shown, kept in the window's settings


class WindowLoading:
    def load_weeks(self, start: date, weeks: int) -> None:
        """Show the weeks from `start`: at once when prefetched, else after a plan job."""
        if self._cached(start, weeks):
            self.calendar.set_plans([])
            self._show_checklist(self.calendar.selected)
            self._prefetch(start, weeks)
            return
        generation = self._generation
        db, today = self.db, self.today

        def fetch(cancel: threading.Event) -> list[WeekPlan]:
            return planned_weeks(db, start=start, weeks=weeks, today=today)

        def show(plans: list[WeekPlan]) -> None:
            if generation == self._generation:
                self.calendar.set_plans(plans)
                self._show_checklist(self.calendar.selected)
                self.after_first_paint(lambda: self._prefetch(start, weeks))

        job = self.run(fetch, show, name="weeks")
        job.signals.finished.connect(self.first_page_loaded)

    def _cached(self, start: date, weeks: int) -> bool:
        days = self.calendar.grid.days
        return all(start + timedelta(days=i) in days for i in range(0, 7 * weeks, 7)) and (
            start + timedelta(days=7 * weeks - 1) in days
        )

    def _prefetch(self, start: date, weeks: int) -> None:
        """Plan the pages either side in the background, so PgUp/PgDn show them at once."""
        before, after = start - timedelta(weeks=PREFETCH_WEEKS), start + timedelta(weeks=weeks)
        wanted = [
            (first, PREFETCH_WEEKS)
            for first in (before, after)
            if not self._cached(first, PREFETCH_WEEKS)
        ]
        if not wanted:
            return
        generation = self._generation
        db, today = self.db, self.today

        def fetch(cancel: threading.Event) -> list[WeekPlan]:
            out: list[WeekPlan] = []
            for first, n in wanted:
                out += training.plan_weeks(db, start=first, weeks=n, today=today)
            return out

        def keep(plans: list[WeekPlan]) -> None:
            if generation == self._generation:
                self.calendar.grid.set_plans(plans)

        self.run(fetch, keep, name="prefetch")

    def load_comparison(self) -> None:
        """The planner's comparison (last 4 weeks against the usual week), for every view."""
        db, today = self.db, self.today

        def show(found: Comparison) -> None:
            self.calendar.set_comparison(found)
            self.load_view.set_comparison(found)

        self.run(lambda c: comparison.running_comparison(db, today=today), show, name="comparison")

    def load_activities(self) -> None:
        db = self.db
        self.run(
            lambda c: activities.activity_rows(db),
            lambda rows: self.activities.set_rows(rows, self.units),
        )

    def load_series(self, activity_id: int) -> None:
        db = self.db
        self.run(
            lambda c: (activity_id, activities.activity_series(db, activity_id=activity_id)),
            lambda pair: self.activities.show_series(*pair),
        )

    def load_loads(self) -> None:
        db, today, weeks = self.db, self.today, self.load_view.weeks

        def fetch(cancel: threading.Event):
            loads = training.weekly_load(db, weeks=weeks, today=today)
            phases, done = {}, {}
            if loads:
                plans = training.plan_weeks(
                    db, start=loads[0].week_start, weeks=len(loads), today=today
                )
                phases = {p.week_start: p.phase for p in plans}
                done = {
                    p.week_start: sum(
                        1 for d in p.days if d.strength is not None and d.strength.status == "done"
                    )
                    for p in plans
                }
            return loads, phases, done, training.list_races(db)

        def show(result) -> None:
            loads, phases, done, races = result
            self.load_view.set_data(
                loads, phases=phases, races=races, strength_done=done, units=self.units
            )

        self.run(fetch, show, name="load")

    def load_races(self) -> None:
        db = self.db
        self.run(lambda c: training.list_races(db), self.races.set_races)

    def reload_profile(self) -> None:
        db = self.db

        def show(profile) -> None:
            self.show_units(profile.units or "km")
            QSettings().setValue(UNITS_KEY, self.units)  # for the next start's first paint
            self.settings_view.form.set_profile(profile)
            self.edits.set_equipment(profile.equipment.value)

        self.run(lambda c: training.load_profile(db), show)

    def show_units(self, units: str) -> None:
        """Show distances in `units` ("km" or "mi") everywhere they are drawn."""
        self.units = units
        self.calendar.set_units(units)
        self.edits.units = units

    # -- checklist --------------------------------------------------------------------------
    def _show_checklist(self, day: date) -> None:
        plan: DayPlan | None = self.calendar.grid.days.get(day)
        items = plan.checklist if plan is not None else ()
        db = self.db
        self.run(
            lambda c: diary.checklist_ticks(db, first=day, last=day).get(day, set()),
            lambda done: self.checklist.show_day(day, items, done, today=self.today),
        )
