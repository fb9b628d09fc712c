"""`strongstride swap --date DATE --exercise ID --to ID|--reset [--json]`.

Keeps a substitute for one exercise of the strength session planned on DATE (that session only;
the planned dose stays). `--reset` goes back to the planned exercise.
"""

from __future__ import annotations

import argparse

from cli import validate
from cli.context import CliContext, CliError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "swap",
        help="do another exercise for the same movement in one session",
        description="Use one of the library's substitutes for an exercise of the session "
        "planned on DATE. The swap stays with that session through re-plans and exports.",
    )
    p.add_argument("--date", required=True, metavar="DATE", help="the session's day, YYYY-MM-DD")
    p.add_argument("--exercise", required=True, metavar="ID", help="the planned exercise's id")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--to", metavar="ID", help="the substitute's id")
    what.add_argument("--reset", action="store_true", help="back to the planned exercise")
    p.add_argument("--json", action="store_true", help="print the session's exercises as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import training
    from operations.export.plan import session_on
    from planner.serialize import exercise_to_dict

    day = validate.day(args.date, "--date", today=ctx.today)
    session = session_on(ctx.db, day=day, today=ctx.today)
    if session is None:
        raise CliError(f"no strength session is planned on {day:%a %d %b %Y}")
    planned = {ex.swapped_from or ex.id: ex for ex in session.exercises}
    shown = {ex.id: ex.swapped_from or ex.id for ex in session.exercises}
    exercise = shown.get(args.exercise, args.exercise)
    if exercise not in planned:
        ids = ", ".join(planned)
        raise CliError(f"--exercise: '{args.exercise}' is not in that session ({ids})")
    try:
        training.swap_exercise(
            ctx.db,
            session_key=session.key,
            exercise_id=exercise,
            substitute_id=None if args.reset else args.to,
        )
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    after = session_on(ctx.db, day=day, today=ctx.today)
    exercises = after.exercises if after is not None else ()
    if args.json:
        print_json(
            {
                "date": day,
                "session_key": session.key,
                "exercise": exercise,
                "substitute": None if args.reset else args.to,
                "exercises": [exercise_to_dict(ex) for ex in exercises],
            }
        )
    else:
        now = next((ex for ex in exercises if (ex.swapped_from or ex.id) == exercise), None)
        name = now.name if now is not None else exercise
        print(f"{day:%a %d %b}: {name} ({'as planned' if args.reset else 'swapped'})")
    return 0
