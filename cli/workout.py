"""`strongstride workout`: a planned strength session as a FIT workout file for a watch."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from cli.context import CliContext, CliError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "workout",
        help="save a planned strength session as a FIT workout (or send it to a watch)",
        description=(
            "Write the strength session planned for DATE as a FIT workout file: a warm-up, "
            "every set with its reps or hold time, and the rests between sets. With --watch, "
            "the file goes into a mounted Garmin watch's GARMIN/NewFiles folder, and the "
            "watch offers it under Training > Workouts after you unplug it."
        ),
    )
    p.add_argument("--date", required=True, metavar="DATE", help="day of the session (YYYY-MM-DD)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--out", metavar="FILE", help="file or folder to write (default: here)")
    where.add_argument(
        "--watch",
        nargs="?",
        const="auto",
        metavar="MOUNT",
        help="send to a watch plugged in by USB (found by itself, or give its mount point)",
    )
    p.add_argument("--json", action="store_true", help="print the written file and steps as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations.export.plan import session_on
    from operations.export.workout_fit import (
        WorkoutFileError,
        send_to_watch,
        session_steps,
        write_workout,
    )

    try:
        day = date.fromisoformat(args.date)
    except ValueError as exc:
        raise CliError(f"--date: '{args.date}' is not a date (use YYYY-MM-DD)") from exc
    session = session_on(ctx.db, day=day, today=ctx.today)
    if session is None:
        raise CliError(f"no strength session is planned on {day:%a %-d %b %Y}", exit_code=1)
    try:
        if args.watch:
            path = send_to_watch(session, _watch_root(args.watch))
        else:
            path = write_workout(session, Path(args.out or "."))
    except (WorkoutFileError, OSError) as exc:
        raise CliError(str(exc), exit_code=1) from exc
    steps = session_steps(session)
    if args.json:
        print_json(
            {
                "path": path,
                "date": day,
                "title": session.title,
                "steps": len(steps),
                "exercises": [ex.name for ex in session.exercises],
            }
        )
    else:
        print(f"{session.title} on {day:%a %-d %b}: {len(steps)} steps written to {path}")
    return 0


def _watch_root(choice: str) -> Path:
    """The mount point given, or the one watch plugged in (several: ask which)."""
    if choice != "auto":
        return Path(choice)
    from importers.watch import NO_WATCH_HELP, find_watches

    watches = find_watches()
    if not watches:
        raise CliError(NO_WATCH_HELP.replace("--path", "--watch MOUNT"), exit_code=1)
    if len(watches) > 1:
        names = ", ".join(f"{w.name} ({w.root})" for w in watches)
        raise CliError(f"several watches are plugged in: {names}; pick one with --watch MOUNT")
    return watches[0].root
