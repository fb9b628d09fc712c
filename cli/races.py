"""`strongstride race add|list|remove`: the race calendar that sets the season's phases."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from cli import validate
from cli.context import CliContext, CliError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("race", help="add, list or remove races (A goal, B tune-up, C training)")
    races = p.add_subparsers(dest="race_command", metavar="ACTION", required=True)
    add = races.add_parser("add", help="add a race")
    add.add_argument("--date", required=True, metavar="DATE", help="race day, YYYY-MM-DD")
    add.add_argument("--name", required=True)
    add.add_argument("--distance-km", required=True, type=float, metavar="KM")
    add.add_argument(
        "--priority",
        default="B",
        type=str.upper,
        choices=["A", "B", "C"],
        help="A goal (full taper), B short easing, C hard training (default B)",
    )
    add.add_argument("--json", action="store_true", help="print the new race as JSON")
    add.set_defaults(func=run_add)
    lst = races.add_parser("list", help="list races")
    lst.add_argument("--json", action="store_true", help="print as JSON")
    lst.set_defaults(func=run_list)
    rm = races.add_parser("remove", help="remove a race by id")
    rm.add_argument("id", type=int)
    rm.set_defaults(func=run_remove)


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import training

    day = validate.day(args.date, "--date", today=ctx.today)
    validate.number(args.distance_km, "--distance-km", validate.RACE_KM, "km")
    try:
        race_id = training.add_race(
            ctx.db, day=day, name=args.name, distance_km=args.distance_km, priority=args.priority
        )
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(
            {
                "id": race_id,
                "date": day,
                "name": args.name,
                "distance_km": args.distance_km,
                "priority": args.priority,
            }
        )
    else:
        print(f"Added race {race_id}: {args.name} on {day:%a %d %b %Y} ({args.priority})")
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import training

    races = training.list_races(ctx.db)
    if args.json:
        print_json([{**asdict(r), "date": r.day, "priority": r.priority.value} for r in races])
        return 0
    if not races:
        print("No races yet: add one with `strongstride race add`.")
    for r in races:
        print(f"{r.id:>4}  {r.day:%Y-%m-%d}  {r.priority.value}  {r.distance_km:g} km  {r.name}")
    return 0


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import training

    try:
        training.remove_race(ctx.db, race_id=args.id)
    except KeyError as exc:
        raise CliError(f"no race with id {args.id} (see `strongstride race list`)", 1) from exc
    print(f"Removed race {args.id}")
    return 0
