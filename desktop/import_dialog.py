"""The import dialog: progress of an import or watch sync, Cancel, then the report.

The work runs on the window's JobRunner; this dialog only shows its signals. Closing the dialog
while the job runs asks to cancel, and cancelling keeps the files already imported.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.jobs import Job
from importers.records import ProfileSuggestion
from importers.report import ImportReport
from operations.import_words import heart_rate_offer, plain_sections


class ImportDialog(QDialog):
    profile_offered = Signal(object)  # ProfileSuggestion the runner chose to apply

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        self.job: Job | None = None
        self.report: ImportReport | None = None
        self.cancelled = False
        layout = QVBoxLayout(self)
        self.heading = QLabel(title, self)
        self.heading.setProperty("role", "heading")
        layout.addWidget(self.heading)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(self.tr("Import progress"))
        layout.addWidget(self.bar)
        self.current = QLabel(self.tr("Looking for files…"), self)
        self.current.setProperty("role", "muted")
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.current)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Import report"))
        self.details.hide()
        layout.addWidget(self.details, 1)
        self.hr_warning = QLabel(self)
        self.hr_warning.setWordWrap(True)
        self.hr_warning.setStyleSheet("color: #c2410c;")
        self.hr_warning.hide()
        layout.addWidget(self.hr_warning)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.cancel)
        self.suggest_button = QPushButton(self.tr("Use the watch's heart rates"), self)
        self.suggest_button.hide()
        self.suggest_button.clicked.connect(self._apply_suggestion)
        self.buttons.addButton(self.suggest_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.buttons)

    def attach(self, job: Job) -> None:
        self.job = job
        job.signals.progress.connect(self.on_progress)
        job.signals.result.connect(self.on_report)
        job.signals.error.connect(self.on_error)
        job.signals.cancelled.connect(self.on_cancelled)

    def on_progress(self, done: int, total: int, label: str) -> None:
        if total < 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, max(1, total))
            self.bar.setValue(done)
            self.bar.setFormat(self.tr("%v of %m files"))
        if label:
            self.current.setText(label)

    def on_report(self, report: ImportReport) -> None:
        self.report = report
        self._finish(
            self.tr("Import cancelled") if report.cancelled else self.tr("Import finished")
        )
        self.current.setText(self.summary(report))
        self.details.setPlainText(self.report_text(report))
        self.details.show()
        self.resize(max(self.width(), 680), max(self.height(), 460))
        text, warning = heart_rate_offer(report.profile)
        if text:
            self.suggest_button.setText(self.tr(text))
            self.suggest_button.show()
        self.hr_warning.setText(self.tr(warning))
        self.hr_warning.setVisible(bool(warning))

    def summary(self, report: ImportReport) -> str:
        bits = [
            self.tr("{n} file(s) imported, {a} new activities").format(
                n=len(report.imported), a=report.activities
            )
        ]
        for label, items in (
            (self.tr("already imported"), report.duplicates),
            (self.tr("not activities"), report.skipped),
            (self.tr("could not be read"), report.failed),
        ):
            if items:
                bits.append(f"{len(items)} {label}")
        if report.unchanged:
            bits.append(self.tr("{n} already imported").format(n=report.unchanged))
        return " · ".join(bits)

    def report_text(self, report: ImportReport) -> str:
        """The report by kind in plain words, each file by name with its reason."""
        out = []
        for section in plain_sections(report):
            out.append(f"{self.tr(section.title)} ({len(section.lines)}):")
            out += [f"  {line}" for line in section.lines]
            out.append("")
        return "\n".join(out).strip()

    def on_error(self, message: str) -> None:
        self._finish(self.tr("Import failed"))
        self.current.setText(message)

    def on_cancelled(self, partial: object = None) -> None:
        """The import stopped: show the report of what it stored before the stop."""
        self.cancelled = True
        if isinstance(partial, ImportReport):
            self.on_report(partial)
            self.heading.setText(self.tr("Import cancelled"))
            self.current.setText(
                self.tr("Stopped. Kept what was imported before the stop: {summary}").format(
                    summary=self.summary(partial)
                )
            )
            return
        self._finish(self.tr("Import cancelled"))
        self.current.setText(self.tr("Stopped. Files imported before the stop are kept."))

    def _finish(self, heading: str) -> None:
        self.heading.setText(heading)
        if self.bar.maximum() == 0:
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    @property
    def running(self) -> bool:
        return self.job is not None and not self.job.done_event.is_set()

    def cancel(self) -> None:
        if self.running:
            self.cancel_button.setEnabled(False)
            self.current.setText(self.tr("Stopping after the current file…"))
            self.job.cancel()
        else:
            self.reject()

    def _apply_suggestion(self) -> None:
        if self.report is not None and isinstance(self.report.profile, ProfileSuggestion):
            self.profile_offered.emit(self.report.profile)
            self.suggest_button.setEnabled(False)
            self.suggest_button.setText(self.tr("Heart rates saved to your profile"))

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
