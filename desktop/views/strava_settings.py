"""Settings > Strava: the three set-up steps, client id and secret, Connect, status, Sync now,
Disconnect, and "sync when StrongStride starts".

Only widgets: the work (the OAuth flow, a sync) runs in `desktop.strava_control`, which listens
to this box's signals and calls `show_status` with what `operations.strava.status` says. The
secret field is never filled back in: the secret lives in the OS keychain only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operations.strava_setup import API_SETTINGS_URL, SETUP_STEPS


class StravaSettings(QGroupBox):
    connect_requested = Signal(int, str)  # client id, client secret
    cancel_connect_requested = Signal()
    sync_requested = Signal()
    disconnect_requested = Signal()
    sync_on_start_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Strava"), parent)
        self.setAccessibleName(self.tr("Strava"))
        layout = QVBoxLayout(self)
        steps = "".join(f"<li>{_linked(step)}</li>" for step in SETUP_STEPS)
        self.steps = QLabel(
            self.tr(
                "Strava lets StrongStride read your activities through your own free API "
                "application:"
            )
            + f"<ol>{steps}</ol>",
            self,
        )
        self.steps.setWordWrap(True)
        self.steps.setOpenExternalLinks(True)
        layout.addWidget(self.steps)
        form = QFormLayout()
        self.client_id = QLineEdit(self)
        self.client_id.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.client_id.setPlaceholderText(self.tr("e.g. 12345"))
        self.client_secret = QLineEdit(self)
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_secret.setPlaceholderText(self.tr("kept in your system's keychain"))
        form.addRow(self.tr("Client ID"), self.client_id)
        form.addRow(self.tr("Client Secret"), self.client_secret)
        layout.addLayout(form)
        self.status = QLabel(self.tr("Not connected"), self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Strava connection"))
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.connect_button = QPushButton(self.tr("Connect…"), self)
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.disconnect_button = QPushButton(self.tr("Disconnect"), self)
        for b in (self.connect_button, self.sync_button, self.disconnect_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.sync_on_start = QCheckBox(self.tr("Sync Strava when StrongStride starts"), self)
        layout.addWidget(self.sync_on_start)
        self.connect_button.clicked.connect(self._connect_clicked)
        self.client_id.textChanged.connect(self._update_buttons)
        self.client_secret.textChanged.connect(self._update_buttons)
        self.sync_button.clicked.connect(self.sync_requested)
        self.disconnect_button.clicked.connect(self.disconnect_requested)
        self.sync_on_start.toggled.connect(self.sync_on_start_changed)
        self.waiting = False
        self.connected = False
        self._update_buttons()

    def _connect_clicked(self) -> None:
        if self.waiting:
            self.cancel_connect_requested.emit()
            return
        self.connect_requested.emit(int(self.client_id.text()), self.client_secret.text().strip())

    def set_waiting(self, waiting: bool) -> None:
        """While the browser is open on Strava's page, Connect turns into Cancel."""
        self.waiting = waiting
        self.connect_button.setText(self.tr("Cancel") if waiting else self.tr("Connect…"))
        if waiting:
            self.status.setText(self.tr("Waiting for your answer on Strava's page in the browser…"))
        self._update_buttons()

    def show_status(self, info: dict[str, Any]) -> None:
        self.connected = info["status"] == "connected"
        if info.get("client_id") and not self.client_id.text():
            self.client_id.setText(str(info["client_id"]))
        self.sync_on_start.blockSignals(True)
        self.sync_on_start.setChecked(bool(info.get("sync_on_start")))
        self.sync_on_start.blockSignals(False)
        self.status.setText(status_text(info))
        self._update_buttons()

    def show_message(self, text: str) -> None:
        self.status.setText(text)

    def _update_buttons(self) -> None:
        ready = bool(self.client_id.text()) and bool(self.client_secret.text().strip())
        self.connect_button.setEnabled(self.waiting or ready)
        self.sync_button.setEnabled(self.connected and not self.waiting)
        self.disconnect_button.setEnabled(self.connected and not self.waiting)


def _linked(step: str) -> str:
    return step.replace(API_SETTINGS_URL, f'<a href="{API_SETTINGS_URL}">{API_SETTINGS_URL}</a>')


def status_text(info: dict[str, Any]) -> str:
    """One or two lines: who is connected, the last sync, what is left, what went wrong."""
    status = info["status"]
    if status == "not connected":
        return "Not connected"
    who = info.get("athlete_name") or (
        f"athlete {info['athlete_id']}" if info.get("athlete_id") else ""
    )
    lines = [f"Connected as {who}" if status == "connected" and who else status.capitalize()]
    if status == "needs reconnecting":
        lines = [
            "Needs reconnecting: Strava no longer accepts the connection. Connect again; "
            "your activities are kept."
        ]
    if info.get("last_sync_utc"):
        lines.append(
            f"Last sync {info['last_sync_utc'].replace('T', ' ').rstrip('Z')} UTC, "
            f"{info['activities_synced']} activities synced"
        )
    if info.get("streams_left"):
        lines.append(f"Heart rate still to fetch for {info['streams_left']} activities")
    if info.get("stopped") and status == "connected":
        lines.append(f"Last sync stopped early: {info['stopped']}")
    return "\n".join(lines)
