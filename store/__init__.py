"""The only place with SQL: SQLAlchemy 2 models, Alembic migrations and transactions."""

from store.db import Database, StoreError

__all__ = ["Database", "StoreError"]
