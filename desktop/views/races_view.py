"""The races page: the runner's races with priority, and a form to add, change or remove one.

Edits are emitted as requests (`add_requested`, `remove_requested`, `edit_requested`); the window
runs them in the background and refreshes the list, the calendar and the plan.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model import Race

PRESETS = ((5.0, "5K"), (10.0, "10K"), (21.0975, "Half marathon"), (42.195, "Marathon"))
PRIORITY_HELP = {
    "A": "A: the goal race; the season is planned towards it (taper, race week)",
    "B": "B: an important race; a lighter week around it",
    "C": "C: a training race; the plan barely changes",
}


class RacesView(QWidget):
    add_requested = Signal(object)  # dict(day, name, distance_km, priority)
    edit_requested = Signal(int, object)  # race id, dict
    remove_requested = Signal(int)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.races: list[Race] = []
        self.setAccessibleName(self.tr("Races"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        title = QLabel(self.tr("Races"), self)
        title.setProperty("role", "title")
        layout.addWidget(title)
        hint = QLabel(
            self.tr(
                "Your races shape the season: strength work builds before them and eases off "
                "in the taper and race week."
            ),
            self,
        )
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Race"), self.tr("Distance"), self.tr("Priority")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Race list"))
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        for col, width in ((0, 150), (2, 90), (3, 70)):
            self.table.setColumnWidth(col, width)
        self.empty = QLabel(
            self.tr(
                "No races yet. Add your next goal race on the right (priority A): the season's "
                "phases (base, build, peak, taper) are planned back from it, and the strength "
                "sessions ease off before it. Tune-up (B) and training (C) races can go in too."
            ),
            self,
        )
        self.empty.setObjectName("racesEmpty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        row.addWidget(self.table, 3)
        form = self._form()
        form.setMinimumWidth(420)
        row.addWidget(form, 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row, 1)

    def _form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Race"), self)
        form = QFormLayout(box)
        self.day = QDateEdit(box)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd dd MMM yyyy")
        self.day.setDate(QDate(self.today.year, self.today.month, self.today.day).addDays(56))
        self.name = QLineEdit(box)
        self.name.setPlaceholderText(self.tr("e.g. City Half Marathon"))
        self.distance = QDoubleSpinBox(box)
        self.distance.setRange(0.0, 400.0)
        self.distance.setDecimals(2)
        self.distance.setSuffix(" km")
        self.distance.setValue(10.0)
        presets = QHBoxLayout()
        for km, label in PRESETS:
            b = QPushButton(self.tr(label), box)
            b.setAutoDefault(False)
            b.clicked.connect(lambda _=False, v=km: self.distance.setValue(v))
            presets.addWidget(b)
        self.priority = QComboBox(box)
        for p in "ABC":
            self.priority.addItem(self.tr(PRIORITY_HELP[p]).split(";")[0], p)
            self.priority.setItemData(
                self.priority.count() - 1, self.tr(PRIORITY_HELP[p]), Qt.ItemDataRole.ToolTipRole
            )
        self.priority.setCurrentIndex(1)
        self.error = QLabel(box)
        self.error.setStyleSheet("color: #dc2626;")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add race"), box)
        self.save_button = QPushButton(self.tr("Save &changes"), box)
        self.remove_button = QPushButton(self.tr("&Remove"), box)
        self.add_button.clicked.connect(self.submit_add)
        self.save_button.clicked.connect(self.submit_edit)
        self.remove_button.clicked.connect(self.submit_remove)
        for b in (self.add_button, self.save_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Distance"), self.distance)
        form.addRow("", presets)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.error)
        form.addRow(buttons)
        self._selected()
        return box

    def set_races(self, races: list[Race]) -> None:
        self.races = list(races)
        self.empty.setVisible(not self.races)
        self.table.setRowCount(len(self.races))
        for row, race in enumerate(self.races):
            past = race.day < self.today
            cells = (
                race.day.strftime("%a %d %b %Y"),
                race.name,
                f"{race.distance_km:g} km",
                str(race.priority),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if past:
                    item.setForeground(self.palette().placeholderText())
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setToolTip(self.tr(PRIORITY_HELP.get(str(race.priority), "")))
                self.table.setItem(row, col, item)
        self._selected()

    def selected_race(self) -> Race | None:
        rows = self.table.selectionModel().selectedRows()
        return self.races[rows[0].row()] if rows else None

    def _selected(self) -> None:
        race = self.selected_race()
        self.save_button.setEnabled(race is not None)
        self.remove_button.setEnabled(race is not None)
        if race is not None:
            self.day.setDate(QDate(race.day.year, race.day.month, race.day.day))
            self.name.setText(race.name)
            self.distance.setValue(race.distance_km)
            self.priority.setCurrentIndex("ABC".index(str(race.priority)))

    def values(self) -> dict | None:
        """The form's race, or None with the problem shown beside the form."""
        name = self.name.text().strip()
        km = self.distance.value()
        problem = ""
        if not name:
            problem = self.tr("Give the race a name.")
        elif km < 0.8:
            problem = self.tr("A race is at least 0.8 km.")
        if problem:
            self.error.setText(problem)
            return None
        self.error.setText("")
        return {
            "day": self.day.date().toPython(),
            "name": name,
            "distance_km": round(km, 3),
            "priority": self.priority.currentData(),
        }

    def submit_add(self) -> None:
        values = self.values()
        if values is not None:
            self.add_requested.emit(values)

    def submit_edit(self) -> None:
        race, values = self.selected_race(), self.values()
        if race is not None and values is not None:
            self.edit_requested.emit(race.id, values)

    def submit_remove(self) -> None:
        race = self.selected_race()
        if race is not None:
            self.remove_requested.emit(race.id)
