"""The welcome's page about the running week and the next race.

With little or no history the plan rests on these answers: the usual week sets the volume the
planner compares against (DOMAIN.md §2.9, the onboarding answer) and the next A race sets the
season's phases (§3). Both are optional; the page says what the plan uses without them.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
    QWizardPage,
)

RACE_DISTANCES = (("5K", 5.0), ("10K", 10.0), ("Half marathon", 21.0975), ("Marathon", 42.195))


class WeekAndRacePage(QWizardPage):
    def __init__(self, today: date, parent=None) -> None:
        super().__init__(parent)
        self.today = today
        self.setTitle(self.tr("Your running week and your next race"))
        self.setSubTitle(
            self.tr(
                "Until your runs are imported, the plan is based on these answers. "
                "Both are optional: without them it assumes a normal running week and no race."
            )
        )
        form = QFormLayout(self)
        self.hours = QSpinBox(self)
        self.hours.setRange(0, 30)
        self.hours.setSuffix(self.tr(" h"))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 55)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.hours.setValue(4)
        self.hours.setAccessibleName(self.tr("Usual running time a week, hours"))
        self.minutes.setAccessibleName(self.tr("Usual running time a week, minutes"))
        self.know_week = QCheckBox(self.tr("I know my usual week:"), self)
        self.know_week.toggled.connect(self.hours.setEnabled)
        self.know_week.toggled.connect(self.minutes.setEnabled)
        self.hours.setEnabled(False)
        self.minutes.setEnabled(False)
        form.addRow(self.know_week)
        form.addRow(self.tr("Running time in a usual week"), self._pair(self.hours, self.minutes))
        self.has_race = QCheckBox(self.tr("I have a goal race coming up"), self)
        self.race_name = QLineEdit(self)
        self.race_name.setPlaceholderText(self.tr("e.g. City Half Marathon"))
        self.race_day = QDateEdit(self)
        self.race_day.setCalendarPopup(True)
        self.race_day.setDisplayFormat("ddd dd MMM yyyy")
        first = today + timedelta(weeks=12)
        self.race_day.setDate(QDate(first.year, first.month, first.day))
        self.race_distance = QComboBox(self)
        for label, km in RACE_DISTANCES:
            self.race_distance.addItem(self.tr(label), km)
        self.race_distance.setCurrentIndex(2)
        self.has_race.toggled.connect(self._race_toggled)
        form.addRow(self.has_race)
        form.addRow(self.tr("Race"), self.race_name)
        form.addRow(self.tr("Day"), self.race_day)
        form.addRow(self.tr("Distance"), self.race_distance)
        note = QLabel(
            self.tr(
                "A goal race (priority A) shapes the season: base, build, peak, taper. "
                "Tune-up and training races can be added later in Races."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        form.addRow(note)
        self._race_toggled(False)

    def _pair(self, a: QSpinBox, b: QSpinBox) -> QWidget:
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(a)
        lay.addWidget(b)
        lay.addStretch(1)
        return row

    def _race_toggled(self, on: bool) -> None:
        for w in (self.race_name, self.race_day, self.race_distance):
            w.setEnabled(on)

    def usual_minutes(self) -> float | None:
        """The usual week's running in minutes, or None when the runner did not say."""
        if not self.know_week.isChecked():
            return None
        total = self.hours.value() * 60 + self.minutes.value()
        return float(total) if total > 0 else None

    def race(self) -> dict | None:
        """The goal race as `training.add_race` takes it, or None."""
        if not self.has_race.isChecked():
            return None
        day = self.race_day.date().toPython()
        name = self.race_name.text().strip() or self.race_distance.currentText()
        if day <= self.today:
            return None
        return {
            "day": day,
            "name": name,
            "distance_km": self.race_distance.currentData(),
            "priority": "A",
        }
