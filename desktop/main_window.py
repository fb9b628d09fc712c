"""The main window: a sidebar of views (Calendar, Activities, Load, Races, Settings) over one
database, with menus, shortcuts and a status bar.

Every database read and write runs as a background job (`self.services.run`); results come back
by signal and only then touch widgets, so the window never freezes. The File menu and the plan
edits get `WindowServices`, not the window, and answer by signal. Window size, splitter and the
last view are restored from QSettings.
"""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QSettings, QSize, Qt, QTimer
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

from desktop.deferred import deferred
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
from desktop.views.services import WindowServices
from desktop.views.session_card import SessionCard, SessionChoice
from desktop.views.settings_view import SettingsView
from desktop.views.theme import apply_theme
from desktop.window_fit import PREFERRED, fit_window
from desktop.window_loading import UNITS_KEY, WindowLoading
from store import Database

if TYPE_CHECKING:
    from operations.status import StatusSummary

status = deferred("operations.status")

VIEWS = ("calendar", "activities", "load", "races", "settings")


class MainWindow(WindowLoading, QMainWindow):
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
        self._generation = 0
        self._loaded: set[str] = set()
        app = QApplication.instance()
        if app is not None and not app.property("strongstrideThemed"):
            apply_theme(app)
            app.setProperty("strongstrideThemed", True)
        self.setWindowTitle(self.tr("StrongStride"))
        self.setWindowIcon(icon("app", "#2563eb"))
        self.setAcceptDrops(True)
        self._build_views()
        self.services = WindowServices(
            db=db,
            data_dir=data_dir,
            today=self.today,
            db_jobs=self.db_jobs,
            long_jobs=self.jobs,
            show_problem=self.show_problem,
            show_status=self.statusBar().showMessage,
        )
        self.file_menu = FileMenu(
            self.services,
            owner=self,
            selected_day=lambda: self.calendar.selected,
            units=lambda: self.units,
        )
        self.strava = StravaControl(self)
        self.edits = PlanEdits(
            self.services,
            owner=self,
            day_plan=self.calendar.grid.days.get,
            week_plan=self.calendar.week_plan,
            days=lambda: self.calendar.grid.days,
        )
        self._build_menus()
        self._build_status()
        self._connect()
        self._start = _StartOrder()
        self.restore_state()  # the calendar asks for its page: the first job in the queue
        # Until the profile is read (after the first paint: reading it loads SQLAlchemy, which
        # would compete with painting a kept page), distances show in the units last shown.
        self.show_units(str(QSettings().value(UNITS_KEY, "km")))
        self.after_first_paint(self.reload_profile)

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
        edit.addAction(self.edits.undo_action)
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
        how = QAction(self.tr("&How your plan is made"), self)
        how.triggered.connect(self.show_plan_help)
        help_menu.addAction(how)
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
        self._connect_controllers()
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _s: self.retheme())

    def _connect_controllers(self) -> None:
        menu, edits = self.file_menu, self.edits
        menu.data_changed.connect(self.data_changed)
        menu.profile_changed.connect(self.reload_profile)
        menu.save_profile.connect(self.save_profile)
        menu.watch_profile_found.connect(
            lambda p: self.settings_view.form.offer(hr_max=p.hr_max, hr_rest=p.hr_rest)
        )
        menu.watch_status.connect(self.settings_view.watch_status.setText)
        menu.activities_imported.connect(edits.log_recorded)
        menu.strava_requested.connect(self._show_strava_settings)
        menu.backups.restored.connect(self._restored)
        edits.plan_changed.connect(self.invalidate_plans)
        edits.announced.connect(lambda text, undo: self.calendar.show_banner(text, undo=undo))
        edits.races_changed.connect(self.load_races)
        edits.profile_saved.connect(self._profile_saved)
        edits.checklist_record.connect(self.checklist.show_record)

    # -- background work --------------------------------------------------------------------
    def run(self, fn, on_result=None, *, name: str = "") -> Job:
        """Run `fn(cancel)` off the GUI thread (see `WindowServices.run`)."""
        return self.services.run(fn, on_result, name=name)

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

    def invalidate_plans(self) -> None:
        """The plan changed (log, race, profile, import): drop what is shown and fetch again."""
        self._generation += 1
        self.calendar.invalidate()
        self._loaded.discard("load")
        if self.current_view == "load":
            self._view_changed(VIEWS.index("load"))
        self.edits.load_checklist_record()
        self.load_comparison()

    # -- plan changes (desktop.views.plan_edits) ----------------------------------------------
    def open_session(self, day: date) -> SessionCard | None:
        return self.edits.open_session(day)

    def apply_choice(self, day: date, choice: SessionChoice, title: str) -> Job:
        return self.edits.apply_choice(day, choice, title)

    def undo(self) -> None:
        self.edits.undo()

    def save_profile(self, fields: dict) -> None:
        self.edits.save_profile(fields)

    def _profile_saved(self) -> None:
        self.settings_view.saved.setText(self.tr("Saved."))
        self.reload_profile()
        self._loaded.discard("activities")

    # The session card, the undo stack and the last change belong to the plan edits.
    @property
    def session_card(self) -> SessionCard | None:
        return self.edits.session_card

    @property
    def undo_stack(self) -> list[tuple[int, str]]:
        return self.edits.undo_stack

    @property
    def last_change(self) -> str:
        return self.edits.last_change

    @property
    def undo_action(self) -> QAction:
        return self.edits.undo_action

    # -- status, drops, state ---------------------------------------------------------------
    def activity_count(self) -> int:
        """How many activities are stored, read now (for scripts and tests; the status bar
        reads it in a job)."""
        return status.status_summary(self.db).activities

    def refresh_status(self, note: str = "") -> None:
        """Read the activity count and the last sync in a job, then show them; a `note` is
        shown after them, so the summary arriving later does not hide it."""
        db = self.db

        def show(summary: StatusSummary) -> None:
            self._show_status_summary(summary)
            if note:
                self.statusBar().showMessage(note, 15000)

        self.run(lambda c: status.status_summary(db), show, name="status")

    def _show_status_summary(self, summary: StatusSummary) -> None:
        self.statusBar().showMessage(
            self.tr("{count} activities · data in {path}").format(
                count=summary.activities, path=self.data_dir
            )
        )
        text = ""
        if summary.last_sync_utc is not None:
            local = summary.last_sync_utc.replace(tzinfo=UTC).astimezone()
            text = self.tr("Last sync: {src}, {when}").format(
                src=summary.last_sync_source, when=f"{local:%d %b %H:%M}"
            )
        self.sync_label.setText(text)

    def _show_strava_settings(self) -> None:
        self.show_view("settings")
        self.settings_view.strava.client_id.setFocus()

    def _restored(self, note: str) -> None:
        """A backup replaced the data: the profile and every view are read again, then the
        status bar says what was restored."""
        self.reload_profile()
        self._reload_views()
        self.refresh_status(note)

    def data_changed(self) -> None:
        """After an import: everything may have changed."""
        self._reload_views()
        self.refresh_status()

    def _reload_views(self) -> None:
        """Read the shown view again now and every other one when it is next shown."""
        self._loaded.clear()
        self.invalidate_plans()
        self._view_changed(self.sidebar.currentRow())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
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
        size, pos = settings.value("window/size"), settings.value("window/pos")
        restored = isinstance(size, QSize) and isinstance(pos, QPoint)
        if restored:
            self.resize(size)
            self.move(pos)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            fit_window(self, screen.availableGeometry(), first_start=not restored)
        else:
            self.resize(PREFERRED)
        if settings.value("window/maximized", "false") in (True, "true"):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        split = settings.value("window/calendarSplit")
        if isinstance(split, QByteArray):
            self.calendar_split.restoreState(split)
        view = str(settings.value("window/view", "calendar"))
        self.calendar.set_week_mode(settings.value("calendar/week", "false") in (True, "true"))
        self.show_view(view if view in VIEWS else "calendar")

    def save_state(self) -> None:
        settings = QSettings()
        maximized = self.isMaximized()
        settings.setValue("window/maximized", maximized)
        if not maximized:  # the normal size and place, to come back to
            settings.setValue("window/size", self.size())
            settings.setValue("window/pos", self.pos())
        settings.setValue("window/calendarSplit", self.calendar_split.saveState())
        settings.setValue("window/view", self.current_view)
        settings.setValue("calendar/week", self.calendar.week_mode)

    def show_shortcuts(self) -> None:
        self.shortcuts_box = help_menu.shortcuts_box(self)
        self.shortcuts_box.open()

    def show_plan_help(self) -> None:
        """The planner's rules in plain words and a glossary of the window's terms."""
        from desktop.views.plan_help import PlanHelp

        self.plan_help = PlanHelp(self)
        self.plan_help.open()

    def show_about(self) -> None:
        help_menu.show_about(self)

    # -- start-up order ----------------------------------------------------------------------
    # The first page's plan is the first job and its paint the first thing the runner sees;
    # the other reads (status bar, checklist record, comparison) and, once the window shows,
    # the welcome check, Strava's status and the watch monitor wait for that paint, so no
    # other job (or its imports: Strava's client library alone takes about half a second)
    # competes with it.
    def first_page_loaded(self) -> None:
        """The first page's plan job ended (with plans or an error)."""
        if self._start.page_loaded:
            return
        self._start.page_loaded = True
        grid = self.calendar.grid
        if grid.isVisible() and grid.days:
            grid.plans_painted.connect(
                self._start_other_reads, Qt.ConnectionType.SingleShotConnection
            )
            # if no paint comes (a minimised window); the timer dies with the window
            QTimer.singleShot(2000, self, self._start_other_reads)
        else:
            self._start_other_reads()

    @property
    def started(self) -> bool:
        """Every start-up read and task has been started (their jobs may still run)."""
        return self._start.reads_started and (self._start.tasks_started or not self._start.shown)

    def after_first_paint(self, fn) -> None:
        """Run `fn` now, or once the first page has been painted if it has not been yet."""
        if self._start.reads_started:
            fn()
        else:
            self._start.waiting.append(fn)

    def _start_other_reads(self) -> None:
        if self._start.reads_started:
            return
        self._start.reads_started = True
        self.refresh_status()
        self.edits.load_checklist_record()
        self.load_comparison()
        for fn in self._start.waiting:  # the pages either side, planned ahead
            fn()
        self._start.waiting.clear()
        if self._start.shown:
            self._start_shown_tasks()

    def _start_shown_tasks(self) -> None:
        if self._start.tasks_started:
            return
        self._start.tasks_started = True
        self.file_menu.first_run()
        self.strava.start()
        self.file_menu.watch_monitor.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._start.shown:
            self._start.shown = True
            if self._start.reads_started:
                self._start_shown_tasks()

    def closeEvent(self, event: QCloseEvent) -> None:
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


class _StartOrder:
    """Where the window's start-up is (see `MainWindow.first_page_loaded`)."""

    def __init__(self) -> None:
        self.page_loaded = False
        self.reads_started = False
        self.shown = False
        self.tasks_started = False
        self.waiting: list = []  # work held until the first paint
