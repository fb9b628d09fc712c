"""File > Back up now and File > Restore…, and the offer made when the database is damaged.

Both actions run in the background (a backup of a long history takes a fraction of a second,
but never on the GUI thread); the status bar says where the copy went or what was restored.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from operations import backup
from store import StoreError
from store.backup import BackupError, backup_folder

if TYPE_CHECKING:
    from desktop.views.services import WindowServices


class BackupActions(QObject):
    """The two File menu actions, through the window's services; `restored` tells the window
    that every view must reload, with the line to show once it has (the reload's own status
    line would otherwise replace it)."""

    restored = Signal(str)

    def __init__(self, services: WindowServices, *, owner: QWidget) -> None:
        super().__init__(owner)
        self.services = services
        self.owner = owner  # the widget dialogs belong to

    def back_up_now(self) -> None:
        db = self.services.db
        self.services.run(
            lambda _cancel: backup.back_up_now(db),
            lambda path: self.services.show_status(
                self.tr("Backed up to {p}").format(p=path), 10000
            ),
            name="backup",
        )

    def choose_restore(self) -> None:
        folder = backup_folder(self.services.db.path)
        path, _ = QFileDialog.getOpenFileName(
            self.owner,
            self.tr("Restore a backup"),
            str(folder if folder.is_dir() else self.services.data_dir),
            self.tr("StrongStride backups (*.sqlite);;All files (*)"),
        )
        if path:
            self.restore(Path(path))

    def restore(self, source: Path, *, confirm: bool = True) -> None:
        """Check the file, ask, then restore it in the background and reload every view."""
        try:
            check = backup.check_backup(source)
        except BackupError as exc:
            self.services.show_problem(str(exc))
            return
        question = self.tr(
            "Replace your data with the backup {f} ({n} activities)? "
            "Your current data is kept as a backup first."
        ).format(f=source.name, n=check.activities)
        if confirm and not _ask(self.owner, self.tr("Restore a backup"), question):
            return
        db = self.services.db

        def work(_cancel: threading.Event) -> backup.Restored:
            return backup.restore(db, source=source)

        self.services.run(work, self._restored, name="restore")

    def _restored(self, done: backup.Restored) -> None:
        self.restored.emit(
            self.tr("Restored {f}; your previous data is in {p}").format(
                f=done.source.name, p=done.previous
            )
        )


def offer_latest_backup(error: StoreError, database: Path, parent: QWidget | None) -> bool:
    """The database is damaged: offer its newest backup. True when it was put in place."""
    if error.backup is None:
        return False
    question = (
        f"{error}\n\nPut the backup {error.backup.name} in its place? The damaged file is "
        "moved to the backups folder, not deleted."
    )
    if not _ask(parent, "StrongStride: damaged database", question):
        return False
    try:
        backup.replace_damaged(database, source=error.backup)
    except (BackupError, StoreError) as exc:
        QMessageBox.critical(parent, "StrongStride", str(exc))
        return False
    return True


def _ask(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes
