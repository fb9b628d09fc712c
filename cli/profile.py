"""`strongstride profile show|set`: who the runner is and how their week usually looks."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from cli import validate
from cli.context import CliContext, CliError, print_json

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday(text: str) -> int:
    key = text.strip().lower()[:3]
    if key not in WEEKDAYS:
        raise argparse.ArgumentTypeError(f"'{text}' is not a weekday (mon..sun)")
    return WEEKDAYS.index(key)


def _weekdays(text: str) -> tuple[int, ...]:
    if text.strip().lower() in ("", "any", "none"):
        return ()
    return tuple(_weekday(t) for t in text.split(","))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("profile", help="show or change your profile")
    actions = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="show the profile")
    show.add_argument("--json", action="store_true", help="print as JSON")
    show.set_defaults(func=run_show)
    s = actions.add_parser("set", help="change profile fields")
    s.add_argument("--sex", choices=["male", "female", "unknown"])
    s.add_argument("--birth-year", type=int)
    s.add_argument("--hr-max", type=int, help="maximum heart rate, bpm")
    s.add_argument("--hr-rest", type=int, help="resting heart rate, bpm")
    s.add_argument("--long-run-day", type=_weekday, metavar="DAY", help="mon..sun")
    s.add_argument("--key-run-days", type=_weekdays, metavar="DAYS", help="e.g. tue,thu")
    s.add_argument(
        "--strength-days",
        type=_weekdays,
        metavar="DAYS",
        help="days available for strength, e.g. mon,wed,fri ('any' for all)",
    )
    s.add_argument("--equipment", choices=["gym", "home", "bodyweight"])
    s.add_argument("--units", choices=["km", "mi"])
    s.add_argument(
        "--usual-weekly-minutes",
        type=float,
        metavar="MIN",
        help="your usual weekly running time (used until there is enough history)",
    )
    s.add_argument(
        "--lifted-regularly",
        choices=["yes", "no"],
        help="regular lifting in the last 6 months (skips the beginner weeks)",
    )
    s.add_argument(
        "--strength-block",
        choices=["yes", "no"],
        help="allow 3 sessions a week in low-volume periods",
    )
    s.add_argument(
        "--beginner-second-session",
        choices=["yes", "no"],
        help="in your first 4 weeks, add a short second session (one set each, ~20 min)",
    )
    s.add_argument("--ill", choices=["yes", "no"], help="illness: no strength until cleared")
    s.add_argument(
        "--injured",
        choices=["yes", "no"],
        help="injury: upper body, core and mobility only until cleared",
    )
    s.add_argument("--json", action="store_true", help="print the profile as JSON afterwards")
    s.set_defaults(func=run_set)


_FIELDS = {
    "sex": "sex",
    "birth_year": "birth_year",
    "hr_max": "hr_max",
    "hr_rest": "hr_rest",
    "long_run_day": "long_run_weekday",
    "key_run_days": "key_run_weekdays",
    "strength_days": "strength_weekdays",
    "equipment": "equipment",
    "units": "units",
    "usual_weekly_minutes": "usual_weekly_run_minutes",
    "lifted_regularly": "lifted_regularly",
    "strength_block": "strength_block_opt_in",
    "beginner_second_session": "beginner_second_session",
    "ill": "illness",
    "injured": "injury",
}


def run_set(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import training

    fields = {}
    for option, name in _FIELDS.items():
        value = getattr(args, option)
        if value is None:
            continue
        fields[name] = value == "yes" if value in ("yes", "no") else value
    if not fields:
        raise CliError("nothing to set: give at least one option (see `profile set --help`)")
    _check_numbers(fields, ctx)
    try:
        training.save_profile(ctx.db, **fields)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    return run_show(args, ctx)


def _check_numbers(fields: dict, ctx: CliContext) -> None:
    """Bounds for each number, and resting HR below maximum HR (the stored one if not given)."""
    year = ctx.today.year
    for name, option, bounds in (
        ("hr_max", "--hr-max", (100, 240)),
        ("hr_rest", "--hr-rest", (25, 120)),
        ("birth_year", "--birth-year", (year - 100, year - 10)),
        ("usual_weekly_run_minutes", "--usual-weekly-minutes", validate.WEEKLY_RUN_MINUTES),
    ):
        validate.number(fields.get(name), option, bounds)
    if "hr_max" in fields or "hr_rest" in fields:
        from operations import training

        stored = training.load_profile(ctx.db)
        validate.heart_rates(
            fields.get("hr_max", stored.hr_max), fields.get("hr_rest", stored.hr_rest)
        )


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import training

    profile = training.load_profile(ctx.db)
    doc = asdict(profile)
    heart = training.heart_rates(ctx.db, today=ctx.today)
    doc["hr_max_in_use"] = round(heart.hr_max) if heart.hr_max else None
    doc["hr_max_source"] = heart.max_source
    doc["hr_rest_in_use"] = round(heart.hr_rest)
    doc["hr_rest_source"] = heart.rest_source
    doc["hr_max_to_confirm"] = round(heart.suspect_max) if heart.suspect_max else None
    if args.json:
        print_json(doc)
        return 0
    for name, value in doc.items():
        if name.endswith("weekday") and value is not None:
            value = WEEKDAYS[value]
        elif name.endswith("weekdays"):
            value = ",".join(WEEKDAYS[d] for d in value) or "any"
        print(f"{name.replace('_', ' '):<26} {value if value is not None else '-'}")
    return 0
