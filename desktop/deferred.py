"""Modules of the application layer that the window loads on first use instead of at start.

The window paints its first page from the weeks kept at the last start (`operations.plan_keep`)
before SQLAlchemy, the store's models and the planner's history have loaded, which is most of a
start's time. The modules that need them are loaded by the first call into them, normally on a
job thread after that paint. Importing is thread-safe: a second caller waits for the first
caller's import to finish.
"""

from __future__ import annotations

import importlib
from typing import Any


class DeferredModule:
    """Stands for the module `name`; any attribute read imports it (once) and reads it there."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"<deferred module {self._name!r}>"


def deferred(name: str) -> Any:
    """The module `name`, imported when first used (see the module's docstring)."""
    return DeferredModule(name)
