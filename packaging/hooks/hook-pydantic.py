"""pydantic's submodules for the frozen app, without the ones packaging/bundle.py leaves out.

PyInstaller's own hook collects every submodule, so the V1 API and the mypy plugin that the
spec excludes would each be reported as a missing hidden import (25 lines of warnings) on
every build. This hook, found first through the spec's `hookspath`, collects the rest.
"""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules(
    "pydantic", filter=lambda name: not name.startswith(("pydantic.v1", "pydantic.mypy"))
)
