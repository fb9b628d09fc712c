"""The only place with SQL: SQLAlchemy 2 models, Alembic migrations and transactions.

`Database` (and with it SQLAlchemy) is loaded on first use, so the light modules of this
package (errors, privacy, locks, backup) cost a command that never opens the database nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.errors import StoreError

if TYPE_CHECKING:
    from store.db import Database

__all__ = ["Database", "StoreError"]


def __getattr__(name: str) -> Any:
    if name == "Database":
        from store.db import Database

        return Database
    raise AttributeError(f"module 'store' has no attribute {name!r}")
