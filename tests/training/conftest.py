"""The demo season as the tests of the application layer's planning open it."""

from __future__ import annotations

from datetime import date

import pytest

from store import Database

DEMO_TODAY = date(2026, 11, 25)


@pytest.fixture
def db(tmp_path, demo_database):
    """The demo season ending before 25 November 2026, in this test's folder, opened."""
    database = Database.open(demo_database(tmp_path, DEMO_TODAY))
    yield database
    database.close()
