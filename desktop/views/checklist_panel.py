"""Today's mobility and recovery checklist beside the calendar, with the last four weeks' record.

Ticks are emitted as `ticked(day, item_id, done)`; the window stores them in the background.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.model import ChecklistItem


class ItemTitle(QLabel):
    """An item's title, wrapped; clicking it ticks its box like a checkbox's own text would."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event) -> None:
        if self.box.isEnabled():
            self.box.toggle()
        event.accept()


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
        # the items scroll when the window is short; every line wraps, none is cut off
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        items = QWidget(self.scroll)
        self.items_box = QVBoxLayout(items)
        self.items_box.setContentsMargins(0, 0, 4, 0)
        self.items_box.setSpacing(6)
        self.items_box.addStretch(1)
        self.scroll.setWidget(items)
        layout.addWidget(self.scroll, 1)
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

    def show_day(
        self, day: date, items: tuple[ChecklistItem, ...], done: set[str], *, today: date
    ) -> None:
        self.day = day
        title = self.tr("Today") if day == today else day.strftime("%A %d %b")
        self.heading.setText(self.tr("Checklist · {day}").format(day=title))
        while self.items_box.count() > 1:  # the stretch at the end stays
            w = self.items_box.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.boxes = {}
        self.labels: list[QLabel] = []
        for n, item in enumerate(items):
            row = self._item_row(item, item.id in done, day, today)
            self.items_box.insertWidget(n, row)
            row.show()  # at once, not when the event loop next runs: clicks find the boxes
        self.items_box.activate()
        self.empty.setVisible(not items)
        if day > today and items:
            self.empty.setText(self.tr("Tick items on the day itself."))
            self.empty.setVisible(True)
        else:
            self.empty.setText(self.tr("Nothing planned for this day."))

    def _item_row(self, item: ChecklistItem, done: bool, day: date, today: date) -> QWidget:
        """A tick box beside the item's title and detail, both wrapped to the panel's width."""
        # "Foam roll: calves, quads, ..." -> a short title and the detail below it
        title, _, detail = item.label.partition(":")
        if item.optional:
            title += " " + self.tr("(optional)")
        row = QWidget(self)
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 0, 0, 2)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(1)
        grid.setColumnStretch(1, 1)
        box = QCheckBox(row)
        box.setChecked(done)
        box.setAccessibleName(item.label)
        box.setToolTip("\n".join(t for t in (item.label, item.dose, item.note) if t))
        box.setEnabled(not item.note and day <= today)
        box.toggled.connect(lambda on, i=item.id: self._toggle(i, on))
        self.boxes[item.id] = box
        grid.addWidget(box, 0, 0, Qt.AlignmentFlag.AlignTop)
        name = ItemTitle(title, box, row)
        grid.addWidget(name, 0, 1)
        self.labels.append(name)
        lines = [x for x in (detail.strip(), item.dose, item.note) if x]
        if lines:
            label = QLabel(" · ".join(lines), row)
            label.setProperty("role", "muted")
            label.setWordWrap(True)
            grid.addWidget(label, 1, 1)
            self.labels.append(label)
        return row

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
