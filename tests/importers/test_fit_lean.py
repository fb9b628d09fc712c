"""The lean copy of a FIT file: the wanted messages, exactly as in the whole file, and records
as the fast decoder's columns equal to its record dicts."""

from __future__ import annotations

import fitfast
import numpy as np
import pytest

from importers import fit_lean, fit_messages
from importers.fit_columns import RECORD_FIELDS
from importers.fit_messages import WANTED
from tests.conftest import FIT_FIXTURES
from tests.importers.conftest import fixture_names

DICT_MESSAGES = WANTED - {"record"}
DEVELOPER = {"developer_data_id", "field_description"}


def _readable(name: str) -> bytes | None:
    data = (FIT_FIXTURES / name).read_bytes()
    try:
        fitfast.count(data)
    except BaseException:  # a fitfast refusal or panic: these files never reach the lean copy
        return None
    return data


READABLE = [n for n in fixture_names() if _readable(n) is not None]


def test_the_checksum_is_fits_own():
    for name in READABLE:
        data = (FIT_FIXTURES / name).read_bytes()
        end = data[0] + int.from_bytes(data[4:8], "little")
        assert fit_lean.crc16(data[:end]) == int.from_bytes(data[end : end + 2], "little"), name
    assert fit_lean.crc16(b"123456789") == 0xBB3D  # CRC-16/ARC's check value


@pytest.mark.parametrize("name", READABLE)
def test_a_lean_copy_holds_the_wanted_messages_of_the_whole_file(name):
    data = (FIT_FIXTURES / name).read_bytes()
    lean = fit_lean.lean_fit(data)
    if lean is None:
        return
    whole = fitfast.parse(data)
    kept = fitfast.parse(lean)
    assert set(kept) <= DICT_MESSAGES | DEVELOPER
    assert kept == {k: v for k, v in whole.items() if k in DICT_MESSAGES | DEVELOPER}
    assert len(lean) < len(data)


def test_most_files_have_a_lean_copy_and_the_ones_without_are_the_expected_ones():
    without = {n for n in READABLE if fit_lean.lean_fit((FIT_FIXTURES / n).read_bytes()) is None}
    # compressed-timestamp headers: their times depend on the records left out
    assert "run_forerunner70_hr_compressed_timestamps.fit" in without
    assert len(READABLE) - len(without) >= 25
    # chained files (a pool swim's heart rate after the swim) get a chain of lean parts
    swim = (FIT_FIXTURES / "swim_pool_forerunner935_hr.fit").read_bytes()
    assert (
        fitfast.message_counts(fit_lean.lean_fit(swim))["hr"]
        == (fitfast.message_counts(swim)["hr"])
    )


def test_damage_the_walk_cannot_follow_gives_no_copy():
    data = (FIT_FIXTURES / "run_fenix5_hr_gps_1min.fit").read_bytes()
    assert fit_lean.lean_fit(data[:-100]) is None  # the declared size runs past the end
    assert fit_lean.lean_fit(data + b"\x00" * 3) is None  # bytes after the checksum
    assert fit_lean.lean_fit(b"") is None


@pytest.mark.parametrize("name", READABLE)
def test_reading_through_the_lean_copy_gives_what_parsing_the_whole_file_gives(name, monkeypatch):
    data = (FIT_FIXTURES / name).read_bytes()
    lean = fit_messages.read_fast(data)
    monkeypatch.setattr(fit_lean, "lean_fit", lambda data: None)
    whole = fit_messages.read_fast(data)
    assert lean.messages == whole.messages
    assert lean.records["_count"] == whole.records["_count"]
    assert set(lean.records) == set(whole.records)
    for field in RECORD_FIELDS:
        if field in whole.records:
            assert np.array_equal(lean.records[field], whole.records[field], equal_nan=True)
