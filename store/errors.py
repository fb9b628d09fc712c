"""What went wrong with the database file, in one line that names it.

SQLite reports a full disk, a read-only file, a busy database and a damaged file through the
same exception classes; the runner needs different advice for each. Only a damaged file is
worth restoring from a backup: a full disk or a locked file loses nothing.
"""

from __future__ import annotations

from pathlib import Path

# SQLite's own wording (sqlite3_errstr), lower-cased, mapped to the kind of problem.
_KINDS = (
    ("disk is full", "full"),
    ("no space left", "full"),  # the same, as the operating system says it (ENOSPC)
    ("read-only file system", "read-only"),
    ("permission denied", "read-only"),
    ("readonly", "read-only"),
    ("read-only", "read-only"),
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("malformed", "damaged"),
    ("not a database", "damaged"),
    ("database corrupt", "damaged"),
    ("unable to open", "cannot-open"),
    ("disk i/o error", "io"),
)


class StoreError(Exception):
    """The database cannot be used; the message names the file and says what to do.

    `kind` is one of damaged, full, read-only, locked, cannot-open, io, newer, not-sqlite or
    other; `backup` is the newest backup worth offering when the file is damaged.
    """

    def __init__(self, message: str, *, kind: str = "other", backup: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.backup = backup

    @property
    def damaged(self) -> bool:
        return self.kind == "damaged"


def kind_of(exc: BaseException) -> str:
    """The kind of SQLite problem behind `exc` (a sqlite3 or SQLAlchemy DBAPI error)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    for words, kind in _KINDS:
        if words in text:
            return kind
    code = getattr(orig, "sqlite_errorname", "") or ""
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return "damaged"
    if code.startswith("SQLITE_FULL"):
        return "full"
    return "other"


def database_error(path: Path, exc: BaseException, backup: Path | None = None) -> StoreError:
    """One line for a failed SQLite call on `path`: what happened, where, and what to do."""
    kind = kind_of(exc)
    detail = " ".join(str(getattr(exc, "orig", None) or exc).split()) or type(exc).__name__
    if kind == "damaged":
        return damaged_error(path, detail, backup)
    messages = {
        "full": f"{path}: the disk is full; nothing was saved by this step. Free some space on "
        "that disk and try again",
        "read-only": f"{path}: the database cannot be written (the file or its folder is "
        "read-only); make both writable or choose another --data-dir",
        "locked": f"{path}: the database is busy (another StrongStride window or command is "
        "writing to it); try again when that has finished",
        "cannot-open": f"{path}: the database cannot be opened ({detail}); check that the "
        "folder exists and is writable",
        "io": f"{path}: reading or writing the database failed ({detail}); check the disk",
    }
    message = messages.get(kind, f"{path}: the database failed ({detail})")
    return StoreError(message, kind=kind)


def damaged_error(path: Path, detail: str, backup: Path | None) -> StoreError:
    """The file is damaged: it is left as it is, and the newest backup is named."""
    detail = " ".join(detail.split())  # SQLite's report spans lines; the message is one
    if backup is not None:
        advice = f"restore the latest backup with `strongstride restore {backup}`"
    else:
        advice = "no backup was found; keep the file and restore one you have"
    return StoreError(
        f"{path} is damaged ({detail}) and was not changed; {advice}",
        kind="damaged",
        backup=backup,
    )
