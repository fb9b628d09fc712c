"""The environment a benchmark's child process runs in: the one a runner's install has.

An installed StrongStride starts from compiled bytecode (pip compiles it on install, the
packaged app ships it). A shell with PYTHONDONTWRITEBYTECODE set would instead make every start
compile each project module from source again (about 0.2 s of a window start), so the children
may write and use `__pycache__`; the first run of each measurement compiles, the rest reuse it.
"""

from __future__ import annotations

import os


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env
