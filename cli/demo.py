"""`strongstride demo`: fill a data folder with the synthetic season, then open the window."""

from __future__ import annotations

import argparse

from cli.context import CliContext, CliError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="try the app on a synthetic season (kept apart from your real data)",
        description=(
            "Fill a demo data folder with about twelve months of synthetic running, races and "
            "strength sessions, then open the window on it. Uses --data-dir when given, "
            "otherwise a separate demo folder; your real data is never touched."
        ),
    )
    p.add_argument("--no-window", action="store_true", help="fill the data and exit")
    p.add_argument("--json", action="store_true", help="print what was filled as JSON")
    p.set_defaults(func=run, demo_dir=True)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations.demo import NotADemoFolder, fill_demo

    try:
        summary = fill_demo(ctx.db, today=ctx.today)
    except NotADemoFolder as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json({"data_dir": str(ctx.data_dir), **summary})
    else:
        print(
            f"Demo season in {ctx.data_dir}: {summary['activities']} activities, "
            f"{summary['races']} races, {summary['strength_logs']} strength sessions logged."
        )
    if args.no_window:
        return 0
    data_dir, today = ctx.data_dir, ctx.today_override
    ctx.close()
    try:
        from desktop.app import run_app
    except ImportError as exc:  # pragma: no cover - broken Qt install
        raise CliError(f"cannot open the window ({exc}); use --no-window") from exc
    return run_app(data_dir, today=today)
