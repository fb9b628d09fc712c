"""The log file: what went wrong, kept where the runner (or a bug report) can find it.

One rotating file, `strongstride.log` (1 MB, 3 old copies), in the platform's log folder
(`~/.local/state/StrongStride/log` on Linux, `~/Library/Logs/StrongStride` on macOS,
`%LOCALAPPDATA%\\StrongStride\\Logs` on Windows), private to the user. Secrets never reach it:
tokens, client secrets and passwords in a message are replaced by `***` before it is written.
"""

from __future__ import annotations

import logging
import os
import re
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

from operations.paths import APP_NAME
from store.privacy import create_private_file, private_folder

LOG_FILE = "strongstride.log"
LOG_BYTES = 1_000_000
LOG_COPIES = 3
_SECRET = re.compile(
    r"(?i)((?:access|refresh)_token|client_secret|password|authorization|code)"
    r"([\"']?\s*[:=]\s*[\"']?(?:bearer\s+)?)([^\s\"'&,}]+)"
)


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    return log_dir() / LOG_FILE


class RedactSecrets(logging.Filter):
    """Replace the value of anything that looks like a token, secret or password."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + "".join(traceback.format_exception(*record.exc_info))
            record.exc_info = None
            record.exc_text = None
        record.msg, record.args = redact(message), None
        return True


def redact(text: str) -> str:
    return _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


def start_logging(where: str) -> Path | None:
    """Send warnings and errors of this process to the log file; returns its path.

    `where` ("window" or "cli") is written on every line. A log that cannot be written (a
    read-only home folder) is not an error: the app runs without it and returns None.
    """
    root = logging.getLogger()
    path = log_path()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        if old.baseFilename == str(path.absolute()):
            return path
        root.removeHandler(old)  # a new HOME (tests): the next lines go to the new file
        old.close()
    try:
        private_folder(path.parent)
        create_private_file(path)
        handler = RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_COPIES, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(
        logging.Formatter(f"%(asctime)s {where}[{os.getpid()}] %(levelname)s %(name)s: %(message)s")
    )
    handler.addFilter(RedactSecrets())
    handler.setLevel(logging.WARNING)
    root.addHandler(handler)
    return path


def log_crash(exc: BaseException) -> None:
    """Write an unhandled exception with its traceback to the log."""
    logging.getLogger("strongstride").error(
        "unhandled %s: %s", type(exc).__name__, exc, exc_info=(type(exc), exc, exc.__traceback__)
    )


def crash_line(exc: BaseException, log: Path | None) -> str:
    """One line for an unexpected error: what happened and where the details are."""
    where = f"; details in {log}" if log else ""
    if isinstance(exc, ImportError):
        name = getattr(exc, "name", None) or str(exc)
        return f"a part of StrongStride is missing ({name}); reinstall StrongStride{where}"
    what = str(exc).strip() or type(exc).__name__
    return f"unexpected error ({type(exc).__name__}: {what}){where}"
