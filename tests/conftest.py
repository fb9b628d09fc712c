"""Shared test set-up: nothing a test does may touch the real home folder or keychain."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The shared fixtures sit beside the repository (../shared/fixtures), or where the variable says.
FIXTURES = Path(
    os.environ.get("STRONGSTRIDE_FIXTURES")
    or Path(__file__).resolve().parents[2] / "shared" / "fixtures"
)
FIT_FIXTURES = FIXTURES / "fit"


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
