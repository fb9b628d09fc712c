"""`sync watch` and `workout --watch` on an MTP watch (the fake device), as real commands."""

from __future__ import annotations

import json

import fitdecode

from cli import main
from importers.devices.fake import ENV_VAR
from tests.importers.watch_tree import garmin_tree, leftovers
from tests.printing.test_cli_print_export import cli, demo_dir, session_days

__all__ = ["demo_dir"]


def test_sync_watch_copies_and_imports_from_an_mtp_watch_it_finds_by_itself(
    data_dir, tmp_path, monkeypatch, capsys
):
    garmin_tree(tmp_path / "watch")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "watch"))
    assert main(["--data-dir", str(data_dir), "sync", "watch", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["activities_added"] == 3
    copies = data_dir / "watch" / "Forerunner 965"
    assert len(list(copies.glob("*.FIT"))) == 3 and leftovers(data_dir) == []


def test_workout_watch_puts_the_session_into_an_mtp_watchs_newfiles(
    demo_dir, tmp_path, monkeypatch
):
    folder = garmin_tree(tmp_path / "watch", profile_files=False)
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "watch"))
    day = session_days(demo_dir)[0]
    done = cli(demo_dir, "workout", "--date", day, "--watch", "--json")
    assert done.returncode == 0, done.stderr
    where = json.loads(done.stdout)["path"]
    assert where.startswith("Fake Forerunner: Internal Storage/GARMIN/NewFiles/StrongStride_")
    (written,) = (folder / "NewFiles").glob("*.fit")
    with fitdecode.FitReader(str(written)) as reader:
        kinds = {f.name for f in reader if isinstance(f, fitdecode.FitDataMessage)}
    assert {"file_id", "workout", "workout_step"} <= kinds
