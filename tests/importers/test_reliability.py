"""A bad file costs one file: panics, crashes, endless decoding, impossible data, two imports."""

from __future__ import annotations

import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import fitfast
import pytest

from importers.decode_worker import decode_bytes
from importers.pipeline import run_import
from importers.sources import Candidate
from importers.worker_pool import DecodePool
from store import Database
from store import activities as store
from tests.conftest import FIT_FIXTURES
from tests.importers import fit_fuzz
from tests.importers.fit_variants import shift_fit

RUN = "run_fenix5_hr_gps_1min.fit"
PANICS = sorted((Path(__file__).resolve().parents[1] / "data" / "fuzz").glob("*panic.fit"))


def _folder_of_runs(folder: Path, count: int, *extra: str) -> list[Candidate]:
    folder.mkdir()
    data = (FIT_FIXTURES / RUN).read_bytes()
    names = [f"{i:03}.fit" for i in range(count)] + list(extra)
    for i, name in enumerate(names):
        (folder / name).write_bytes(shift_fit(data, 86400 * (i + 1)))
    return [Candidate(str(folder / n), (folder / n).stat().st_size, None, "fit") for n in names]


@pytest.mark.parametrize("path", PANICS, ids=lambda p: p.stem)
def test_a_fast_decoder_panic_becomes_a_plain_outcome_for_that_file(path):
    data = path.read_bytes()
    with pytest.raises(BaseException) as caught:  # the Rust decoder really panics on it
        fitfast.parse(data)
    assert type(caught.value).__name__ == "PanicException"
    result, error = decode_bytes(data)
    assert (result is not None) or (error and "\n" not in error)


def test_a_file_that_never_finishes_fails_alone_at_the_time_limit(tmp_path):
    todo = _folder_of_runs(tmp_path / "in", 6, "slow.fit")
    with DecodePool(2, frozenset(), {}, module="tests.importers.slow_decoder", time_limit_s=3) as p:
        out = list(p.decode_all(iter(todo), lambda c: c))
        replaced = p.replaced
    failed = [d for d in out if d.error]
    assert [Path(d.path).name for d in failed] == ["slow.fit"]
    assert "longer than 3 s" in failed[0].error and failed[0].sha256  # re-runs skip it
    assert sum(1 for d in out if d.result and d.result.activities) == 6
    assert replaced == 1


def test_files_queued_behind_a_crash_go_to_another_worker(tmp_path):
    todo = _folder_of_runs(tmp_path / "in", 20, "crash.fit", "after.fit")
    todo.insert(3, todo.pop(-2))  # crash early, with files queued behind it
    with DecodePool(2, frozenset(), {}, module="tests.importers.crashing_decoder") as pool:
        out = list(pool.decode_all(iter(todo), lambda c: c))
    assert len(out) == len(todo)
    failed = [Path(d.path).name for d in out if d.error]
    assert failed == ["crash.fit"]


def test_an_impossible_record_time_is_dropped_and_the_file_flagged(tmp_path):
    data = bytearray((FIT_FIXTURES / RUN).read_bytes())
    stamps = fit_fuzz.layout(bytes(data)).timestamps
    stamp = stamps[len(stamps) // 2]  # a record in the middle of the run
    struct.pack_into("<I", data, stamp, 0xFFFFFFF0)  # a record in the 2120s
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wild.fit").write_bytes(fit_fuzz._recrc(data))
    db = Database.open(tmp_path / "db.sqlite")
    try:
        report = run_import(db, [folder])
        with db.session() as s:
            (act,) = store.list_activities(s)
            (row,) = store.known_files_by_path(s).values()
    finally:
        db.close()
    assert [p.path for p in report.implausible] == [str(folder / "wild.fit")]
    assert "1 record(s) with impossible times dropped" in report.implausible[0].reason
    assert "Implausible parts left out" in "\n".join(report.summary_lines())
    assert act["elapsed_s"] < 86400 and row.status == "imported"
    assert row.error.startswith("implausible parts left out")


def test_two_imports_of_one_folder_at_once_record_each_file_once_with_its_status(tmp_path):
    _folder_of_runs(tmp_path / "in", 40)
    Database.open(tmp_path / "db.sqlite").close()  # the schema exists; both race on the files
    script = textwrap.dedent(
        f"""
        from importers.pipeline import run_import
        from store import Database
        db = Database.open({str(tmp_path / "db.sqlite")!r})
        report = run_import(db, [{str(tmp_path / "in")!r}], workers=2)
        print(len(report.imported), report.unchanged, len(report.duplicates), len(report.failed))
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    db = Database.open(tmp_path / "db.sqlite")
    try:
        with db.session() as s:
            files = store.known_files_by_path(s)
            rows = store.count_rows(s)
    finally:
        db.close()
    assert rows["imported_file"] == 40 and rows["activity"] == 40
    assert {f.status for f in files.values()} == {"imported"}
    imported = sum(int(o[0]) for o in outputs)
    assert imported == 40 and all(o[2:] == ["0", "0"] for o in outputs)
