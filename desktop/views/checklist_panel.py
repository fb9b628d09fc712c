"""Today's mobility and recovery checklist beside the calendar, with the last four weeks' record.

Ticks are emitted as `ticked(day, item_id, done)`; the window stores them in the background.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from planner.model import ChecklistItem


class ChecklistPanel(QFrame):
    ticked = Signal(object, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistPanel")
        self.setAccessibleName(self.tr("Mobility and recovery checklist"))
        self.setMinimumWidth(230)
        self.day: date | None = None
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 14, 12, 12)
        self.heading = QLabel(self.tr("Checklist"), self)
        self.heading.setProperty("role", "heading")
        layout.addWidget(self.heading)
        self.items_box = QVBoxLayout()
        self.items_box.setSpacing(6)
        layout.addLayout(self.items_box)
        self.empty = QLabel(self.tr("Nothing planned for this day."), self)
        self.empty.setProperty("role", "muted")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addSpacing(10)
        record = QLabel(self.tr("Last 4 weeks"), self)
        record.setProperty("role", "heading")
        layout.addWidget(record)
        self.completion = QProgressBar(self)
        self.completion.setRange(0, 100)
        self.completion.setTextVisible(True)
        self.completion.setAccessibleName(self.tr("Checklist completion, last 4 weeks"))
        layout.addWidget(self.completion)
        self.streak = QLabel(self)
        self.streak.setProperty("role", "muted")
        self.streak.setWordWrap(True)
        layout.addWidget(self.streak)
        layout.addStretch(1)

    def show_day(
        self, day: date, items: tuple[ChecklistItem, ...], done: set[str], *, today: date
    ) -> None:
        self.day = day
        title = self.tr("Today") if day == today else day.strftime("%A %d %b")
        self.heading.setText(self.tr("Checklist · {day}").format(day=title))
        while self.items_box.count():
            w = self.items_box.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.boxes = {}
        for item in items:
            # "Foam roll: calves, quads, ..." -> a short tickable title and the detail below it
            title, _, detail = item.label.partition(":")
            if item.optional:
                title += " " + self.tr("(optional)")
            box = QCheckBox(title, self)
            box.setChecked(item.id in done)
            box.setAccessibleName(item.label)
            box.setToolTip("\n".join(t for t in (item.label, item.dose, item.note) if t))
            box.setEnabled(not item.note and day <= today)
            box.toggled.connect(lambda on, i=item.id: self._toggle(i, on))
            self.boxes[item.id] = box
            self.items_box.addWidget(box)
            lines = [x for x in (detail.strip(), item.dose, item.note) if x]
            if lines:
                label = QLabel(" · ".join(lines), self)
                label.setProperty("role", "muted")
                label.setWordWrap(True)
                label.setContentsMargins(26, 0, 0, 4)
                self.items_box.addWidget(label)
        self.empty.setVisible(not items)
        if day > today and items:
            self.empty.setText(self.tr("Tick items on the day itself."))
            self.empty.setVisible(True)
        else:
            self.empty.setText(self.tr("Nothing planned for this day."))

    def _toggle(self, item_id: str, on: bool) -> None:
        if self.day is not None:
            self.ticked.emit(self.day, item_id, on)

    def show_record(self, completion: float | None, streak: int) -> None:
        if completion is None:
            self.completion.setValue(0)
            self.completion.setFormat(self.tr("no checklist yet"))
        else:
            self.completion.setValue(round(completion * 100))
            self.completion.setFormat(self.tr("%p% of must-do items"))
        if streak:
            self.streak.setText(self.tr("{n}-day streak of complete days").format(n=streak))
        else:
            self.streak.setText(self.tr("Tick every must-do item to start a streak."))
        self.streak.setAlignment(Qt.AlignmentFlag.AlignLeft)
