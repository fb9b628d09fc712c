"""`strongstride backup [--to FILE]` and `strongstride restore FILE`.

A backup is a complete SQLite copy made with SQLite's backup API (safe while the window is
open). A restore checks the file first (an SQLite file, a StrongStride schema this version
knows, pages intact), keeps the current database as `backups/before-restore-*.sqlite`, and is
refused while a window has the data folder open. A damaged database is moved aside, never
overwritten.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.context import CliContext, print_json
from operations.paths import database_path


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser(
        "backup",
        help="copy the database now (to the backups folder, or to FILE)",
        description="A complete copy of your data, safe to take while the app is open.",
    )
    b.add_argument("--to", metavar="FILE", help="a new file (or a folder) for the copy")
    b.add_argument("--list", action="store_true", help="list the backups kept, newest first")
    b.add_argument("--json", action="store_true", help="print the result as JSON")
    b.set_defaults(func=run_backup)
    r = sub.add_parser(
        "restore",
        help="replace your data with a backup (your current data is kept as a backup)",
        description="Check FILE, keep the current database as a backup, then restore FILE.",
    )
    r.add_argument("file", metavar="FILE", help="a backup made by StrongStride")
    r.add_argument("--json", action="store_true", help="print the result as JSON")
    r.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import backup
    from store.backup import backups

    if args.list:
        found = backups(database_path(ctx.data_dir))
        if args.json:
            print_json([str(p) for p in found])
        for path in [] if args.json else found:
            print(path)
        return 0
    target = Path(args.to).expanduser() if args.to else None
    path = backup.back_up_now(ctx.db, to=target)
    if args.json:
        print_json({"backup": path})
    else:
        print(f"Backed up to {path}")
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import backup
    from operations.window_lock import refuse_if_window_open
    from store import StoreError

    source = Path(args.file).expanduser()
    refuse_if_window_open(ctx.data_dir, "restore a backup")
    backup.check_backup(source)  # a bad file is refused before the database is even opened
    try:
        done = backup.restore(ctx.db, source=source)
    except StoreError as exc:  # the database itself is damaged: move it aside, restore
        if not exc.damaged:
            raise
        ctx.close()
        done = backup.replace_damaged(database_path(ctx.data_dir), source=source)
    if args.json:
        print_json(
            {"restored": done.source, "activities": done.activities, "previous": done.previous}
        )
    else:
        print(
            f"Restored {done.source} ({done.activities} activities); "
            f"your previous data is in {done.previous}"
        )
    return 0
