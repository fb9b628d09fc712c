"""The File menu and first run: import files, folders and zips, sync a watch, print and export.

Imports and syncs run as background jobs with the import dialog in front (progress, Cancel,
report). A periodic volume check offers "Sync watch" when a Garmin is plugged in.
"""

from __future__ import annotations

import threading
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop.import_dialog import ImportDialog
from desktop.views.calendar_view import monday
from desktop.views.icons import icon
from desktop.views.settings_view import OnboardingWizard
from desktop.watch_monitor import WatchMonitor
from operations import imports, training
from planner.model import WeekPlan
from store import views as store_views

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from importers.watch import Watch

PRINT_WEEKS = 4


class FileMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_dialog: ImportDialog | None = None
        self.watch: Watch | None = None
        self.watch_monitor = WatchMonitor(window.jobs, parent=self)
        self.watch_monitor.appeared.connect(self._watch_appeared)
        self.watch_monitor.gone.connect(self._watch_gone)
        self.wizard: OnboardingWizard | None = None

    def build(self, menu: QMenu) -> None:
        w = self.window
        tr = self.tr

        def add(text: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:  # noqa: ANN001
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
        quit_action = add(tr("&Quit"), w.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    # -- import -----------------------------------------------------------------------------
    @property
    def importing(self) -> bool:
        return self.import_dialog is not None and self.import_dialog.running

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import activities"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation),
            self.tr("Activity files (*.fit *.FIT *.zip);;All files (*)"),
        )
        if files:
            self.start_import([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder"))
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: list[Path], *, workers: int | None = None) -> ImportDialog | None:
        if self.importing:
            self.window.statusBar().showMessage(self.tr("An import is already running."), 5000)
            return None
        db = self.window.db

        def work(cancel: threading.Event):  # noqa: ANN202 - generator job
            return (
                yield from imports.import_paths(db, paths=paths, cancel=cancel, workers=workers)
            )

        title = self.tr("Importing {n} item(s)").format(n=len(paths))
        return self._run_import(title, work)

    def sync(self) -> ImportDialog | None:
        if self.watch is None or self.importing:
            return None
        db, data_dir, mount = self.window.db, self.window.data_dir, self.watch.root

        def work(cancel: threading.Event):  # noqa: ANN202 - generator job
            return (
                yield from imports.sync_watch(db, data_dir=data_dir, mount=mount, cancel=cancel)
            )

        return self._run_import(self.tr("Syncing {w}").format(w=self.watch.name), work)

    def _run_import(self, title: str, work) -> ImportDialog:  # noqa: ANN001
        dialog = ImportDialog(title, self.window)
        dialog.profile_offered.connect(self._apply_watch_profile)
        job = self.window.jobs.start(work, "import")
        dialog.attach(job)
        job.signals.result.connect(self._offer_watch_profile)
        job.signals.finished.connect(self.window.data_changed)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _offer_watch_profile(self, report) -> None:  # noqa: ANN001 - ImportReport
        """Show what the watch knows beside the profile fields; applied only if pressed."""
        p = getattr(report, "profile", None)
        if p is not None:
            self.window.settings_view.form.offer(hr_max=p.hr_max, hr_rest=p.hr_rest)

    def _apply_watch_profile(self, suggestion) -> None:  # noqa: ANN001 - ProfileSuggestion
        fields = {
            k: v for k, v in (("hr_max", suggestion.hr_max), ("hr_rest", suggestion.hr_rest)) if v
        }
        if fields:
            self.window.save_profile(fields)

    def _watch_appeared(self, watch: Watch) -> None:
        self.watch = watch
        self.sync_action.setEnabled(True)
        self.sync_action.setText(self.tr("&Sync {w}").format(w=watch.name))
        self.window.settings_view.watch_status.setText(
            self.tr("{w} is plugged in").format(w=watch.name)
        )
        self.window.statusBar().showMessage(
            self.tr("{w} plugged in: File > Sync watch (Ctrl+Shift+S) to import its runs.").format(
                w=watch.name
            ),
            15000,
        )

    def _watch_gone(self) -> None:
        self.watch = None
        self.sync_action.setEnabled(False)
        self.sync_action.setText(self.tr("&Sync watch"))
        self.window.settings_view.watch_status.setText(self.tr("No watch plugged in"))

    def last_sync_text(self) -> str:
        with self.window.db.session() as s:
            syncs = store_views.last_syncs(s)
        if not syncs:
            return ""
        source, when = max(syncs.items(), key=lambda kv: kv[1])
        local = when.replace(tzinfo=UTC).astimezone()
        return self.tr("Last sync: {src}, {when}").format(src=source, when=f"{local:%d %b %H:%M}")

    # -- print and export -------------------------------------------------------------------
    def _with_weeks(self, then) -> None:  # noqa: ANN001 - callable
        w = self.window
        db, today, start = w.db, w.today, monday(w.calendar.selected)

        def fetch(cancel: threading.Event) -> tuple[list[WeekPlan], list[WeekPlan]]:
            plans = training.plan_weeks(db, start=start, weeks=PRINT_WEEKS + 1, today=today)
            return plans[:PRINT_WEEKS], plans[PRINT_WEEKS:]

        w.run(fetch, lambda pair: then(*pair))

    def print_plan(self) -> None:
        def show(weeks: list[WeekPlan], after: list[WeekPlan]) -> None:
            from desktop.printing.preview import print_preview_dialog

            dialog = print_preview_dialog(
                self.window,
                weeks,
                units=self.window.units,
                next_weeks=after,
                today=self.window.today,
            )
            dialog.open()
            self.preview = dialog

        self._with_weeks(show)

    def export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export plan as PDF"), "strongstride-plan.pdf", "PDF (*.pdf)"
        )
        if path:
            self._with_weeks(lambda weeks, after: self._write_pdf(Path(path), weeks, after))

    def _write_pdf(self, path: Path, weeks: list[WeekPlan], after: list[WeekPlan]) -> None:
        from desktop.printing import export_pdf

        try:
            export_pdf(
                weeks, path, units=self.window.units, next_weeks=after, today=self.window.today
            )
        except Exception as exc:  # shown to the runner, not a crash
            self.window.show_problem(str(exc))
            return
        self.window.statusBar().showMessage(self.tr("Plan saved to {p}").format(p=path), 8000)

    def export_ics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export to calendar"), "strongstride.ics", "iCalendar (*.ics)"
        )
        if not path:
            return

        def write(weeks: list[WeekPlan], after: list[WeekPlan]) -> None:
            from operations.export.calendar import export_ics

            try:
                export_ics(weeks + after, path)
            except Exception as exc:  # shown to the runner, not a crash
                self.window.show_problem(str(exc))
                return
            self.window.statusBar().showMessage(
                self.tr("Calendar saved to {p}").format(p=path), 8000
            )

        self._with_weeks(write)

    # -- first run --------------------------------------------------------------------------
    def first_run(self) -> None:
        db = self.window.db
        self.window.run(lambda c: training.is_onboarded(db), self._maybe_onboard)

    def _maybe_onboard(self, onboarded: bool) -> None:
        if onboarded or self.wizard is not None:
            return
        self.wizard = OnboardingWizard(self.window)
        self.wizard.finished.connect(self._onboarded)
        self.wizard.open()

    def _onboarded(self, result: int) -> None:
        wizard = self.wizard
        if wizard is None or not result:
            return
        w = self.window
        fields = wizard.form.fields()
        choice = wizard.import_choice()
        db, today = w.db, w.today

        def save(cancel: threading.Event) -> None:
            training.save_profile(db, **fields)
            training.finish_onboarding(db)
            if choice == "demo":
                from operations.demo import fill_demo

                fill_demo(db, today=today)

        def then(_r) -> None:  # noqa: ANN001
            w.reload_profile()
            w.data_changed()
            if choice == "folder":
                self.choose_folder()
            elif choice == "strava":
                w.show_view("settings")
                w.settings_view.strava.client_id.setFocus()
            elif choice == "watch":
                if self.watch is not None:
                    self.sync()
                else:
                    QMessageBox.information(
                        w,
                        self.tr("Sync watch"),
                        self.tr(
                            "Plug in your watch by USB; StrongStride notices it and offers to sync."
                        ),
                    )

        w.run(save, then)
