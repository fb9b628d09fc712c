"""Strava in the window: the Settings box's buttons turned into background jobs.

Connecting waits for the browser on a worker thread (Connect becomes Cancel meanwhile); a sync
runs as an import job with the import dialog in front (progress, Cancel, then the report);
"sync when StrongStride starts" starts one when the window first shows. The operations load
stravalib only inside the jobs, so the window starts as fast as before.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from desktop.import_dialog import ImportDialog

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


class StravaSyncDialog(ImportDialog):
    """The import dialog, counting activities and streams instead of files."""

    def on_progress(self, done: int, total: int, label: str) -> None:
        super().on_progress(done, total, label)
        if total >= 0:
            self.bar.setFormat(self.tr("%v of %m"))

    def on_report(self, report) -> None:  # noqa: ANN001 - a StravaSyncReport
        super().on_report(report)
        if report.stopped:
            self.heading.setText(self.tr("Strava sync stopped early"))
        elif not report.cancelled:
            self.heading.setText(self.tr("Strava sync finished"))

    def summary(self, report) -> str:  # noqa: ANN001 - a StravaSyncReport
        return "\n".join(
            report.summary_lines()[:1]
            + [ln for ln in report.summary_lines()[1:] if ln.startswith(("Stopped", "Cancelled"))]
        )

    def on_cancelled(self) -> None:
        super().on_cancelled()
        self.current.setText(self.tr("Stopped. Activities synced before the stop are kept."))


class StravaControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.box = window.settings_view.strava
        self.connect_job = None
        self.box.connect_requested.connect(self.connect_account)
        self.box.cancel_connect_requested.connect(self.cancel_connect)
        self.box.sync_requested.connect(self.sync)
        self.box.disconnect_requested.connect(self.disconnect)
        self.box.sync_on_start_changed.connect(self.set_sync_on_start)

    def _call(self, name: str, **kwargs: Any):  # noqa: ANN202 - a job function
        db = self.window.db

        def work(cancel: threading.Event) -> Any:
            from operations import strava

            return getattr(strava, name)(db, **kwargs)

        return work

    def refresh(self) -> None:
        self.window.run(self._call("status"), self.box.show_status, name="strava-status")

    def start(self) -> None:
        """When the window first shows: the status, and a sync if the runner asked for one."""

        def shown(info: dict[str, Any]) -> None:
            self.box.show_status(info)
            if info["sync_on_start"] and info["status"] == "connected":
                self.sync()

        self.window.run(self._call("status"), shown, name="strava-status")

    def connect_account(self, client_id: int, client_secret: str) -> None:
        self.box.set_waiting(True)
        db = self.window.db

        def work(cancel: threading.Event) -> Any:
            from operations import strava

            return strava.connect(
                db, client_id=client_id, client_secret=client_secret, cancel=cancel
            )

        job = self.window.jobs.start(work, "strava-connect")
        job.signals.result.connect(self._connected)
        job.signals.error.connect(self._not_connected)
        job.signals.finished.connect(lambda: self.box.set_waiting(False))
        self.connect_job = job

    def cancel_connect(self) -> None:
        if self.connect_job is not None:
            self.connect_job.cancel()

    def _connected(self, done) -> None:  # noqa: ANN001 - operations.strava.Connected
        self.box.client_secret.clear()
        self.box.set_waiting(False)
        self.refresh()

    def _not_connected(self, message: str) -> None:
        self.box.set_waiting(False)
        self.box.show_message(message)

    def sync(self) -> StravaSyncDialog | None:
        menu = self.window.file_menu
        if menu.importing:
            self.window.statusBar().showMessage(self.tr("An import is already running."), 5000)
            return None
        db = self.window.db

        def work(cancel: threading.Event):  # noqa: ANN202 - generator job
            from operations import strava

            return (yield from strava.sync(db, cancel=cancel))

        dialog = StravaSyncDialog(self.tr("Syncing Strava"), self.window)
        job = self.window.jobs.start(work, "strava-sync")
        dialog.attach(job)
        job.signals.finished.connect(self.window.data_changed)
        job.signals.finished.connect(self.refresh)
        menu.import_dialog = dialog  # one import at a time; closing the window asks first
        dialog.open()
        return dialog

    def disconnect(self) -> None:
        answer = QMessageBox.question(
            self.window,
            self.tr("Disconnect Strava"),
            self.tr("Disconnect Strava? Your activities stay; the keychain entries are deleted."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.window.run(self._call("disconnect"), self._disconnected, name="strava-disconnect")

    def _disconnected(self, note: str | None) -> None:
        self.refresh()
        if note:
            self.window.show_problem(note)

    def set_sync_on_start(self, enabled: bool) -> None:
        self.window.run(self._call("set_sync_on_start", enabled=enabled), name="strava-option")
