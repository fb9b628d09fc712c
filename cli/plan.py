"""`strongstride plan [--week DATE] [--weeks N] [--json]`: strength sessions with their reasons."""

from __future__ import annotations

import argparse

from cli import validate
from cli._plan_export import add_export_options, wants_export, write_exports
from cli._text import print_week
from cli.context import CliContext, CliError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "plan",
        help="show the strength plan for a week (or several)",
        description="Plan strength sessions around your running, with one reason per decision.",
    )
    p.add_argument("--week", metavar="DATE", help="any day of the first week (default: this week)")
    p.add_argument("--weeks", type=int, default=1, metavar="N", help="how many weeks (default 1)")
    p.add_argument("--json", action="store_true", help="print the plan as JSON")
    add_export_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations.export.plan import PrintWeeks, weeks_to_print
    from operations.plan_keep import planned_weeks
    from planner.serialize import week_plan_to_dict

    start = validate.day(args.week, "--week", today=ctx.today) if args.week else ctx.today
    if not 1 <= args.weeks <= 104:
        raise CliError("--weeks: 1 to 104")
    if args.pdf:  # the printout also shows the weeks after the last one printed
        printable = weeks_to_print(ctx.db, start=start, weeks=args.weeks, today=ctx.today)
    else:
        weeks = planned_weeks(ctx.db, start=start, weeks=args.weeks, today=ctx.today)
        printable = PrintWeeks(
            weeks, next_weeks=[], units="km"
        )  # the screen and --ics need neither
    weeks = printable.weeks
    written = write_exports(args, printable, today=ctx.today) if wants_export(args) else {}
    if args.json:
        doc: object = [week_plan_to_dict(w) for w in weeks]
        if written:
            doc = {"weeks": doc, "written": written}
        print_json(doc)
    else:
        for week in weeks:
            print_week(week, ctx.today)
        for kind, path in written.items():
            print(f"Wrote {kind.upper()}: {path}")
    return 0
