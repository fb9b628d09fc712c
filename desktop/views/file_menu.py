"""The File menu and first run: import files, folders and zips, sync a watch, print and export.

Imports and syncs run as background jobs with the import dialog in front (progress, Cancel,
report). A periodic volume check offers "Sync watch" when a Garmin is plugged in.

The menu knows the window only through `WindowServices` (database, jobs, today, problems,
status) and the widget its dialogs belong to; what changed is announced by signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop.deferred import deferred
from desktop.import_dialog import ImportDialog
from desktop.views.backup_actions import BackupActions
from desktop.views.calendar_view import monday
from desktop.views.icons import icon
from desktop.views.services import WindowServices
from desktop.views.settings_view import OnboardingWizard
from desktop.watch_monitor import WatchMonitor
from operations import imports
from operations.export.plan import weeks_to_print
from planner.model import WeekPlan

if TYPE_CHECKING:
    from importers.watch import Watch

training = deferred("operations.training")

PRINT_WEEKS = 4


class FileMenu(QObject):
    data_changed = Signal()  # an import, a sync or the first-run demo stored something
    profile_changed = Signal()  # the welcome saved the runner's profile
    save_profile = Signal(dict)  # heart rates from the watch the runner chose to use
    watch_profile_found = Signal(object)  # ProfileSuggestion, offered beside the settings
    watch_status = Signal(str)
    activities_imported = Signal(list)  # ids of the activities an import added
    strava_requested = Signal()  # the welcome's choice: connect Strava in Settings

    def __init__(
        self,
        services: WindowServices,
        *,
        owner: QWidget,
        selected_day: Callable[[], date],
        units: Callable[[], str],
    ) -> None:
        super().__init__(owner)
        self.services = services
        self.owner = owner  # the widget dialogs belong to
        self.selected_day = selected_day
        self.units = units
        self.import_dialog: ImportDialog | None = None
        self.watch: Watch | None = None
        self.watch_monitor = WatchMonitor(services.long_jobs, parent=self)
        self.watch_monitor.appeared.connect(self._watch_appeared)
        self.watch_monitor.gone.connect(self._watch_gone)
        self.watch_monitor.paused = lambda: self.importing
        self.wizard: OnboardingWizard | None = None
        self.backups = BackupActions(services, owner=owner)

    def build(self, menu: QMenu) -> None:
        w = self.owner
        tr = self.tr

        def add(text: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:
            action = QAction(text, w)
            if icon_name:
                action.setIcon(icon(icon_name))
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        self.import_action = add(
            tr("&Import files…"), self.choose_files, QKeySequence.StandardKey.Open, "import"
        )
        self.import_folder_action = add(tr("Import &folder…"), self.choose_folder, "Ctrl+Shift+O")
        self.sync_action = add(tr("&Sync watch"), self.sync, "Ctrl+Shift+S", "watch")
        self.sync_action.setEnabled(False)
        self.sync_action.setToolTip(tr("Plug in a Garmin watch by USB to sync it"))
        menu.addSeparator()
        self.print_action = add(
            tr("&Print plan…"), self.print_plan, QKeySequence.StandardKey.Print, "print"
        )
        self.pdf_action = add(tr("Export plan as &PDF…"), self.export_pdf, "Ctrl+E")
        self.ics_action = add(tr("Export to &calendar (.ics)…"), self.export_ics, "Ctrl+Shift+E")
        menu.addSeparator()
        self.backup_action = add(tr("&Back up now"), self.backups.back_up_now)
        self.restore_action = add(tr("&Restore…"), self.backups.choose_restore)
        menu.addSeparator()
        quit_action = add(tr("&Quit"), w.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    # -- import -----------------------------------------------------------------------------
    @property
    def importing(self) -> bool:
        return self.import_dialog is not None and self.import_dialog.running

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.owner,
            self.tr("Import activities"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation),
            self.tr("Activity files (*.fit *.FIT *.gz *.gpx *.tcx *.zip);;All files (*)"),
        )
        if files:
            self.start_import([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.owner, self.tr("Import a folder"))
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: list[Path], *, workers: int | None = None) -> ImportDialog | None:
        if self.importing:
            self.services.show_status(self.tr("An import is already running."), 5000)
            return None
        db = self.services.db

        def work(cancel: threading.Event):
            return (
                yield from imports.import_paths(db, paths=paths, cancel=cancel, workers=workers)
            )

        title = self.tr("Importing {n} item(s)").format(n=len(paths))
        return self._run_import(title, work)

    def sync(self) -> ImportDialog | None:
        if self.watch is None or self.importing:
            return None
        db, data_dir, watch = self.services.db, self.services.data_dir, self.watch
        adapters = self.watch_monitor.adapters()

        def work(cancel: threading.Event):
            return (
                yield from imports.sync_watch(
                    db, data_dir=data_dir, watch=watch, adapters=adapters, cancel=cancel
                )
            )

        return self._run_import(self.tr("Syncing {w}").format(w=self.watch.name), work)

    def _run_import(self, title: str, work) -> ImportDialog:
        dialog = ImportDialog(title, self.owner)
        dialog.profile_offered.connect(self._apply_watch_profile)
        job = self.services.long_jobs.start(work, "import")
        dialog.attach(job)
        job.signals.result.connect(self._offer_watch_profile)
        job.signals.result.connect(
            lambda report: self.activities_imported.emit(list(report.activity_ids))
        )
        job.signals.finished.connect(self.data_changed)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _offer_watch_profile(self, report) -> None:
        """Show what the watch knows beside the profile fields; applied only if pressed."""
        p = getattr(report, "profile", None)
        if p is not None:
            self.watch_profile_found.emit(p)

    def _apply_watch_profile(self, suggestion) -> None:
        fields = {
            k: v for k, v in (("hr_max", suggestion.hr_max), ("hr_rest", suggestion.hr_rest)) if v
        }
        if fields:
            self.save_profile.emit(fields)

    def _watch_appeared(self, watch: Watch) -> None:
        self.watch = watch
        self.sync_action.setEnabled(True)
        self.sync_action.setText(self.tr("&Sync {w}").format(w=watch.name))
        self.watch_status.emit(self.tr("{w} is plugged in").format(w=watch.name))
        self.services.show_status(
            self.tr("{w} plugged in: File > Sync watch (Ctrl+Shift+S) to import its runs.").format(
                w=watch.name
            ),
            15000,
        )

    def _watch_gone(self) -> None:
        self.watch = None
        self.sync_action.setEnabled(False)
        self.sync_action.setText(self.tr("&Sync watch"))
        self.watch_status.emit(self.tr("No watch plugged in"))

    # -- print and export -------------------------------------------------------------------
    def _with_weeks(self, then) -> None:
        db, today, start = self.services.db, self.services.today, monday(self.selected_day())

        def fetch(cancel: threading.Event) -> tuple[list[WeekPlan], list[WeekPlan]]:
            printable = weeks_to_print(db, start=start, weeks=PRINT_WEEKS, today=today)
            return printable.weeks, printable.next_weeks

        self.services.run(fetch, lambda pair: then(*pair))

    def print_plan(self) -> None:
        def show(weeks: list[WeekPlan], after: list[WeekPlan]) -> None:
            from desktop.printing.preview import print_preview_dialog

            dialog = print_preview_dialog(
                self.owner,
                weeks,
                units=self.units(),
                next_weeks=after,
                today=self.services.today,
            )
            dialog.open()
            self.preview = dialog

        self._with_weeks(show)

    def export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.owner, self.tr("Export plan as PDF"), "strongstride-plan.pdf", "PDF (*.pdf)"
        )
        if path:
            self._with_weeks(lambda weeks, after: self._write_pdf(Path(path), weeks, after))

    def _write_pdf(self, path: Path, weeks: list[WeekPlan], after: list[WeekPlan]) -> None:
        from desktop.printing import export_pdf

        try:
            export_pdf(weeks, path, units=self.units(), next_weeks=after, today=self.services.today)
        except Exception as exc:  # shown to the runner, not a crash
            self.services.show_problem(str(exc))
            return
        self.services.show_status(self.tr("Plan saved to {p}").format(p=path), 8000)

    def export_ics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.owner, self.tr("Export to calendar"), "strongstride.ics", "iCalendar (*.ics)"
        )
        if not path:
            return

        def write(weeks: list[WeekPlan], after: list[WeekPlan]) -> None:
            from operations.export.calendar import export_ics

            try:
                export_ics(weeks + after, path)
            except Exception as exc:  # shown to the runner, not a crash
                self.services.show_problem(str(exc))
                return
            self.services.show_status(self.tr("Calendar saved to {p}").format(p=path), 8000)

        self._with_weeks(write)

    # -- first run --------------------------------------------------------------------------
    def first_run(self) -> None:
        db = self.services.db
        self.services.run(lambda c: training.is_onboarded(db), self._maybe_onboard)

    def _maybe_onboard(self, onboarded: bool) -> None:
        if onboarded or self.wizard is not None:
            return
        self.wizard = OnboardingWizard(self.owner, today=self.services.today)
        self.wizard.finished.connect(self._onboarded)
        self.wizard.open()

    def _onboarded(self, result: int) -> None:
        wizard = self.wizard
        if wizard is None or not result:
            return
        fields = wizard.form.fields()
        fields["usual_weekly_run_minutes"] = wizard.week_page.usual_minutes()
        race = wizard.week_page.race()
        choice = wizard.import_choice()
        db, today = self.services.db, self.services.today

        def save(cancel: threading.Event) -> None:
            training.save_profile(db, **fields)
            if race is not None:
                training.add_race(db, **race)
            training.finish_onboarding(db)
            if choice == "demo":
                from operations.demo import fill_demo

                fill_demo(db, today=today)

        def then(_r) -> None:
            self.profile_changed.emit()
            self.data_changed.emit()
            if choice == "folder":
                self.choose_folder()
            elif choice == "strava":
                self.strava_requested.emit()
            elif choice == "watch":
                if self.watch is not None:
                    self.sync()
                else:
                    QMessageBox.information(
                        self.owner,
                        self.tr("Sync watch"),
                        self.tr(
                            "Plug in your watch by USB; StrongStride notices it and offers to sync."
                        ),
                    )

        self.services.run(save, then)
