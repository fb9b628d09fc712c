"""The main window: menus, the calendar area and a status bar over one database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from desktop import __version__
from desktop.jobs import JobRunner
from store import Database
from store.stats import activity_count


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
        self.jobs = JobRunner(self)
        self.setWindowTitle(self.tr("StrongStride"))
        self.resize(1200, 800)
        self._build_menus()
        self.calendar_area = self._build_calendar_area()
        self.setCentralWidget(self.calendar_area)
        self.refresh_status()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About StrongStride"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_calendar_area(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("calendarArea")
        frame.setAccessibleName(self.tr("Calendar"))
        layout = QVBoxLayout(frame)
        title = QLabel(self.today.strftime("%B %Y"), frame)
        title.setObjectName("calendarTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(title)
        layout.addStretch(1)
        return frame

    def activity_count(self) -> int:
        with self.db.session() as s:
            return activity_count(s)

    def refresh_status(self) -> None:
        count = self.activity_count()
        self.statusBar().showMessage(
            self.tr("{count} activities · data in {path}").format(count=count, path=self.data_dir)
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About StrongStride"),
            self.tr(
                "StrongStride {version}\nStrength training planned around your running."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.jobs.running:
            answer = QMessageBox.question(
                self,
                self.tr("Work in progress"),
                self.tr("An import is still running. Stop it and close?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.jobs.cancel_all()
        self.jobs.wait()
        event.accept()
