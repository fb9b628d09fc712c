"""`strongstride load [--weeks N] [--json] [--csv FILE]`: weekly running volume and load."""

from __future__ import annotations

import argparse

from cli._text import print_loads
from cli.context import CliContext, CliError, print_json, write_csv

CSV_COLUMNS = (
    "week_start",
    "run_km",
    "run_s",
    "load",
    "ctl",
    "atl",
    "tsb",
    "acwr",
    "monotony",
    "strain",
    "strain_p90",
    "volume_level",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "load",
        help="weekly running km and time, load, fitness/fatigue and volume level",
        description=(
            "Per week: running km and time, training load (TRIMP), fitness (CTL), fatigue (ATL), "
            "form (TSB), load ratio, monotony and strain against your own 90th percentile (context "
            "only, not injury prediction), and the volume level the planner uses."
        ),
    )
    p.add_argument("--weeks", type=int, default=12, metavar="N", help="how many weeks (default 12)")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.add_argument("--csv", metavar="FILE", help="also write the weeks as CSV")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import training
    from planner.serialize import week_load_to_dict

    if not 1 <= args.weeks <= 1040:
        raise CliError("--weeks: 1 to 1040")
    loads = training.weekly_load(ctx.db, weeks=args.weeks, today=ctx.today)
    rows = [week_load_to_dict(w) for w in loads]
    if args.csv:
        write_csv(args.csv, CSV_COLUMNS, rows)
    if args.json:
        print_json(rows)
    else:
        print_loads(loads)
    return 0
