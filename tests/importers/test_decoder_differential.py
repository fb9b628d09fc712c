"""Both decoders must give the same activities for every fixture the fast one accepts."""

from __future__ import annotations

import dataclasses

import pytest

from importers.fit import read_fit
from importers.fit_messages import FitReadError
from tests.conftest import FIT_FIXTURES
from tests.importers.conftest import fixture_names


def _fast_or_none(name: str):
    try:
        return read_fit(FIT_FIXTURES / name, decoder="fitfast")
    except FitReadError:
        return None


@pytest.mark.parametrize("name", fixture_names())
def test_fitfast_and_fitdecode_give_identical_records(name):
    fast = _fast_or_none(name)
    if fast is None:
        # The fallback must still read it or say why; identity cannot be checked.
        try:
            tolerant = read_fit(FIT_FIXTURES / name, decoder="fitdecode")
        except FitReadError as exc:
            assert str(exc)
        else:
            assert tolerant.activities or tolerant.skipped
        return
    tolerant = read_fit(FIT_FIXTURES / name, decoder="fitdecode")
    assert fast.skipped == tolerant.skipped
    assert fast.profile == tolerant.profile
    assert len(fast.activities) == len(tolerant.activities)
    for a, b in zip(fast.activities, tolerant.activities, strict=True):
        assert dataclasses.replace(a, warnings=()) == dataclasses.replace(b, warnings=())


def test_most_fixtures_take_the_fast_path():
    fast = [n for n in fixture_names() if _fast_or_none(n) is not None]
    assert len(fast) >= 28
