"""`strongstride log DATE --done|--skipped|--moved-to DATE [--rpe N --minutes M] [--set ...]`."""

from __future__ import annotations

import argparse
from datetime import date

from cli.context import CliContext, CliError, print_json
from operations import training
from planner.logged_sets import parse_set


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "log",
        help="record a strength session as done, skipped or moved",
        description="Record what happened to the session planned on DATE; the rest of the "
        "week is re-planned around it. Sets logged with --done feed the next sessions' loads.",
    )
    p.add_argument("date", metavar="DATE", help="the day the session was planned, YYYY-MM-DD")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--done", action="store_true")
    what.add_argument("--skipped", action="store_true")
    what.add_argument("--moved-to", metavar="DATE")
    p.add_argument("--rpe", type=float, metavar="N", help="session effort 1-10, ~30 min after")
    p.add_argument("--minutes", type=float, metavar="M", help="whole session, warm-up included")
    p.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="EXERCISE=RESULT",
        help="one set done, repeat per set: back_squat=60x5 (weight in your units, kg or lb), "
        "push_up=12 (reps), plank=40s (seconds held)",
    )
    p.add_argument("--json", action="store_true", help="print what was logged as JSON")
    p.set_defaults(func=run)


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"{what}: '{text}' is not a date (use YYYY-MM-DD)") from exc


def _sets(texts: list[str], units: str) -> list[tuple[str, float | None, int | None]]:
    try:
        return [parse_set(t, units=units) for t in texts]
    except ValueError as exc:
        raise CliError(f"--set: {exc}") from exc


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    day = _date(args.date, "DATE")
    moved_to = _date(args.moved_to, "--moved-to") if args.moved_to else None
    status = "done" if args.done else "skipped" if args.skipped else "moved"
    units = training.load_profile(ctx.db).units if args.sets else "km"
    sets = _sets(args.sets, units)
    try:
        training.log_session(
            ctx.db,
            day=day,
            status=status,
            moved_to=moved_to,
            rpe=args.rpe,
            minutes=args.minutes,
            sets=sets,
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
                "sets": [{"exercise": e, "kg": kg, "count": n} for e, kg, n in sets],
            }
        )
    else:
        extra = f" to {moved_to:%a %d %b}" if moved_to else ""
        print(f"Logged {day:%a %d %b}: {status}{extra}")
        if sets:
            print(f"{len(sets)} set(s): " + ", ".join(args.sets))
    return 0
