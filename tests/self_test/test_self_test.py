"""`strongstride --self-test`: every step on real parts, one line each, the failing one named."""

from __future__ import annotations

from pathlib import Path

from desktop.self_test import qt_steps
from operations import self_test
from tests.cli.process import run_cli
from tests.conftest import fixture_file


def test_every_step_passes_on_a_working_installation_and_prints_one_line_each(qapp):
    lines: list[str] = []
    code = self_test.run_self_test(qt_steps(), out=lines.append)
    names = [name for name, _ in [*self_test.core_steps(), *qt_steps()]] + ["keychain"]
    assert code == 0, lines
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok {name}" for name in names]
    assert lines[-1].startswith(f"self-test passed: {len(names)} steps")
    assert "1 activity imported" in lines[2]
    assert "weekly sheet written" in lines[4]


def test_a_failing_step_stops_the_run_names_the_step_and_removes_the_temporary_folder():
    seen: dict[str, Path] = {}

    def remember_folder(state: self_test.SelfTest) -> str:
        seen["folder"] = state.folder
        raise ModuleNotFoundError("No module named 'PySide6.QtSvg'")

    def never(state: self_test.SelfTest) -> str:
        raise AssertionError("a step after the failing one ran")

    lines: list[str] = []
    code = self_test.run_self_test([("icons", remember_folder), ("pdf", never)], out=lines.append)
    assert code == 1
    assert lines[-2] == "FAILED icons: ModuleNotFoundError: No module named 'PySide6.QtSvg'"
    assert lines[-1] == "self-test failed at step 'icons'"
    assert not any(line.startswith("ok pdf") for line in lines)
    assert not seen["folder"].exists()


def test_the_bundled_sample_is_the_real_fixture_file_byte_for_byte():
    fixture = fixture_file("fit", "run_fenix5_hr_gps_1min.fit")
    assert self_test.sample_fit().read_bytes() == fixture.read_bytes()


def test_the_command_runs_the_self_test_from_another_folder_without_touching_the_data_dir(
    tmp_path,
):
    data_dir = tmp_path / "data"
    result = run_cli("--self-test", cwd=tmp_path, env={"STRONGSTRIDE_DATA_DIR": str(data_dir)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok platform plugin: 'offscreen' loaded" in result.stdout
    assert "self-test passed" in result.stdout
    assert not data_dir.exists()
