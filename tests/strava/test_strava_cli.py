"""The issue's "done when", through the real `strongstride` command in its own processes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.cli.process import run_cli
from tests.strava.conftest import CLIENT_SECRET

BROWSER_SCRIPT = """
import sys, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
opener.open(sys.argv[1], timeout=10).read()
"""


def _env(tmp_path: Path, fake_strava) -> dict[str, str]:
    browser = tmp_path / "approving_browser.py"
    browser.write_text(BROWSER_SCRIPT)
    return {
        "STRONGSTRIDE_STRAVA_URL": fake_strava.url,
        "BROWSER": f"{sys.executable} {browser} %s",
        "STRAVA_CLIENT_SECRET": CLIENT_SECRET,
        "PYTHON_KEYRING_BACKEND": "tests.strava.file_keyring.FileKeyring",
        "STRONGSTRIDE_TEST_KEYRING": str(tmp_path / "keychain.json"),
    }


def test_connect_sync_and_list_every_run_once_with_its_heart_rate_load(tmp_path, fake_strava):
    env = _env(tmp_path, fake_strava)
    data = ["--data-dir", str(tmp_path / "data")]

    connect = run_cli(*data, "strava", "connect", "--client-id", "1", env=env)
    assert connect.returncode == 0, connect.stderr
    assert "Connected to Strava as Daniel Block" in connect.stdout
    keychain = json.loads((tmp_path / "keychain.json").read_text())
    stored = json.loads(keychain["StrongStride Strava/tokens"])
    assert stored["refresh_token"] in fake_strava.valid_refresh
    assert keychain["StrongStride Strava/client_secret"] == CLIENT_SECRET

    sync = run_cli(*data, "strava", "sync", "--json", env=env)
    assert sync.returncode == 0, sync.stderr
    report = json.loads(sync.stdout)
    assert report["complete"] and report["activities_added"] == 30
    assert report["streams_fetched"] == 30

    listed = run_cli(*data, "activities", "--json", env=env)
    runs = json.loads(listed.stdout)
    assert len(runs) == 30 and all(r["sport"] == "running" for r in runs)
    assert len({r["start"] for r in runs}) == 30
    assert all(r["load"] > 0 and r["load_method"] == "hr_samples" for r in runs)

    fake_strava.calls.clear()
    again = run_cli(*data, "strava", "sync", "--json", env=env)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["streams_fetched"] == 0
    assert fake_strava.stream_requests() == 0

    status = json.loads(run_cli(*data, "strava", "status", "--json", env=env).stdout)
    assert status["status"] == "connected" and status["activities_synced"] == 30
    assert status["athlete_name"] == "Daniel Block" and status["last_sync_utc"]


def test_a_sync_stopped_by_the_rate_limit_exits_1_and_says_what_is_left(tmp_path, fake_strava):
    env = _env(tmp_path, fake_strava)
    data = ["--data-dir", str(tmp_path / "data")]
    assert run_cli(*data, "strava", "connect", "--client-id", "1", env=env).returncode == 0
    fake_strava.read_limit = (10, 1000)

    sync = run_cli(*data, "strava", "sync", env=env)

    assert sync.returncode == 1
    assert "Stopped early: Strava's 15-minute request limit is reached" in sync.stdout
    assert "activities' heart rate still to fetch" in sync.stdout


def test_sync_without_a_connection_is_a_setup_error(tmp_path, fake_strava):
    result = run_cli(
        "--data-dir", str(tmp_path / "data"), "strava", "sync", env=_env(tmp_path, fake_strava)
    )

    assert result.returncode == 2
    assert (
        result.stderr.strip() == "strongstride: strava sync: Strava is not connected: connect first"
    )
