"""The real `strongstride` command in its own process, as a runner would start it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    display: bool = True,
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m cli ARGS` with this checkout first on the path (from any folder).

    `display=False` removes every display variable: the command must then find its own way.
    """
    full_env = {**os.environ, **(env or {})}
    if display:
        full_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            full_env.pop(var, None)
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), full_env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
    )


PROBE = """
import json, sys
from cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w") as fh:
    json.dump({"code": code, "loaded": sorted({m.split(".")[0] for m in sys.modules})}, fh)
"""


def run_script(code: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -c CODE ARGS` in a fresh interpreter on this checkout (offscreen Qt, `env`
    added); fails the test with the child's stderr unless it exits 0."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", **env}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=full_env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done


def loaded_by(tmp_path: Path, *args: str) -> set[str]:
    """Run `strongstride ARGS` in a fresh interpreter; the top-level packages it imported."""
    report = tmp_path / "loaded.json"
    done = run_script(PROBE, str(report), *args)
    result = json.loads(report.read_text())
    assert result["code"] == 0, done.stderr
    return set(result["loaded"])
