"""Strava in the window: Settings > Strava, the welcome's Strava choice, sync with its report."""

from __future__ import annotations

import webbrowser

from operations import strava, training
from tests.desktop.test_views_and_first_run import finish_wizard
from tests.desktop.window_fixtures import open_window, wait_idle
from tests.strava.conftest import CLIENT_ID, CLIENT_SECRET, follow_redirects


def _window(qtbot, db, data_dir):
    training.finish_onboarding(db)
    window = open_window(qtbot, db, data_dir)
    wait_idle(qtbot, window)
    return window


def test_settings_shows_the_three_steps_and_connects_through_the_browser(
    qtbot, db, data_dir, fake_strava, monkeypatch
):
    monkeypatch.setattr(webbrowser, "open", follow_redirects)
    window = _window(qtbot, db, data_dir)
    box = window.settings_view.strava
    assert '"localhost"' in box.steps.text() and "settings/api" in box.steps.text()
    assert not box.connect_button.isEnabled()  # no client id and secret yet
    assert not box.sync_button.isEnabled()

    box.client_id.setText(str(CLIENT_ID))
    box.client_secret.setText(CLIENT_SECRET)
    box.connect_button.click()

    qtbot.waitUntil(
        lambda: box.status.text().startswith("Connected as Daniel Block"), timeout=15000
    )
    assert box.client_secret.text() == ""  # the secret went to the keychain, not the form
    assert box.sync_button.isEnabled() and box.disconnect_button.isEnabled()
    window.close()


def test_sync_now_runs_in_the_background_and_ends_in_the_import_report(
    qtbot, connected, data_dir, fake_strava
):
    window = _window(qtbot, connected, data_dir)
    box = window.settings_view.strava
    qtbot.waitUntil(lambda: box.sync_button.isEnabled(), timeout=10000)

    box.sync_button.click()
    dialog = window.file_menu.import_dialog
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)

    assert dialog.heading.text() == "Strava sync finished"
    assert dialog.current.text().startswith("Strava: 30 new activities")
    qtbot.waitUntil(lambda: "30 activities synced" in box.status.text(), timeout=15000)
    qtbot.waitUntil(lambda: window.activity_count() == 30, timeout=15000)
    dialog.accept()
    window.close()


def test_a_sync_stopped_by_the_rate_limit_says_so_in_the_report(
    qtbot, connected, data_dir, fake_strava
):
    fake_strava.read_limit = (10, 1000)
    window = _window(qtbot, connected, data_dir)
    box = window.settings_view.strava
    qtbot.waitUntil(lambda: box.sync_button.isEnabled(), timeout=10000)

    box.sync_button.click()
    dialog = window.file_menu.import_dialog
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)

    assert dialog.heading.text() == "Strava sync stopped early"
    assert "15-minute request limit" in dialog.current.text()
    qtbot.waitUntil(lambda: "Heart rate still to fetch" in box.status.text(), timeout=15000)
    dialog.accept()
    window.close()


def test_sync_on_start_syncs_when_the_window_opens(qtbot, connected, data_dir, fake_strava):
    strava.set_sync_on_start(connected, True)

    window = _window(qtbot, connected, data_dir)

    qtbot.waitUntil(lambda: window.file_menu.import_dialog is not None, timeout=10000)
    dialog = window.file_menu.import_dialog
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
    assert dialog.report.activities == 30
    assert window.settings_view.strava.sync_on_start.isChecked()
    dialog.accept()
    window.close()


def test_the_welcome_strava_choice_leads_to_the_strava_settings(qtbot, db, data_dir):
    window = open_window(qtbot, db, data_dir)

    finish_wizard(qtbot, window, "strava")

    qtbot.waitUntil(lambda: window.current_view == "settings", timeout=10000)
    assert window.settings_view.strava.isVisible()
    wait_idle(qtbot, window)
    window.close()
