"""The session card: one strength session with its exercises, and Done / Skip / Move.

The dialog only collects the runner's choice (`choice` after `accept()`); the window records it
in the background and re-plans the week. A swap from an exercise's Swap menu shows at once and
is announced with `swapped` so the window can keep it for this session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.views import formatting as fmt
from planner.logged_sets import describe_last
from planner.model import ExercisePrescription, StrengthSession

if TYPE_CHECKING:
    from desktop.views.gym_mode import GymMode


@dataclass(frozen=True, slots=True)
class SessionChoice:
    status: str  # done, skipped, moved
    rpe: float | None = None
    minutes: float | None = None
    moved_to: date | None = None
    sets: tuple[tuple[str, float | None, int | None], ...] = ()  # (exercise id, kg, reps or s)


def pretty_id(exercise_id: str) -> str:
    return exercise_id.replace("_", " ").capitalize()


class SessionCard(QDialog):
    # session key, planned exercise id, chosen substitute id (None: back to the planned one)
    swapped = Signal(str, str, object)

    def __init__(
        self,
        session: StrengthSession,
        *,
        today: date,
        names: dict[str, str] | None = None,
        units: str = "km",
        good_days: list[date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        self.units = units
        self.good_days = good_days or []
        self.gym: GymMode | None = None
        self.names = names or {}
        self.choice: SessionChoice | None = None
        self.exercises = list(session.exercises)
        self.setWindowTitle(session.title)
        self.setAccessibleName(self.tr("Strength session"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        title = QLabel(session.title, self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        sub = QLabel(
            f"{session.day.strftime('%A %d %B')} · {fmt.intensity_name(session.intensity)} · "
            + self.tr("about {m} min").format(m=session.minutes)
            + (f" · {self.tr('status')}: {session.status}" if session.status != "planned" else ""),
            self,
        )
        sub.setProperty("role", "muted")
        layout.addWidget(sub)
        reason = QLabel(session.reason, self)
        reason.setWordWrap(True)
        reason.setAccessibleName(self.tr("Why this session"))
        layout.addWidget(reason)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.exercise_box = QWidget(scroll)
        self.exercise_grid = QGridLayout(self.exercise_box)
        self.exercise_grid.setColumnStretch(0, 1)
        scroll.setWidget(self.exercise_box)
        layout.addWidget(scroll, 1)
        self._fill_exercises()
        self.actions_stack = QStackedWidget(self)
        self.actions_stack.addWidget(self._buttons_page())
        self.actions_stack.addWidget(self._done_page())
        self.actions_stack.addWidget(self._move_page())
        layout.addWidget(self.actions_stack)

    # -- exercises --------------------------------------------------------------------------
    def _fill_exercises(self) -> None:
        while self.exercise_grid.count():
            item = self.exercise_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.substitute_buttons: list[QPushButton] = []
        for row, ex in enumerate(self.exercises):
            self.exercise_grid.addWidget(self._exercise_label(ex), row, 0)
            dose = QLabel(fmt.dose(ex.sets, ex.reps, ex.seconds), self.exercise_box)
            dose.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.exercise_grid.addWidget(dose, row, 1)
            button = QPushButton(self.tr("Swap"), self.exercise_box)
            button.setToolTip(self.tr("Use another exercise for the same movement"))
            button.setAccessibleName(self.tr("Swap {name}").format(name=ex.name))
            button.setEnabled(bool(ex.substitutes))
            menu = QMenu(button)
            for sub in ex.substitutes:
                act = menu.addAction(self.names.get(sub, pretty_id(sub)))
                act.triggered.connect(lambda _=False, r=row, s=sub: self.substitute(r, s))
            button.setMenu(menu)
            self.substitute_buttons.append(button)
            self.exercise_grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)

    def _exercise_label(self, ex: ExercisePrescription) -> QLabel:
        detail = " · ".join(x for x in (ex.load_hint, ex.cue) if x)
        rest = self.tr("rest {s} s").format(s=ex.rest_s) if ex.rest_s else ""
        last = describe_last(ex.last, hold=bool(ex.seconds), units=self.units)
        last = self.tr("last time {what}").format(what=last) if last else ""
        muted = " · ".join(x for x in (detail, rest, last) if x)
        label = QLabel(f"<b>{ex.name}</b><br><span style='opacity:0.7'>{muted}</span>")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def substitute(self, row: int, exercise_id: str) -> None:
        """Show the substitute in place of the prescribed exercise, with the same dose, and
        announce it (`swapped`) so the choice is kept for this session."""
        old = self.exercises[row]
        planned = old.swapped_from or old.id
        subs = tuple(s for s in old.substitutes if s != exercise_id) + (old.id,)
        self.exercises[row] = ExercisePrescription(
            id=exercise_id,
            name=self.names.get(exercise_id, pretty_id(exercise_id)),
            pattern=old.pattern,
            sets=old.sets,
            reps=old.reps,
            seconds=old.seconds,
            load_hint=old.load_hint,
            cue="",
            rest_s=old.rest_s,
            substitutes=subs,
            swapped_from=None if exercise_id == planned else planned,
        )
        self._fill_exercises()
        self.swapped.emit(
            self.session.key, planned, None if exercise_id == planned else exercise_id
        )

    def show_session(self, session: StrengthSession) -> None:
        """Show the same session as re-planned (after a swap was kept), cues included."""
        if session.key != self.session.key:
            return
        self.session = session
        self.exercises = list(session.exercises)
        self._fill_exercises()

    # -- actions ----------------------------------------------------------------------------
    def _buttons_page(self) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        self.gym_button = QPushButton(self.tr("&Gym mode…"), page)
        self.gym_button.setToolTip(
            self.tr("Set by set with weights and a rest timer; finishing logs the session")
        )
        self.gym_button.clicked.connect(self.open_gym_mode)
        self.done_button = QPushButton(self.tr("&Done…"), page)
        self.skip_button = QPushButton(self.tr("&Skip"), page)
        self.move_button = QPushButton(self.tr("&Move…"), page)
        close = QPushButton(self.tr("Close"), page)
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(lambda: self.actions_stack.setCurrentIndex(1))
        self.skip_button.clicked.connect(self.skip)
        self.move_button.clicked.connect(lambda: self.actions_stack.setCurrentIndex(2))
        close.clicked.connect(self.reject)
        future = self.session.day > self.today
        self.done_button.setEnabled(not future)
        self.gym_button.setEnabled(not future)
        if future:
            self.done_button.setToolTip(self.tr("This session is still ahead"))
            self.gym_button.setToolTip(self.tr("This session is still ahead"))
        for b in (self.gym_button, self.done_button, self.skip_button, self.move_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        return page

    def _done_page(self) -> QWidget:
        box = QGroupBox(self.tr("How did it go?"), self)
        form = QFormLayout(box)
        self.rpe = QDoubleSpinBox(box)
        self.rpe.setRange(1, 10)
        self.rpe.setSingleStep(0.5)
        self.rpe.setValue(7)
        self.rpe.setSuffix(" / 10")
        self.rpe.setToolTip(self.tr("Effort of the whole session, 1 very easy to 10 maximal"))
        self.minutes = QSpinBox(box)
        self.minutes.setRange(5, 240)
        self.minutes.setValue(self.session.minutes)
        self.minutes.setSuffix(" min")
        form.addRow(self.tr("Effort (RPE)"), self.rpe)
        form.addRow(self.tr("Minutes"), self.minutes)
        buttons = QDialogButtonBox(box)
        save = buttons.addButton(self.tr("Save as done"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        save.clicked.connect(self.mark_done)
        buttons.rejected.connect(lambda: self.actions_stack.setCurrentIndex(0))
        form.addRow(buttons)
        return box

    def _move_page(self) -> QWidget:
        box = QGroupBox(self.tr("Move to another day"), self)
        form = QFormLayout(box)
        self.move_date = QDateEdit(box)
        self.move_date.setCalendarPopup(True)
        self.move_date.setDisplayFormat("ddd dd MMM yyyy")
        day = self.session.day
        default = max(day + timedelta(days=1), self.today)
        self.move_date.setDate(QDate(default.year, default.month, default.day))
        form.addRow(self.tr("New day"), self.move_date)
        self.move_hint = QLabel(self._move_hint(), box)
        self.move_hint.setWordWrap(True)
        self.move_hint.setProperty("role", "muted")
        form.addRow(self.move_hint)
        buttons = QDialogButtonBox(box)
        save = buttons.addButton(self.tr("Move"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        save.clicked.connect(self.move)
        buttons.rejected.connect(lambda: self.actions_stack.setCurrentIndex(0))
        form.addRow(buttons)
        return box

    def open_gym_mode(self) -> GymMode:
        """Run the session set by set; finishing there logs it as done with its sets."""
        from desktop.views.gym_mode import GymMode

        session = replace(self.session, exercises=tuple(self.exercises))
        self.gym = GymMode(session, units=self.units, today=self.today, parent=self)
        self.gym.accepted.connect(self._gym_finished)
        self.gym.open()
        return self.gym

    def _gym_finished(self) -> None:
        if self.gym is not None and self.gym.choice is not None:
            self.choice = self.gym.choice
            self.accept()

    def _move_hint(self) -> str:
        """The good days nearby, so a move does not land before a long run or a race."""
        rule = self.tr(
            "Best after a key or easy run; not the day before your long run or a key workout, "
            "and 48 h from another session."
        )
        if not self.good_days:
            return rule
        days = ", ".join(f"{d:%a} {d.day} {d:%b}" for d in self.good_days[:5])
        return self.tr("Good days: {days}.").format(days=days) + " " + rule

    def mark_done(self) -> None:
        self.choice = SessionChoice("done", rpe=self.rpe.value(), minutes=self.minutes.value())
        self.accept()

    def skip(self) -> None:
        self.choice = SessionChoice("skipped")
        self.accept()

    def move(self) -> None:
        self.choice = SessionChoice("moved", moved_to=self.move_date.date().toPython())
        self.accept()
