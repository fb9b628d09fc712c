"""Changing the plan from the window: sessions (with re-plan and Undo), checklist, races, profile.

One method per user action. Each records the change in a background job through `operations`,
then re-plans and says what changed; nothing here blocks the window. The controller knows the
window only through `WindowServices` and two lookups of what the calendar shows; it owns the
session card, the undo stack and the Undo action, and announces everything else by signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.deferred import deferred
from desktop.jobs import Job
from desktop.views.calendar_view import monday
from desktop.views.icons import icon
from desktop.views.replan import describe_changes
from desktop.views.services import WindowServices
from desktop.views.session_card import SessionCard, SessionChoice
from planner.model import DayPlan, WeekPlan
from planner.move_days import good_move_days
from planner.moves import MoveVerdict

if TYPE_CHECKING:
    from operations.recorded_sessions import RecordedSession

diary = deferred("operations.diary")
training = deferred("operations.training")
recorded_sessions = deferred("operations.recorded_sessions")


class PlanEdits(QObject):
    plan_changed = Signal()  # drop what is shown and plan again
    announced = Signal(str, bool)  # what changed, whether Undo can take it back
    races_changed = Signal()
    profile_saved = Signal()
    checklist_record = Signal(object, int)  # share of must-do items ticked (or None), streak

    def __init__(
        self,
        services: WindowServices,
        *,
        owner: QWidget,
        day_plan: Callable[[date], DayPlan | None],
        week_plan: Callable[[date], WeekPlan | None],
        days: Callable[[], Mapping[date, DayPlan]] = dict,
    ) -> None:
        super().__init__(owner)
        self.services = services
        self.owner = owner  # the widget the session card belongs to
        self.day_plan = day_plan
        self.week_plan = week_plan
        self.days = days  # the planned days shown, for the good days to move to
        self.equipment = "gym"
        self.units = "km"  # weights in kg, or lb for runners in miles
        self.undo_stack: list[tuple[int, str]] = []
        self.last_change = ""
        self.session_card: SessionCard | None = None
        self.undo_action = QAction(icon("undo"), self.tr("&Undo"), owner)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)

    # -- sessions ---------------------------------------------------------------------------
    def open_session(self, day: date) -> SessionCard | None:
        plan = self.day_plan(day)
        if plan is None or plan.strength is None:
            return None
        card = SessionCard(
            plan.strength,
            today=self.services.today,
            names=self._names(),
            units=self.units,
            good_days=good_move_days(self.days(), day, self.services.today),
            parent=self.owner,
        )
        self.session_card = card
        card.finished.connect(lambda _r, c=card: self._session_chosen(c))
        card.swapped.connect(self.swap_exercise)
        card.open()
        return card

    def set_equipment(self, equipment: str) -> None:
        """The runner's equipment names the substitutes on the Swap menus."""
        if equipment != self.equipment and hasattr(self, "_exercise_names"):
            del self._exercise_names
        self.equipment = equipment

    def _names(self) -> dict[str, str]:
        if not hasattr(self, "_exercise_names"):
            try:
                self._exercise_names = training.exercise_names(self.equipment)
            except (OSError, ValueError, KeyError):
                self._exercise_names = {}
        return self._exercise_names

    def _session_chosen(self, card: SessionCard) -> None:
        if card.choice is not None:
            self.apply_choice(card.session.day, card.choice, card.session.title)

    def swap_exercise(self, session_key: str, exercise_id: str, substitute_id: object) -> Job:
        """Keep a substitute for one exercise of one session, then re-plan and show it."""
        db, names = self.services.db, self._names()
        card = self.session_card
        if card is not None and card.session.key == session_key:
            day = card.session.day
        else:
            day = date.fromisoformat(session_key.split("#")[0])
        before = self.week_plan(day)
        sub = str(substitute_id) if substitute_id else None
        planned_name = names.get(exercise_id, exercise_id.replace("_", " ").capitalize())
        if sub is None:
            label = self.tr("Back to {name}").format(name=planned_name)
        else:
            label = self.tr("{new} instead of {old}").format(
                new=names.get(sub, sub.replace("_", " ").capitalize()), old=planned_name
            )

        def record(cancel: threading.Event) -> None:
            training.swap_exercise(
                db, session_key=session_key, exercise_id=exercise_id, substitute_id=sub
            )

        return self.services.run(record, lambda _r: self.replan(label, before, day), name="swap")

    def move_session(self, source: date, target: date) -> None:
        plan = self.day_plan(source)
        title = plan.strength.title if plan is not None and plan.strength else self.tr("Session")
        self.apply_choice(source, SessionChoice("moved", moved_to=target), title)

    def apply_choice(self, day: date, choice: SessionChoice, title: str) -> Job:
        """Record the choice in the background, then re-plan and say what changed."""
        db = self.services.db
        before = self.week_plan(day)
        label = {
            "done": self.tr("{t} done").format(t=title),
            "skipped": self.tr("{t} skipped").format(t=title),
            "moved": self.tr("{t} moved to {d}").format(
                t=title, d=choice.moved_to.strftime("%a %d %b") if choice.moved_to else ""
            ),
        }[choice.status]

        today = self.services.today

        def record(cancel: threading.Event) -> tuple[int | None, MoveVerdict | None]:
            verdict = None
            if choice.status == "moved" and choice.moved_to is not None:
                verdict = training.judge_move(db, day=day, moved_to=choice.moved_to, today=today)
                if not verdict.allowed:
                    return None, verdict  # refused: nothing is stored
            token = diary.log_session_undoable(
                db,
                day=day,
                status=choice.status,
                moved_to=choice.moved_to,
                rpe=choice.rpe,
                minutes=choice.minutes,
                sets=choice.sets,
                today=today,
            )
            return token, verdict

        def recorded(result: tuple[int | None, MoveVerdict | None]) -> None:
            token, verdict = result
            if token is None:
                refused = self.tr("{t} not moved: {why}").format(t=title, why=verdict.reason)
                self.show_message(refused)
                return
            self.undo_stack.append((token, label))
            self._update_undo_action()
            said = f"{label}. {verdict.reason.rstrip('.')}" if verdict and verdict.reason else label
            self.replan(said, before, day)

        return self.services.run(record, recorded, name="log")

    def replan(self, label: str, before: WeekPlan | None, day: date) -> None:
        db, today = self.services.db, self.services.today
        self.plan_changed.emit()

        def fetch(cancel: threading.Event) -> list[WeekPlan]:
            return training.plan_weeks(db, start=monday(day), weeks=1, today=today)

        def show(plans: list[WeekPlan]) -> None:
            card = self.session_card
            if card is not None and plans:
                for d in plans[0].days:
                    if d.strength is not None and d.strength.key == card.session.key:
                        card.show_session(d.strength)
            change = describe_changes(before, plans[0] if plans else None)
            self._announce(f"{label}. {change}", 12000)

        self.services.run(fetch, show)

    def show_message(self, text: str) -> None:
        """Say something in the status bar and the calendar's banner."""
        self._announce(text, 12000)

    def _announce(self, message: str, ms: int) -> None:
        self.last_change = message
        self.services.show_status(message, ms)
        self.announced.emit(message, bool(self.undo_stack))

    def _update_undo_action(self) -> None:
        self.undo_action.setEnabled(bool(self.undo_stack))
        self.undo_action.setText(
            self.tr("&Undo {what}").format(what=self.undo_stack[-1][1])
            if self.undo_stack
            else self.tr("&Undo")
        )

    def undo(self) -> None:
        if not self.undo_stack:
            return
        token, label = self.undo_stack.pop()
        db = self.services.db
        self._update_undo_action()

        def done(_n: int) -> None:
            self._announce(self.tr("Undone: {what}").format(what=label), 8000)
            self.plan_changed.emit()

        self.services.run(lambda c: diary.undo_log(db, token=token), done, name="undo")

    def log_recorded(self, activity_ids: list[int]) -> Job | None:
        """Strength the watch recorded on a planned day logs that session, with Undo."""
        if not activity_ids:
            return None
        db, today = self.services.db, self.services.today

        def record(cancel: threading.Event) -> list[RecordedSession]:
            return recorded_sessions.log_recorded_sessions(
                db, activity_ids=activity_ids, today=today
            )

        def recorded(sessions: list[RecordedSession]) -> None:
            for r in sessions:
                label = self.tr("{t} done, from the watch ({n} of {m} sets matched the plan)")
                label = label.format(t=r.title, n=r.sets, m=r.recorded)
                self.undo_stack.append((r.undo_token, label))
                self._update_undo_action()
                self.plan_changed.emit()
                self._announce(label, 15000)

        return self.services.run(record, recorded, name="watch log")

    # -- races and profile ------------------------------------------------------------------
    def add_race(self, values: dict) -> None:
        db = self.services.db
        self.services.run(
            lambda c: training.add_race(db, **values),
            lambda _id: self._races_changed(),
            name="add_race",
        )

    def edit_race(self, race_id: int, values: dict) -> None:
        db = self.services.db

        def edit(cancel: threading.Event) -> int:
            training.remove_race(db, race_id=race_id)
            return training.add_race(db, **values)

        self.services.run(edit, lambda _id: self._races_changed())

    def remove_race(self, race_id: int) -> None:
        db = self.services.db
        self.services.run(
            lambda c: training.remove_race(db, race_id=race_id), lambda _r: self._races_changed()
        )

    def _races_changed(self) -> None:
        self.races_changed.emit()
        self.plan_changed.emit()
        self.services.show_status(self.tr("Races saved; the plan follows them."), 6000)

    def save_profile(self, fields: dict) -> None:
        db = self.services.db

        def saved(_r) -> None:
            if hasattr(self, "_exercise_names"):
                del self._exercise_names
            self.profile_saved.emit()
            self.plan_changed.emit()

        # saving recomputes the loads when a heart-rate field changed
        self.services.run(lambda c: training.save_profile(db, **fields), saved)

    # -- checklist ----------------------------------------------------------------------------
    def tick(self, day: date, item: str, done: bool) -> None:
        db = self.services.db
        self.services.run(
            lambda c: diary.tick_checklist(db, day=day, item=item, done=done),
            lambda _r: self.load_checklist_record(),
            name="tick",
        )

    def load_checklist_record(self) -> None:
        db, today = self.services.db, self.services.today
        first = today - timedelta(days=27)

        def fetch(cancel: threading.Event) -> diary.ChecklistRecord:
            plans = training.plan_weeks(db, start=monday(first), weeks=5, today=today)
            ticks = diary.checklist_ticks(db, first=first, last=today)
            plans = [replace(p, days=tuple(d for d in p.days if d.day >= first)) for p in plans]
            return diary.checklist_record(plans, ticks, today)

        self.services.run(fetch, lambda r: self.checklist_record.emit(r.completion, r.streak))
