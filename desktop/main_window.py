"""The main window: a sidebar of views (Calendar, Activities, Load, Races, Settings) over one
database, with menus, shortcuts and a status bar.

Every database read and write runs as a background job (`self.jobs`); results come back by
signal and only then touch widgets, so the window never freezes. Window size, splitter and the
last view are restored from QSettings.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop.jobs import Job, JobRunner
from desktop.strava_control import StravaControl
from desktop.views import help_menu
from desktop.views.activities_view import ActivitiesView
from desktop.views.calendar_view import CalendarView
from desktop.views.checklist_panel import ChecklistPanel
from desktop.views.file_menu import FileMenu
from desktop.views.icons import icon
from desktop.views.load_view import LoadView
from desktop.views.plan_edits import PlanEdits
from desktop.views.races_view import RacesView
from desktop.views.session_card import SessionCard, SessionChoice
from desktop.views.settings_view import SettingsView
from desktop.views.theme import apply_theme
from operations import activities, diary, training
from planner.model import DayPlan, WeekPlan
from store import Database
from store.stats import activity_count

VIEWS = ("calendar", "activities", "load", "races", "settings")
PREFETCH_WEEKS = 6  # a month page either side of the one shown


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        *,
        data_dir: Path,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.data_dir = data_dir
        self.today = today or date.today()
        self.jobs = JobRunner(self)  # imports and syncs
        # Plan reads and writes run one at a time, in order, on their own worker.
        self.db_jobs = JobRunner(self, max_threads=1)
        self.units = "km"
        self.undo_stack: list[tuple[int, str]] = []
        self.last_change = ""
        self.session_card: SessionCard | None = None
        self._generation = 0
        self._loaded: set[str] = set()
        app = QApplication.instance()
        if app is not None and not app.property("strongstrideThemed"):
            apply_theme(app)
            app.setProperty("strongstrideThemed", True)
        self.setWindowTitle(self.tr("StrongStride"))
        self.setWindowIcon(icon("app", "#2563eb"))
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self._build_views()
        self.file_menu = FileMenu(self)
        self.strava = StravaControl(self)
        self.edits = PlanEdits(self)
        self._build_menus()
        self._build_status()
        self._connect()
        self.restore_state()
        self.refresh_status()
        self.reload_profile()
        self.edits.load_checklist_record()

    # -- construction -----------------------------------------------------------------------
    def _build_views(self) -> None:
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Views"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(170)
        labels = (
            self.tr("Calendar"),
            self.tr("Activities"),
            self.tr("Load"),
            self.tr("Races"),
            self.tr("Settings"),
        )
        for name, label in zip(VIEWS, labels, strict=True):
            QListWidgetItem(icon(name), label, self.sidebar)
        self.stack = QStackedWidget(self)
        self.calendar = CalendarView(self.today, self)
        self.checklist = ChecklistPanel(self)
        self.calendar_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.calendar_split.addWidget(self.calendar)
        self.calendar_split.addWidget(self.checklist)
        self.calendar_split.setStretchFactor(0, 1)
        self.calendar_split.setSizes([980, 260])
        self.calendar_area = self.calendar_split  # the page the window opens on
        self.activities = ActivitiesView(self)
        self.load_view = LoadView(self)
        self.races = RacesView(self.today, self)
        self.settings_view = SettingsView(self)
        self.settings_view.data_dir.setText(str(self.data_dir))
        for page in (
            self.calendar_split,
            self.activities,
            self.load_view,
            self.races,
            self.settings_view,
        ):
            self.stack.addWidget(page)
        body = QWidget(self)
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    def _build_menus(self) -> None:
        self.file_menu.build(self.menuBar().addMenu(self.tr("&File")))
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = QAction(icon("undo"), self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        edit.addAction(self.undo_action)
        view = self.menuBar().addMenu(self.tr("&View"))
        for i, name in enumerate(VIEWS):
            action = QAction(self.sidebar.item(i).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, n=name: self.show_view(n))
            view.addAction(action)
            setattr(self, f"{name}_action", action)
        view.addSeparator()
        for text, key, slot in (
            (self.tr("&Month\tM"), "", lambda: self.calendar.set_week_mode(False)),
            (self.tr("&Week\tW"), "", lambda: self.calendar.set_week_mode(True)),
            (self.tr("&Today"), "Ctrl+T", self.calendar.go_today),
        ):
            action = QAction(text, self)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, s=slot: (self.show_view("calendar"), s()))
            view.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = QAction(self.tr("&Keyboard shortcuts"), self)
        keys.setShortcut(QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction(self.tr("&About StrongStride"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status(self) -> None:
        self.sync_label = QLabel(self)
        self.sync_label.setProperty("role", "muted")
        self.statusBar().addPermanentWidget(self.sync_label)
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("color: #dc2626;")
        self.statusBar().addPermanentWidget(self.problem_label)

    def _connect(self) -> None:
        self.sidebar.currentRowChanged.connect(self._view_changed)
        self.calendar.range_needed.connect(self.load_weeks)
        self.calendar.session_activated.connect(self.open_session)
        self.calendar.move_requested.connect(self.edits.move_session)
        self.calendar.undo_requested.connect(self.undo)
        self.calendar.selection_changed.connect(self._show_checklist)
        self.checklist.ticked.connect(self.edits.tick)
        self.activities.series_needed.connect(self.load_series)
        self.load_view.weeks_changed.connect(lambda _n: self.load_loads())
        self.races.add_requested.connect(self.edits.add_race)
        self.races.edit_requested.connect(self.edits.edit_race)
        self.races.remove_requested.connect(self.edits.remove_race)
        self.settings_view.save_requested.connect(self.save_profile)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _s: self.retheme())

    # -- background work --------------------------------------------------------------------
    def run(self, fn, on_result=None, *, name: str = "") -> Job:  # noqa: ANN001 - callables
        """Run `fn(cancel)` off the GUI thread; `on_result` gets its value on the GUI thread.

        The value travels boxed in a tuple, so a job returning None never crosses threads bare.
        """
        job = self.db_jobs.start(lambda cancel: (fn(cancel),), name)
        if on_result is not None:
            job.signals.result.connect(lambda box: on_result(box[0]))
        job.signals.error.connect(self.show_problem)
        return job

    def show_problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.setToolTip(message)
        self.statusBar().showMessage(message, 10000)

    # -- views ------------------------------------------------------------------------------
    def show_view(self, name: str) -> None:
        self.sidebar.setCurrentRow(VIEWS.index(name))

    @property
    def current_view(self) -> str:
        return VIEWS[max(0, self.sidebar.currentRow())]

    def _view_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        name = VIEWS[row]
        if name not in self._loaded:
            self._loaded.add(name)
            {
                "activities": self.load_activities,
                "load": self.load_loads,
                "races": self.load_races,
                "settings": self.reload_profile,
            }.get(name, lambda: None)()
        if name == "calendar":
            self.calendar.grid.setFocus()

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
            return training.plan_weeks(db, start=start, weeks=weeks, today=today)

        def show(plans: list[WeekPlan]) -> None:
            if generation == self._generation:
                self.calendar.set_plans(plans)
                self._show_checklist(self.calendar.selected)
                self._prefetch(start, weeks)

        self.run(fetch, show, name="weeks")

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

    def invalidate_plans(self) -> None:
        """The plan changed (log, race, profile, import): drop what is shown and fetch again."""
        self._generation += 1
        self.calendar.invalidate()
        self._loaded.discard("load")
        if self.current_view == "load":
            self._view_changed(VIEWS.index("load"))
        self.edits.load_checklist_record()

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

        def fetch(cancel: threading.Event):  # noqa: ANN202
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

        def show(result) -> None:  # noqa: ANN001
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

        def show(profile) -> None:  # noqa: ANN001
            self.units = profile.units or "km"
            self.calendar.set_units(self.units)
            self.settings_view.form.set_profile(profile)

        self.run(lambda c: training.load_profile(db), show)

    # -- checklist --------------------------------------------------------------------------
    def _show_checklist(self, day: date) -> None:
        plan: DayPlan | None = self.calendar.grid.days.get(day)
        items = plan.checklist if plan is not None else ()
        db = self.db
        self.run(
            lambda c: diary.checklist_ticks(db, first=day, last=day).get(day, set()),
            lambda done: self.checklist.show_day(day, items, done, today=self.today),
        )

    # -- plan changes (desktop.views.plan_edits) ----------------------------------------------
    def open_session(self, day: date) -> SessionCard | None:
        return self.edits.open_session(day)

    def apply_choice(self, day: date, choice: SessionChoice, title: str) -> Job:
        return self.edits.apply_choice(day, choice, title)

    def undo(self) -> None:
        self.edits.undo()

    def save_profile(self, fields: dict) -> None:
        self.edits.save_profile(fields)

    # -- status, drops, state ---------------------------------------------------------------
    def activity_count(self) -> int:
        with self.db.session() as s:
            return activity_count(s)

    def refresh_status(self) -> None:
        count = self.activity_count()
        self.statusBar().showMessage(
            self.tr("{count} activities · data in {path}").format(count=count, path=self.data_dir)
        )
        self.sync_label.setText(self.file_menu.last_sync_text())

    def data_changed(self) -> None:
        """After an import: everything may have changed."""
        self._loaded.clear()
        self._loaded.add(self.current_view)
        self.invalidate_plans()
        self._view_changed(self.sidebar.currentRow())
        self.refresh_status()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.file_menu.start_import(paths)

    def retheme(self) -> None:
        app = QApplication.instance()
        if app is not None:
            apply_theme(app)
        for i, name in enumerate(VIEWS):
            self.sidebar.item(i).setIcon(icon(name))
        self.calendar.grid.update()
        self._loaded.discard("load")
        if self.current_view == "load":
            self._view_changed(VIEWS.index("load"))

    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        split = settings.value("window/calendarSplit")
        if isinstance(split, QByteArray):
            self.calendar_split.restoreState(split)
        view = str(settings.value("window/view", "calendar"))
        self.calendar.set_week_mode(settings.value("calendar/week", "false") in (True, "true"))
        self.show_view(view if view in VIEWS else "calendar")

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/calendarSplit", self.calendar_split.saveState())
        settings.setValue("window/view", self.current_view)
        settings.setValue("calendar/week", self.calendar.week_mode)

    def show_shortcuts(self) -> None:
        self.shortcuts_box = help_menu.shortcuts_box(self)
        self.shortcuts_box.open()

    def show_about(self) -> None:
        help_menu.show_about(self)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt's name
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            QTimer.singleShot(0, self.file_menu.first_run)
            QTimer.singleShot(0, self.strava.start)
            self.file_menu.watch_monitor.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.file_menu.importing:
            answer = QMessageBox.question(
                self,
                self.tr("Work in progress"),
                self.tr("An import is still running. Stop it and close?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.file_menu.watch_monitor.stop()
        for runner in (self.jobs, self.db_jobs):
            runner.cancel_all()
        for runner in (self.jobs, self.db_jobs):
            runner.wait()
        self.save_state()
        event.accept()
