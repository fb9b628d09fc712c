"""Settings and first run: the runner's profile form, the connections, and the onboarding wizard.

`ProfileForm` is shared by the Settings page and the first-run wizard. Values read from a watch
are offered with a button ("use 188"), never applied silently.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.views.strava_settings import StravaSettings
from planner.model import Equipment, Profile, Sex

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _optional_spin(parent: QWidget, lo: int, hi: int, none_text: str) -> QSpinBox:
    """A spin box whose lowest value means 'not given'."""
    spin = QSpinBox(parent)
    spin.setRange(lo - 1, hi)
    spin.setSpecialValueText(none_text)
    spin.setValue(lo - 1)
    return spin


class ProfileForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.sex = QComboBox(self)
        for value, label in (
            (Sex.FEMALE, "Female"),
            (Sex.MALE, "Male"),
            (Sex.UNKNOWN, "Prefer not to say"),
        ):
            self.sex.addItem(self.tr(label), value.value)
        self.sex.setCurrentIndex(self.sex.findData(Sex.UNKNOWN.value))
        self.birth_year = _optional_spin(self, 1930, 2015, self.tr("not given"))
        self.hr_max = _optional_spin(self, 120, 230, self.tr("estimate from my runs"))
        self.hr_rest = _optional_spin(self, 30, 100, self.tr("estimate from my runs"))
        self.hr_max_hint = QPushButton(self)
        self.hr_rest_hint = QPushButton(self)
        for b in (self.hr_max_hint, self.hr_rest_hint):
            b.hide()
            b.setAutoDefault(False)
        self.units = QComboBox(self)
        self.units.addItem(self.tr("Kilometres"), "km")
        self.units.addItem(self.tr("Miles"), "mi")
        self.long_run = QComboBox(self)
        self.long_run.addItem(self.tr("No usual day"), None)
        for i, d in enumerate(WEEKDAYS):
            self.long_run.addItem(self.tr(d), i)
        self.strength_days = [QCheckBox(self.tr(d), self) for d in WEEKDAYS]
        days_row = QHBoxLayout()
        for box in self.strength_days:
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.equipment = QComboBox(self)
        for value, label in (
            (Equipment.GYM, "Gym (barbell, machines)"),
            (Equipment.HOME, "Home (dumbbells, a band)"),
            (Equipment.BODYWEIGHT, "Body weight only"),
        ):
            self.equipment.addItem(self.tr(label), value.value)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Birth year"), self.birth_year)
        form.addRow(self.tr("Maximum heart rate"), self._with_hint(self.hr_max, self.hr_max_hint))
        form.addRow(self.tr("Resting heart rate"), self._with_hint(self.hr_rest, self.hr_rest_hint))
        form.addRow(self.tr("Units"), self.units)
        form.addRow(self.tr("Usual long-run day"), self.long_run)
        form.addRow(self.tr("Days free for strength"), days_row)
        hint = QLabel(self.tr("Leave all unticked if any day works."), self)
        hint.setProperty("role", "muted")
        form.addRow("", hint)
        form.addRow(self.tr("Equipment"), self.equipment)

    def _with_hint(self, spin: QSpinBox, hint: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(spin)
        row.addWidget(hint)
        row.addStretch(1)
        return row

    def set_profile(self, p: Profile) -> None:
        self.sex.setCurrentIndex(max(0, self.sex.findData(str(p.sex))))
        self.birth_year.setValue(p.birth_year or self.birth_year.minimum())
        self.hr_max.setValue(p.hr_max or self.hr_max.minimum())
        self.hr_rest.setValue(p.hr_rest or self.hr_rest.minimum())
        self.units.setCurrentIndex(max(0, self.units.findData(p.units)))
        idx = self.long_run.findData(p.long_run_weekday) if p.long_run_weekday is not None else 0
        self.long_run.setCurrentIndex(max(0, idx))
        for i, box in enumerate(self.strength_days):
            box.setChecked(i in p.strength_weekdays)
        self.equipment.setCurrentIndex(max(0, self.equipment.findData(str(p.equipment))))

    def offer(self, *, hr_max: int | None, hr_rest: int | None) -> None:
        """Show a watch's values as buttons the runner may press."""
        for value, spin, button in (
            (hr_max, self.hr_max, self.hr_max_hint),
            (hr_rest, self.hr_rest, self.hr_rest_hint),
        ):
            if value and spin.value() != value:
                button.setText(self.tr("Use {v} from your watch").format(v=value))
                button.clicked.connect(
                    lambda _=False, s=spin, v=value, b=button: (s.setValue(v), b.hide())
                )
                button.show()

    def fields(self) -> dict:
        def opt(spin: QSpinBox) -> int | None:
            return None if spin.value() == spin.minimum() else spin.value()

        return {
            "sex": self.sex.currentData(),
            "birth_year": opt(self.birth_year),
            "hr_max": opt(self.hr_max),
            "hr_rest": opt(self.hr_rest),
            "units": self.units.currentData(),
            "long_run_weekday": self.long_run.currentData(),
            "strength_weekdays": tuple(
                i for i, b in enumerate(self.strength_days) if b.isChecked()
            ),
            "equipment": self.equipment.currentData(),
        }


class SettingsView(QWidget):
    save_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Settings"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 6)
        title = QLabel(self.tr("Settings"), self)
        title.setProperty("role", "title")
        outer.addWidget(title)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        profile_box = QGroupBox(self.tr("You and your week"), body)
        pl = QVBoxLayout(profile_box)
        self.form = ProfileForm(profile_box)
        pl.addWidget(self.form)
        self.save_button = QPushButton(self.tr("&Save profile"), profile_box)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.form.fields()))
        self.saved = QLabel(profile_box)
        self.saved.setProperty("role", "muted")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved)
        row.addStretch(1)
        pl.addLayout(row)
        layout.addWidget(profile_box)
        self.strava = StravaSettings(body)  # desktop.strava_control does its work
        layout.addWidget(self.strava)
        conn = QGroupBox(self.tr("Connections"), body)
        cl = QFormLayout(conn)
        self.watch_status = QLabel(self.tr("No watch plugged in"), conn)
        cl.addRow(self.tr("Garmin watch"), self.watch_status)
        self.data_dir = QLabel(conn)
        self.data_dir.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cl.addRow(self.tr("Data folder"), self.data_dir)
        layout.addWidget(conn)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)


class OnboardingWizard(QWizard):
    """First run: a few questions about the runner, then where the activities come from."""

    IMPORT_CHOICES = ("watch", "folder", "strava", "demo", "later")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to StrongStride"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(640, 520)
        intro = QWizardPage(self)
        intro.setTitle(self.tr("Strength training planned around your running"))
        intro.setSubTitle(
            self.tr(
                "A few questions so the plan fits your week. Everything can be changed later "
                "in Settings; heart rates are estimated from your runs if you leave them out."
            )
        )
        il = QVBoxLayout(intro)
        self.form = ProfileForm(intro)
        il.addWidget(self.form)
        self.addPage(intro)
        source = QWizardPage(self)
        source.setTitle(self.tr("Where do your runs come from?"))
        source.setSubTitle(self.tr("StrongStride reads your activities to see how much you run."))
        sl = QVBoxLayout(source)
        self.choice = QButtonGroup(self)
        labels = {
            "watch": self.tr("Sync my Garmin watch (plug it in by USB)"),
            "folder": self.tr("Import FIT files or a folder, or a zip export"),
            "strava": self.tr("Connect Strava (Settings shows the three steps)"),
            "demo": self.tr("Just try it with a demo season"),
            "later": self.tr("Later"),
        }
        for i, key in enumerate(self.IMPORT_CHOICES):
            radio = QRadioButton(labels[key], source)
            self.choice.addButton(radio, i)
            sl.addWidget(radio)
        self.choice.button(1).setChecked(True)
        sl.addStretch(1)
        self.addPage(source)

    def import_choice(self) -> str:
        return self.IMPORT_CHOICES[max(0, self.choice.checkedId())]
