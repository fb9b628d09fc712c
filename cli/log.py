"""`strongstride log DATE --done|--skipped|--moved-to DATE [--rpe N --minutes M]`."""

from __future__ import annotations

import argparse
from datetime import date

from cli.context import CliContext, CliError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "log",
        help="record a strength session as done, skipped or moved",
        description="Record what happened to the session planned on DATE; the rest of the "
        "week is re-planned around it.",
    )
    p.add_argument("date", metavar="DATE", help="the day the session was planned, YYYY-MM-DD")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--done", action="store_true")
    what.add_argument("--skipped", action="store_true")
    what.add_argument("--moved-to", metavar="DATE")
    p.add_argument("--rpe", type=float, metavar="N", help="session effort 1-10, ~30 min after")
    p.add_argument("--minutes", type=float, metavar="M", help="whole session, warm-up included")
    p.add_argument("--json", action="store_true", help="print what was logged as JSON")
    p.set_defaults(func=run)


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"{what}: '{text}' is not a date (use YYYY-MM-DD)") from exc


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import training

    day = _date(args.date, "DATE")
    moved_to = _date(args.moved_to, "--moved-to") if args.moved_to else None
    status = "done" if args.done else "skipped" if args.skipped else "moved"
    try:
        training.log_session(
            ctx.db, day=day, status=status, moved_to=moved_to, rpe=args.rpe, minutes=args.minutes
        )
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(
            {
                "date": day,
                "status": status,
                "moved_to": moved_to,
                "rpe": args.rpe,
                "minutes": args.minutes,
            }
        )
    else:
        extra = f" to {moved_to:%a %d %b}" if moved_to else ""
        print(f"Logged {day:%a %d %b}: {status}{extra}")
    return 0
