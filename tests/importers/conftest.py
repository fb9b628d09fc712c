"""Importer test set-up: the reference reading of every fixture and a fresh database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from store import Database
from tests.conftest import FIT_FIXTURES


def reference() -> dict:
    return json.loads((FIT_FIXTURES / "reference.json").read_text())["files"]


def fixture_names() -> list[str]:
    return sorted(p.name for p in FIT_FIXTURES.glob("*.fit"))


@pytest.fixture
def db(tmp_path: Path):
    database = Database.open(tmp_path / "strongstride.sqlite")
    yield database
    database.close()


@pytest.fixture
def copy_fixtures(tmp_path: Path):
    """Copy named fixtures into a fresh folder (real bytes, writable, movable)."""

    def copy(*names: str, folder: str = "in") -> Path:
        target = tmp_path / folder
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy2(FIT_FIXTURES / name, target / name)
        return target

    return copy


# Case counts of the FIT fuzz tests, printed at the end of the run so CI output shows them.
FUZZ_COUNTS: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter) -> None:
    if FUZZ_COUNTS:
        terminalreporter.section("FIT fuzzing")
        for name, line in FUZZ_COUNTS.items():
            terminalreporter.write_line(f"{name}: {line}")
