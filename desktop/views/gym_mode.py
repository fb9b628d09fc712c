"""Gym mode: a session set by set, in large type, with a rest timer, usable from the keyboard.

One row per set: the exercise, the target (reps or seconds), what was done last time, a weight
box in the runner's unit, the reps or seconds done and a tick. Ticking a set (the tick, or Enter
for the next set) starts the rest timer with the exercise's rest. Finishing hands back the
ticked sets as a `SessionChoice`; the window logs them and the next sessions' loads follow them
(§6.2 double progression).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.views.session_card import SessionChoice
from planner.logged_sets import KG_PER_LB, describe_last, to_kg, weight_unit
from planner.model import ExercisePrescription, StrengthSession
from planner.progression import top_of_range

LARGE = "font-size: 15pt;"
TIMER = "font-size: 30pt; font-weight: 600;"
_HINT_KG = re.compile(r"^(\d+(?:\.\d+)?) kg")


@dataclass
class SetRow:
    exercise: ExercisePrescription
    number: int  # 1-based within the exercise
    weight: QDoubleSpinBox | None  # None for holds and bodyweight work
    count: QSpinBox  # reps, or seconds for holds
    tick: QCheckBox


def planned_weight_kg(ex: ExercisePrescription) -> float | None:
    """Today's weight: the load hint's ('62.5 kg (up from 60 kg)'), else last time's heaviest."""
    m = _HINT_KG.match(ex.load_hint or "")
    if m:
        return float(m[1])
    kgs = [kg for kg, _ in ex.last if kg]
    return max(kgs) if kgs else None


def mm_ss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class GymMode(QDialog):
    def __init__(
        self,
        session: StrengthSession,
        *,
        units: str = "km",
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.units = units
        self.today = today
        self.choice: SessionChoice | None = None
        self.rows: list[SetRow] = []
        self.rest_left = 0
        self.started = time.monotonic()
        self.setWindowTitle(self.tr("Gym mode: {t}").format(t=session.title))
        self.setAccessibleName(self.tr("Gym mode"))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        title = QLabel(session.title, self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.progress = QLabel(self)
        self.progress.setStyleSheet(LARGE)
        layout.addWidget(self.progress)
        self.rest = QLabel(self.tr("Warm up, then tick each set as you finish it."), self)
        self.rest.setStyleSheet(TIMER)
        self.rest.setAccessibleName(self.tr("Rest timer"))
        layout.addWidget(self.rest)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.rest_tick)
        layout.addWidget(self._set_table(), 1)
        layout.addLayout(self._finish_row())
        self._update_progress()

    # -- the sets ---------------------------------------------------------------------------
    def _set_table(self) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        box = QWidget(scroll)
        box.setStyleSheet(LARGE)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        for col, head in enumerate(
            (self.tr("Exercise"), self.tr("Target"), self.tr("Last time"), self.tr("Weight"))
        ):
            label = QLabel(f"<b>{head}</b>", box)
            grid.addWidget(label, 0, col)
        grid.addWidget(QLabel(f"<b>{self.tr('Done')}</b>", box), 0, 4, 1, 2)
        line = 1
        for ex in self.session.exercises:
            for n in range(1, ex.sets + 1):
                self.rows.append(self._add_row(grid, line, ex, n, box))
                line += 1
        scroll.setWidget(box)
        return scroll

    def _add_row(
        self, grid: QGridLayout, line: int, ex: ExercisePrescription, n: int, box: QWidget
    ) -> SetRow:
        hold = bool(ex.seconds)
        name = QLabel(f"{ex.name} · {n}/{ex.sets}", box)
        target = QLabel(ex.seconds + " s" if hold else (ex.reps or ""), box)
        target.setToolTip(ex.load_hint)
        last = QLabel(describe_last(ex.last, hold=hold, units=self.units) or "–", box)
        weight = self._weight_box(ex, box)
        count = QSpinBox(box)
        count.setRange(0, 600 if hold else 100)
        count.setSuffix(" s" if hold else self.tr(" reps"))
        count.setValue(top_of_range(ex.seconds if hold else ex.reps or "") or 0)
        count.setAccessibleName(self.tr("{name} set {n}: done").format(name=ex.name, n=n))
        tick = QCheckBox(box)
        tick.setAccessibleName(self.tr("{name} set {n} finished").format(name=ex.name, n=n))
        tick.setStyleSheet("QCheckBox::indicator { width: 26px; height: 26px; }")
        row = SetRow(ex, n, weight, count, tick)
        tick.toggled.connect(lambda on, r=row: self._ticked(r, on))
        for col, w in enumerate((name, target, last)):
            grid.addWidget(w, line, col)
        if weight is not None:
            grid.addWidget(weight, line, 3)
        grid.addWidget(count, line, 4)
        grid.addWidget(tick, line, 5)
        return row

    def _weight_box(self, ex: ExercisePrescription, box: QWidget) -> QDoubleSpinBox | None:
        kg = planned_weight_kg(ex)
        if ex.seconds or kg is None and "kg" not in (ex.load_hint or "") and ex.last:
            return None  # holds, and bodyweight work logged without weight
        spin = QDoubleSpinBox(box)
        spin.setDecimals(1)
        spin.setRange(0, 500)
        spin.setSingleStep(2.5 if weight_unit(self.units) == "kg" else 5)
        spin.setSuffix(" " + weight_unit(self.units))
        spin.setSpecialValueText(self.tr("no weight"))
        if kg is not None:
            spin.setValue(kg / KG_PER_LB if weight_unit(self.units) == "lb" else kg)
        spin.setAccessibleName(self.tr("{name}: weight").format(name=ex.name))
        spin.valueChanged.connect(lambda v, e=ex, s=spin: self._carry_weight(e, s, v))
        return spin

    def _carry_weight(self, ex: ExercisePrescription, source: QDoubleSpinBox, value: float) -> None:
        """A weight changed: the exercise's later sets not yet ticked take it too."""
        after = False
        for row in self.rows:
            if row.weight is source:
                after = True
            elif after and row.exercise is ex and row.weight and not row.tick.isChecked():
                row.weight.blockSignals(True)
                row.weight.setValue(value)
                row.weight.blockSignals(False)

    # -- ticking and resting ----------------------------------------------------------------
    @property
    def next_row(self) -> SetRow | None:
        return next((r for r in self.rows if not r.tick.isChecked()), None)

    def tick_next(self) -> None:
        """Enter: the next set not yet ticked is done as shown."""
        row = self.next_row
        if row is not None:
            row.tick.setChecked(True)

    def _ticked(self, row: SetRow, on: bool) -> None:
        for w in (row.weight, row.count):
            if w is not None:
                w.setEnabled(not on)
        self._update_progress()
        if not on:
            return
        following = self.next_row
        if following is None:
            self.timer.stop()
            self.rest.setText(self.tr("All sets done: finish to log the session."))
            self.finish_button.setFocus()
            return
        self.start_rest(row.exercise.rest_s or 60)
        following.count.setFocus()

    def start_rest(self, seconds: int) -> None:
        self.rest_left = seconds
        self.rest.setText(self.tr("Rest {t}").format(t=mm_ss(seconds)))
        self.timer.start()

    def rest_tick(self) -> None:
        """One second of rest has passed."""
        self.rest_left = max(0, self.rest_left - 1)
        if self.rest_left:
            self.rest.setText(self.tr("Rest {t}").format(t=mm_ss(self.rest_left)))
            return
        self.timer.stop()
        row = self.next_row
        nxt = f"{row.exercise.name} {row.number}/{row.exercise.sets}" if row else ""
        self.rest.setText(self.tr("Go: {next}").format(next=nxt))
        QApplication.beep()

    def _update_progress(self) -> None:
        done = sum(1 for r in self.rows if r.tick.isChecked())
        self.progress.setText(
            self.tr("{done} of {total} sets done · about {m} min planned").format(
                done=done, total=len(self.rows), m=self.session.minutes
            )
        )

    # -- finishing --------------------------------------------------------------------------
    def _finish_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.rpe = QDoubleSpinBox(self)
        self.rpe.setRange(1, 10)
        self.rpe.setSingleStep(0.5)
        self.rpe.setDecimals(1)
        self.rpe.setValue(7)
        self.rpe.setSuffix(" / 10")
        self.rpe.setToolTip(self.tr("How hard was the whole session: 1 very easy, 10 maximal"))
        self.next_button = QPushButton(self.tr("Next set done (Enter)"), self)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.tick_next)
        skip_rest = QPushButton(self.tr("Skip rest"), self)
        skip_rest.clicked.connect(lambda: (self.start_rest(1), self.rest_tick()))
        self.finish_button = QPushButton(self.tr("&Finish and log"), self)
        self.finish_button.clicked.connect(self.finish)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        row.addWidget(QLabel(self.tr("Effort"), self))
        row.addWidget(self.rpe)
        row.addStretch(1)
        for b in (self.next_button, skip_rest, self.finish_button, close):
            row.addWidget(b)
        return row

    def logged_sets(self) -> tuple[tuple[str, float | None, int | None], ...]:
        """The ticked sets as (exercise id, kg, reps or seconds)."""
        out = []
        for r in self.rows:
            if not r.tick.isChecked() or r.count.value() <= 0:
                continue
            kg = None
            if r.weight is not None and r.weight.value() > 0:
                kg = to_kg(round(r.weight.value(), 1), weight_unit(self.units))
            out.append((r.exercise.id, kg, r.count.value()))
        return tuple(out)

    def finish(self) -> None:
        minutes = round((time.monotonic() - self.started) / 60)
        self.timer.stop()
        self.choice = SessionChoice(
            "done",
            rpe=self.rpe.value(),
            minutes=minutes if minutes >= 10 else self.session.minutes,
            sets=self.logged_sets(),
        )
        self.accept()
