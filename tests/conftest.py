"""Shared test set-up: nothing a test does may touch the real home folder or keychain."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The test data lives in the repository (tests/data, provenance and licences in its README).
FIXTURES = Path(__file__).resolve().parent / "data"
FIT_FIXTURES = FIXTURES / "fit"
STRAVA_FIXTURES = FIXTURES / "strava"
STRAVA_EXPORT_FIXTURES = FIXTURES / "strava-export"


def fixture_file(*parts: str) -> Path:
    """A file of tests/data; a missing one fails the test with its path, not a bare traceback."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"test data missing: {path} (see tests/data/README.md)", pytrace=False)
    return path


class MemoryKeyring(KeyringBackend):
    """A keychain that lives in memory for one test."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point HOME, the XDG folders and the data dir variable at a temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("STRONGSTRIDE_DATA_DIR", raising=False)
    monkeypatch.delenv("STRONGSTRIDE_TODAY", raising=False)
    return home


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def fit_fixtures() -> Path:
    if not FIT_FIXTURES.is_dir():
        pytest.fail(f"FIT fixtures not found at {FIT_FIXTURES}")
    return FIT_FIXTURES


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


DemoCopy = Callable[[Path, date], Path]


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> DemoCopy:
    """`copy_demo(folder, today)`: the demo season ending before `today`, as the folder's database.

    Each season is filled once per test run (through the same `fill_demo` the `demo` command
    uses) and copied with SQLite's backup API into every folder that asks for it, so a test
    gets its own database file without paying for a fresh fill.
    """
    from operations.demo import fill_demo
    from operations.paths import DATABASE_FILE
    from store import Database

    filled: dict[date, Path] = {}

    def copy_demo(folder: Path, today: date) -> Path:
        if today not in filled:
            original = tmp_path_factory.mktemp("demo-season") / DATABASE_FILE
            db = Database.open(original)
            try:
                fill_demo(db, today=today)
            finally:
                db.close()
            filled[today] = original
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / DATABASE_FILE
        source, copy = sqlite3.connect(filled[today]), sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        return target

    return copy_demo


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop at once, naming the folder, when the repository's test data is not there."""
    for folder in (FIT_FIXTURES, STRAVA_FIXTURES, STRAVA_EXPORT_FIXTURES):
        if not folder.is_dir():
            pytest.exit(f"test data folder missing: {folder} (see tests/data/README.md)", 2)
