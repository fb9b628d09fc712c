"""The real `strongstride` command in its own process, as a runner would start it."""

from __future__ import annotations

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
