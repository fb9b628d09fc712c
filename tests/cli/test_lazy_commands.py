"""Commands load only what they use, and the global options go before or after the command.

Each command runs in a child process that reports which top-level packages it had imported
when it finished, so nothing loaded by the test run itself can hide or fake an import.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from cli import main
from tests.cli.process import loaded_by, run_cli

TODAY = date(2026, 11, 25)
HEAVY = {"sqlalchemy", "alembic", "numpy", "fitfast", "fitdecode", "PySide6", "shiboken6"}
NOT_FOR_VIEWS = {"numpy", "fitfast", "fitdecode", "PySide6", "shiboken6"}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["plan", "--help"]])
def test_version_and_help_load_neither_the_store_numpy_the_fit_decoders_nor_qt(tmp_path, args):
    loaded = loaded_by(tmp_path, *args)
    assert "cli" in loaded
    assert loaded & HEAVY == set()


@pytest.mark.parametrize("command", ["plan", "load", "activities"])
def test_the_json_views_read_the_store_without_numpy_or_qt(tmp_path, demo_database, command):
    folder = tmp_path / "data"
    demo_database(folder, TODAY)
    loaded = loaded_by(tmp_path, "--data-dir", str(folder), command, "--json")
    assert "sqlalchemy" in loaded  # the probe sees what the command really loaded
    assert loaded & NOT_FOR_VIEWS == set()


def test_plan_json_prints_the_kept_weeks_without_sqlalchemy(tmp_path, demo_database):
    folder = tmp_path / "data"
    demo_database(folder, TODAY)
    args = ["--data-dir", str(folder), "--today", TODAY.isoformat(), "plan", "--json"]
    first = run_cli(*args)  # plans, and saves the sessions shown
    second = run_cli(*args)  # plans again (nothing new to save) and keeps the week
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    loaded = loaded_by(tmp_path, *args)
    assert "cli" in loaded
    assert loaded & HEAVY == set()
    kept = run_cli(*args)
    assert json.loads(kept.stdout) == json.loads(first.stdout) == json.loads(second.stdout)
    for cache in folder.glob("*.cache"):
        cache.unlink()
    afresh = run_cli(*args)
    assert json.loads(afresh.stdout) == json.loads(kept.stdout)


def planned_weeks(capsys, *args: str) -> list[str]:
    assert main(list(args)) == 0
    return [week["week_start"] for week in json.loads(capsys.readouterr().out)]


def test_global_options_work_after_the_command(tmp_path, demo_database, capsys):
    folder = tmp_path / "data"
    demo_database(folder, TODAY)
    after = planned_weeks(
        capsys, "plan", "--json", "--today", "2026-12-07", "--data-dir", str(folder)
    )
    assert after == ["2026-12-07"]


def test_a_global_option_before_the_command_is_kept_when_the_command_has_its_own(
    tmp_path, demo_database, capsys
):
    folder = tmp_path / "data"
    demo_database(folder, TODAY)
    weeks = planned_weeks(
        capsys, "--today", "2026-12-14", "plan", "--data-dir", str(folder), "--json"
    )
    assert weeks == ["2026-12-14"]


def test_global_options_reach_nested_commands(tmp_path, demo_database, capsys):
    folder = tmp_path / "data"
    demo_database(folder, TODAY)
    assert main(["race", "list", "--json", "--data-dir", str(folder)]) == 0
    races = json.loads(capsys.readouterr().out)
    assert len(races) == 6  # the demo season's races, read from the folder given after `list`
