"""The import dialog: progress of an import or watch sync, Cancel, then the report.

The work runs on the window's JobRunner; this dialog only shows its signals. Closing the dialog
while the job runs asks to cancel, and cancelling keeps the files already imported.
"""

from __future__ import annotations

from pathlib import Path

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
        p = report.profile
        if p is not None and (p.hr_max or p.hr_rest):
            bits = [
                f"HR max {p.hr_max}" if p.hr_max else "",
                f"resting {p.hr_rest}" if p.hr_rest else "",
            ]
            self.suggest_button.setToolTip(", ".join(b for b in bits if b))
            self.suggest_button.show()

    def summary(self, report: ImportReport) -> str:
        bits = [
            self.tr("{n} file(s) imported, {a} new activities").format(
                n=len(report.imported), a=report.activities
            )
        ]
        for label, items in (
            (self.tr("duplicates"), report.duplicates),
            (self.tr("skipped"), report.skipped),
            (self.tr("failed"), report.failed),
        ):
            if items:
                bits.append(f"{len(items)} {label}")
        if report.unchanged:
            bits.append(self.tr("{n} already imported").format(n=report.unchanged))
        return " · ".join(bits)

    def report_text(self, report: ImportReport) -> str:
        """The report by kind, each file by name with its reason."""
        out = []
        sections = (
            (self.tr("Failed"), report.failed),
            (self.tr("Skipped"), report.skipped),
            (self.tr("Duplicates (already imported from another file)"), report.duplicates),
            (self.tr("Already imported from another folder"), report.moved),
            (self.tr("Warnings"), report.warnings),
        )
        for title, items in sections:
            if items:
                out.append(f"{title} ({len(items)}):")
                out += [f"  {Path(p.path).name}: {p.reason}" for p in items]
                out.append("")
        if report.partial:
            out.append(self.tr("Partial (the file ended early; what was recorded is kept):"))
            out += [f"  {Path(p).name}" for p in report.partial]
            out.append("")
        if report.imported:
            out.append(self.tr("Imported ({n}):").format(n=len(report.imported)))
            out += [f"  {Path(p).name}" for p in report.imported]
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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
