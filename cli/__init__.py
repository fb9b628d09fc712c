"""The `strongstride` command line.

Every command lives in its own module in this package and exposes
`register(subparsers) -> None`, which adds its parser(s) and sets `func=run` where
`run(args, ctx: CliContext) -> int`. Modules are discovered, so adding a command never edits this
file. Every view takes `--json` and prints machine-readable output.

Exit codes: 0 success, 1 some input failed (the rest was still done), 2 usage or setup error,
3 an unexpected error (one line here, the details in the log file).

Commands load lazily: a command module imports only argparse and `cli.context` at the top and
the application layer inside its `run`, so `--version` and `--help` start without SQLAlchemy,
NumPy, the FIT decoders or Qt. The global options are accepted before or after the command.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from cli._open import opened_files
from cli.context import CliContext, CliError
from operations import __version__
from operations.logs import crash_line, log_crash, start_logging
from operations.window_lock import WindowAlreadyOpen
from store import StoreError
from store.backup import BackupError

# Modules of this package that are plumbing, not commands.
_NOT_COMMANDS = {"context", "validate"}


def command_modules() -> list[str]:
    """Names of the command modules in this package, sorted."""
    names = [m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]
    return sorted(n for n in names if n not in _NOT_COMMANDS)


class _CommandParser(argparse.ArgumentParser):
    """A command's parser: it also accepts the global options, so they may follow the command.

    Their default is SUPPRESS, so a value given before the command is kept when the command
    does not repeat it. Nested commands (`race add`) inherit this class through argparse.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _add_global_options(self, default=argparse.SUPPRESS)


def _add_global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder holding the database (default: $STRONGSTRIDE_DATA_DIR or the user data dir)",
    )
    parser.add_argument(
        "--today",
        metavar="DATE",
        default=default,
        help="treat DATE (YYYY-MM-DD) as today, for planning past or future weeks reproducibly",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="strongstride",
        description="Plans strength training around the running you actually did.",
    )
    parser.add_argument("--version", action="version", version=f"strongstride {__version__}")
    _add_global_options(parser, default=None)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation works (in a temporary folder) and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    for name in command_modules():
        module = importlib.import_module(f"cli.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if opened_files(argv):  # "Open with StrongStride" on a .fit file: the window imports it
        return _open_window_with(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        return _self_test()
    log = start_logging("cli")
    try:
        ctx = CliContext.from_args(args)
        if args.command is None:
            return _open_window(ctx)
        return int(args.func(args, ctx) or 0)
    except (CliError, StoreError, BackupError, WindowAlreadyOpen) as exc:
        print(f"strongstride: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 2)
    except KeyboardInterrupt:
        print("strongstride: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`strongstride plan | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug or a broken install: one line here, the traceback logged
        log_crash(exc)
        print(f"strongstride: {crash_line(exc, log)}", file=sys.stderr)
        return 3
    finally:
        if "ctx" in locals():
            ctx.close()


def _open_window(ctx: CliContext) -> int:
    from desktop.app import run_app  # Qt is imported only when a window is wanted

    return run_app(ctx.data_dir, today=ctx.today_override)


def _self_test() -> int:
    from desktop.self_test import qt_steps  # Qt only for the PDF, icon and platform steps
    from operations.self_test import run_self_test

    return run_self_test(qt_steps(), out=lambda line: print(line, flush=True))


def _open_window_with(files: list[str]) -> int:
    ctx = CliContext.from_args(build_parser().parse_args([]))
    from desktop.app import run_app

    return run_app(ctx.data_dir, open_files=[Path(f) for f in files])


def gui_main() -> int:
    """Entry point of the packaged app: no console, straight to the window."""
    return main(sys.argv[1:] or [])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
