"""`strongstride workout`: a planned strength session as a FIT workout file for a watch."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli import validate
from cli.context import CliContext, CliError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "workout",
        help="save a planned strength session as a FIT workout (or send it to a watch)",
        description=(
            "Write the strength session planned for DATE as a FIT workout file: a warm-up, "
            "every set with its reps or hold time, and the rests between sets. With --watch, "
            "the file goes into the GARMIN/NewFiles folder of the Garmin watch plugged in by "
            "USB (as a drive or over MTP), and the watch offers it under Training > Workouts "
            "after you unplug it."
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
    from operations.export.workout_fit import WorkoutFileError, session_steps, write_workout

    day = validate.day(args.date, "--date", today=ctx.today)
    session = session_on(ctx.db, day=day, today=ctx.today)
    if session is None:
        raise CliError(f"no strength session is planned on {day:%a %-d %b %Y}", exit_code=1)
    try:
        if args.watch:
            path = _send_to_watch(session, args.watch)
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


def _send_to_watch(session, choice: str) -> str:
    """Onto the watch at the mount point given, or the one watch plugged in (drive or MTP)."""
    from importers.watch import NO_WATCH_HELP
    from operations.export.workout_fit import WorkoutFileError, send_to_plugged_in_watch

    mount = None if choice == "auto" else Path(choice)
    try:
        return send_to_plugged_in_watch(session, mount)
    except WorkoutFileError as exc:
        raise CliError(str(exc).replace(NO_WATCH_HELP, _NO_WATCH), exit_code=1) from exc


_NO_WATCH = (
    "No watch found. Plug the watch in by USB (and unlock it if it asks), or give its mount "
    "point with --watch MOUNT."
)
