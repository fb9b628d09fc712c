"""What every command gets: the data folder, the database (opened on first use) and today."""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from operations.paths import DataDirError, database_path, resolve_data_dir

if TYPE_CHECKING:  # the store (and SQLAlchemy) is loaded only by commands that open it
    from store import Database


class CliError(Exception):
    """A problem the user can fix; printed as one line, never as a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class CliContext:
    data_dir: Path
    today_override: date | None = None
    _db: Database | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        today = None
        raw_today = args.today or os.environ.get("STRONGSTRIDE_TODAY")
        if raw_today:
            try:
                today = date.fromisoformat(raw_today)
            except ValueError as exc:
                raise CliError(f"--today: '{raw_today}' is not a date (use YYYY-MM-DD)") from exc
        try:
            data_dir = resolve_data_dir(args.data_dir, demo=getattr(args, "demo_dir", False))
        except DataDirError as exc:
            raise CliError(str(exc)) from exc
        return cls(data_dir=data_dir, today_override=today)

    @property
    def today(self) -> date:
        return self.today_override or date.today()

    @property
    def db(self) -> Database:
        if self._db is None:
            from operations.backup import daily_backup
            from store import Database

            self._db = Database.open(database_path(self.data_dir))  # StoreError: one line
            daily_backup(self._db, today=date.today())
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def print_json(obj: Any) -> None:
    """Machine-readable output: one valid JSON document on stdout (no NaN or Infinity)."""
    text = json.dumps(
        finite(obj), indent=2, ensure_ascii=False, default=_json_default, allow_nan=False
    )
    sys.stdout.write(text + "\n")


def finite(obj: Any) -> Any:
    """`obj` with every NaN or infinite number replaced by null (JSON has no such numbers)."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [finite(v) for v in obj]
    return obj


def write_csv(path: str | Path, fields: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    """Rows as a CSV file with a header; a file that cannot be written is a one-line error."""
    try:
        with Path(path).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(fields), extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    except OSError as exc:
        raise CliError(f"--csv: cannot write {path} ({exc.strerror or exc})") from exc


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
