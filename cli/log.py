"""`strongstride log DATE --done|--skipped|--moved-to DATE [--rpe N --minutes M] [--set ...]`."""

from __future__ import annotations

import argparse
from datetime import date

from cli import validate
from cli.context import CliContext, CliError, print_json

_DAY_KINDS = {
    "rest": "a rest day",
    "easy": "an easy-run day",
    "key": "a key-workout day",
    "long": "the long-run day",
    "race": "race day",
    "post_race": "a recovery day after a race",
}


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


def _sets(texts: list[str], units: str) -> list[tuple[str, float | None, int | None]]:
    from planner.logged_sets import parse_set

    try:
        return [parse_set(t, units=units) for t in texts]
    except ValueError as exc:
        raise CliError(f"--set: {exc}") from exc


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import training

    day = validate.day(args.date, "DATE", today=ctx.today)
    moved_to = validate.day(args.moved_to, "--moved-to", today=ctx.today) if args.moved_to else None
    if moved_to == day:
        raise CliError(f"--moved-to: the session is already on {day:%a %d %b %Y}")
    validate.number(args.rpe, "--rpe", validate.RPE)
    validate.number(args.minutes, "--minutes", validate.SESSION_MINUTES, "min")
    _refuse_day_without_session(ctx, day)
    status = "done" if args.done else "skipped" if args.skipped else "moved"
    units = training.load_profile(ctx.db).units if args.sets else "km"
    sets = _sets(args.sets, units)
    try:
        verdict = training.log_session(
            ctx.db,
            day=day,
            status=status,
            moved_to=moved_to,
            rpe=args.rpe,
            minutes=args.minutes,
            today=ctx.today,
            sets=sets,
        )
    except training.MoveRefused as exc:
        raise CliError(f"--moved-to: not moved: {exc}") from exc
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
                "move": {"outcome": verdict.outcome.value, "reason": verdict.reason}
                if verdict
                else None,
                "sets": [{"exercise": e, "kg": kg, "count": n} for e, kg, n in sets],
            }
        )
    else:
        label = validate.day_label(day, today=ctx.today)
        extra = f" to {validate.day_label(moved_to, today=ctx.today)}" if moved_to else ""
        print(f"Logged {label}: {status}{extra}")
        if verdict is not None and verdict.reason:
            print(f"Note: {verdict.reason}")
        if sets:
            print(f"{len(sets)} set(s): " + ", ".join(args.sets))
    return 0


def _refuse_day_without_session(ctx: CliContext, day: date) -> None:
    """Only a day that holds a planned (or logged) strength session can be logged."""
    from operations import training

    for week in training.plan_weeks(ctx.db, start=day, weeks=1, today=ctx.today):
        for d in week.days:
            if d.day == day and d.strength is None:
                kind = _DAY_KINDS.get(d.day_type.value, "a day without strength")
                raise CliError(
                    f"DATE: no strength session is planned on {day:%a %d %b %Y} "
                    f"({kind}; this week: {week.reason})"
                )
