"""Planner test set-up: the shipped exercise library and checklist templates."""

from __future__ import annotations

import pytest

from tests.planner.season_builder import shipped_resources


@pytest.fixture(scope="session")
def resources():
    return shipped_resources()
