"""Changing the plan from the window: sessions (with re-plan and Undo), checklist, races, profile.

One method per user action. Each records the change in a background job through
`operations`, then re-plans and says what changed; nothing here blocks the window.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.jobs import Job
from desktop.views.calendar_view import monday
from desktop.views.replan import describe_changes
from desktop.views.session_card import SessionCard, SessionChoice
from operations import diary, training
from planner.model import WeekPlan
from planner.moves import MoveVerdict

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


class PlanEdits(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    # -- sessions ---------------------------------------------------------------------------
    def open_session(self, day: date) -> SessionCard | None:
        plan = self.window.calendar.grid.days.get(day)
        if plan is None or plan.strength is None:
            return None
        self.window.session_card = SessionCard(
            plan.strength, today=self.window.today, names=self._names(), parent=self.window
        )
        self.window.session_card.finished.connect(
            lambda _r, card=self.window.session_card: self._session_chosen(card)
        )
        self.window.session_card.swapped.connect(self.swap_exercise)
        self.window.session_card.open()
        return self.window.session_card

    def _names(self) -> dict[str, str]:
        if not hasattr(self, "_exercise_names"):
            equipment = str(self.window.settings_view.form.equipment.currentData() or "gym")
            try:
                self._exercise_names = training.exercise_names(equipment)
            except (OSError, ValueError, KeyError):
                self._exercise_names = {}
        return self._exercise_names

    def _session_chosen(self, card: SessionCard) -> None:
        if card.choice is not None:
            self.apply_choice(card.session.day, card.choice, card.session.title)

    def swap_exercise(self, session_key: str, exercise_id: str, substitute_id: object) -> Job:
        """Keep a substitute for one exercise of one session, then re-plan and show it."""
        db, names = self.window.db, self._names()
        card = self.window.session_card
        if card is not None and card.session.key == session_key:
            day = card.session.day
        else:
            day = date.fromisoformat(session_key.split("#")[0])
        before = self.window.calendar.week_plan(day)
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

        return self.window.run(record, lambda _r: self.replan(label, before, day), name="swap")

    def move_session(self, source: date, target: date) -> None:
        plan = self.window.calendar.grid.days.get(source)
        title = plan.strength.title if plan is not None and plan.strength else self.tr("Session")
        self.apply_choice(source, SessionChoice("moved", moved_to=target), title)

    def apply_choice(self, day: date, choice: SessionChoice, title: str) -> Job:
        """Record the choice in the background, then re-plan and say what changed."""
        db = self.window.db
        before = self.window.calendar.week_plan(day)
        label = {
            "done": self.tr("{t} done").format(t=title),
            "skipped": self.tr("{t} skipped").format(t=title),
            "moved": self.tr("{t} moved to {d}").format(
                t=title, d=choice.moved_to.strftime("%a %d %b") if choice.moved_to else ""
            ),
        }[choice.status]

        today = self.window.today

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
                today=today,
            )
            return token, verdict

        def recorded(result: tuple[int | None, MoveVerdict | None]) -> None:
            token, verdict = result
            if token is None:
                refused = self.tr("{t} not moved: {why}").format(t=title, why=verdict.reason)
                self.show_message(refused)
                return
            self.window.undo_stack.append((token, label))
            self.window.undo_action.setEnabled(True)
            self.window.undo_action.setText(self.tr("&Undo {what}").format(what=label))
            said = f"{label}. {verdict.reason.rstrip('.')}" if verdict and verdict.reason else label
            self.replan(said, before, day)

        return self.window.run(record, recorded, name="log")

    def replan(self, label: str, before: WeekPlan | None, day: date) -> None:
        db, today = self.window.db, self.window.today
        self.window.invalidate_plans()

        def fetch(cancel: threading.Event) -> list[WeekPlan]:
            return training.plan_weeks(db, start=monday(day), weeks=1, today=today)

        def show(plans: list[WeekPlan]) -> None:
            card = self.window.session_card
            if card is not None and plans:
                for d in plans[0].days:
                    if d.strength is not None and d.strength.key == card.session.key:
                        card.show_session(d.strength)
            change = describe_changes(before, plans[0] if plans else None)
            self.window.last_change = f"{label}. {change}"
            self.window.statusBar().showMessage(self.window.last_change, 12000)
            self.window.calendar.show_banner(
                self.window.last_change, undo=bool(self.window.undo_stack)
            )

        self.window.run(fetch, show)

    def show_message(self, text: str) -> None:
        """Say something in the status bar and the calendar's banner."""
        self.window.last_change = text
        self.window.statusBar().showMessage(text, 12000)
        self.window.calendar.show_banner(text, undo=bool(self.window.undo_stack))

    def undo(self) -> None:
        if not self.window.undo_stack:
            return
        token, label = self.window.undo_stack.pop()
        db = self.window.db
        self.window.undo_action.setEnabled(bool(self.window.undo_stack))
        self.window.undo_action.setText(
            self.tr("&Undo {what}").format(what=self.window.undo_stack[-1][1])
            if self.window.undo_stack
            else self.tr("&Undo")
        )

        def done(_n: int) -> None:
            self.window.last_change = self.tr("Undone: {what}").format(what=label)
            self.window.statusBar().showMessage(self.window.last_change, 8000)
            self.window.calendar.show_banner(
                self.window.last_change, undo=bool(self.window.undo_stack)
            )
            self.window.invalidate_plans()

        self.window.run(lambda c: diary.undo_log(db, token=token), done, name="undo")

    # -- races and profile ------------------------------------------------------------------
    def add_race(self, values: dict) -> None:
        db = self.window.db
        self.window.run(
            lambda c: training.add_race(db, **values),
            lambda _id: self._races_changed(),
            name="add_race",
        )

    def edit_race(self, race_id: int, values: dict) -> None:
        db = self.window.db

        def edit(cancel: threading.Event) -> int:
            training.remove_race(db, race_id=race_id)
            return training.add_race(db, **values)

        self.window.run(edit, lambda _id: self._races_changed())

    def remove_race(self, race_id: int) -> None:
        db = self.window.db
        self.window.run(
            lambda c: training.remove_race(db, race_id=race_id), lambda _r: self._races_changed()
        )

    def _races_changed(self) -> None:
        self.window.load_races()
        self.window.invalidate_plans()
        self.window.statusBar().showMessage(self.tr("Races saved; the plan follows them."), 6000)

    def save_profile(self, fields: dict) -> None:
        db = self.window.db

        def saved(_r) -> None:  # noqa: ANN001
            self.window.settings_view.saved.setText(self.tr("Saved."))
            if hasattr(self, "_exercise_names"):
                del self._exercise_names
            self.window.reload_profile()
            self.window.invalidate_plans()
            self.window._loaded.discard("activities")

        self.window.run(
            lambda c: training.save_profile(db, **fields), saved
        )  # recomputes loads if needed

    # -- checklist ----------------------------------------------------------------------------
    def tick(self, day: date, item: str, done: bool) -> None:
        db = self.window.db
        self.window.run(
            lambda c: diary.tick_checklist(db, day=day, item=item, done=done),
            lambda _r: self.load_checklist_record(),
            name="tick",
        )

    def load_checklist_record(self) -> None:
        db, today = self.window.db, self.window.today
        first = today - timedelta(days=27)

        def fetch(cancel: threading.Event) -> diary.ChecklistRecord:
            plans = training.plan_weeks(db, start=monday(first), weeks=5, today=today)
            ticks = diary.checklist_ticks(db, first=first, last=today)
            plans = [
                WeekPlan(
                    p.week_start,
                    p.phase,
                    p.volume_level,
                    p.strength_sessions,
                    p.reason,
                    tuple(d for d in p.days if d.day >= first),
                    p.load,
                )
                for p in plans
            ]
            return diary.checklist_record(plans, ticks, today)

        self.window.run(fetch, lambda r: self.window.checklist.show_record(r.completion, r.streak))
