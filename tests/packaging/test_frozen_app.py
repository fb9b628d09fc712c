"""The built Linux app (`python packaging/build.py`) syncs Strava and keeps its keychain.

Set STRONGSTRIDE_FROZEN_APP to the built executable (`.ci/run` does, after the build); without
it these tests are skipped. The app runs from another folder with a bare environment, against
the Strava-like server on 127.0.0.1 of tests/strava, so a module the bundle leaves out that
Strava's client, its models or the keychain need shows up here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.strava.conftest import CLIENT_SECRET
from tests.strava.fake_strava import FakeStrava
from tests.strava.test_strava_cli import BROWSER_SCRIPT

FROZEN_APP = os.environ.get("STRONGSTRIDE_FROZEN_APP")
pytestmark = pytest.mark.skipif(not FROZEN_APP, reason="STRONGSTRIDE_FROZEN_APP not set")
HERE = Path(__file__).resolve().parent


@pytest.fixture
def frozen(tmp_path, httpserver):
    """Run the built app with the fake Strava, an approving browser and a test keychain."""
    fake = FakeStrava(httpserver)
    keyrings = tmp_path / "keyrings"  # keyring-path takes one folder
    keyrings.mkdir()
    for module in (HERE / "frozen_keyring.py", HERE.parent / "strava" / "file_keyring.py"):
        shutil.copy2(module, keyrings / module.name)
    config = tmp_path / "config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring=frozen_keyring.FrozenAppKeyring\nkeyring-path={keyrings}\n"
    )
    browser = tmp_path / "approving_browser.py"
    browser.write_text(BROWSER_SCRIPT)
    env = {
        "HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "STRONGSTRIDE_STRAVA_URL": fake.url, "STRAVA_CLIENT_SECRET": CLIENT_SECRET,
        "BROWSER": f"{sys.executable} {browser} %s",
        "STRONGSTRIDE_TEST_KEYRING": str(tmp_path / "keychain.json"),
        "STRONGSTRIDE_SECRET_SERVICE_PROBE": str(tmp_path / "probe.txt"),
    }  # fmt: skip

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(FROZEN_APP), "--data-dir", str(tmp_path / "data"), *args],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
        )  # fmt: skip

    return run, tmp_path


def test_the_built_app_connects_syncs_and_reports_strava(frozen):
    run, home = frozen
    connect = run("strava", "connect", "--client-id", "1")
    assert connect.returncode == 0, connect.stderr
    assert "Connected to Strava as Daniel Block" in connect.stdout
    keychain = json.loads((home / "keychain.json").read_text())
    assert keychain["StrongStride Strava/client_secret"] == CLIENT_SECRET

    sync = run("strava", "sync", "--json")
    assert sync.returncode == 0, sync.stderr
    report = json.loads(sync.stdout)
    assert report["complete"] and report["activities_added"] == 30
    assert report["streams_fetched"] == 30

    status = json.loads(run("strava", "status", "--json").stdout)
    assert status["status"] == "connected" and status["activities_synced"] == 30
    runs = json.loads(run("activities", "--json").stdout)
    assert len(runs) == 30 and all(r["load_method"] == "hr_samples" for r in runs)


def test_the_built_app_encrypts_secret_service_sessions_with_its_bundled_cryptography(frozen):
    run, home = frozen
    status = run("strava", "status", "--json")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["status"] == "not connected"
    assert (home / "probe.txt").read_bytes() == b"refresh token"
