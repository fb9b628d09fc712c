"""Without a display (Linux over ssh, a bare server) the window cannot open: one line, exit 2,
instead of Qt aborting the process; the commands still work."""

from __future__ import annotations

import sys

import pytest

from tests.cli.process import run_cli

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux displays")


def test_opening_the_window_without_a_display_is_one_line_and_exit_2(tmp_path):
    done = run_cli("--data-dir", str(tmp_path / "data"), display=False)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "DISPLAY" in lines[0]


def test_the_demo_without_a_display_fills_its_folder_then_says_why_no_window(tmp_path):
    folder = tmp_path / "demo"
    done = run_cli("--data-dir", str(folder), "--today", "2026-11-25", "demo", display=False)
    assert done.returncode == 2
    assert "Demo season in" in done.stdout
    assert done.stderr.strip().count("\n") == 0 and "no display" in done.stderr
    listed = run_cli("--data-dir", str(folder), "activities", "--json", display=False)
    assert listed.returncode == 0 and listed.stdout.count('"id"') > 100
