"""Strava test set-up: the fake Strava on 127.0.0.1, a fresh database, a scripted browser."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from operations import strava
from operations.imports import drive
from store import Database
from tests.strava.fake_strava import FakeStrava

CLIENT_ID = 1
CLIENT_SECRET = "client-secret-5f4dcc3b5aa765d6"


def follow_redirects(url: str) -> bool:
    """A browser that approves at once: open the page and follow Strava's redirect back."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=10) as answer:
        answer.read()
    return True


@pytest.fixture
def fake_strava(httpserver, monkeypatch) -> FakeStrava:
    fake = FakeStrava(httpserver)
    monkeypatch.setenv("STRONGSTRIDE_STRAVA_URL", fake.url)
    return fake


@pytest.fixture
def db(data_dir: Path):
    database = Database.open(data_dir / "strongstride.sqlite")
    yield database
    database.close()


@pytest.fixture
def connected(db, fake_strava):
    """A database connected to the fake Strava through the real OAuth flow."""
    strava.connect(
        db, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, open_browser=follow_redirects
    )
    return db


def run_sync(db, **kwargs) -> strava.StravaSyncReport:
    return drive(strava.sync(db, **kwargs))


@pytest.fixture
def copy_fit(tmp_path: Path) -> Path:
    """A real watch run with heart rate (FIT) in a folder of its own."""
    import shutil

    from tests.conftest import FIT_FIXTURES

    folder = tmp_path / "watch"
    folder.mkdir()
    source = FIT_FIXTURES / "run_coros_apex_pro_hr_gps.fit"
    shutil.copy2(source, folder / source.name)
    return folder / source.name
