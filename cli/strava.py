"""`strongstride strava connect|sync|status|disconnect`: Strava from the command line.

Exit codes: 0 done (a sync that fetched everything), 1 a sync that stopped early for a rate
limit or an error (what is left is printed; the next sync continues), 2 a usage or set-up
problem (not connected, denied, no secret).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import threading

from cli.context import CliContext, CliError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "strava",
        help="connect a Strava account and sync its activities",
        description="Connect your Strava account, sync its whole history, show or end the link.",
    )
    p.set_defaults(func=_usage)
    targets = p.add_subparsers(dest="strava_command", metavar="ACTION")
    c = targets.add_parser(
        "connect",
        help="authorize StrongStride on your Strava account (opens the browser)",
        description=_steps_text()
        + "\nThe client secret is read from STRAVA_CLIENT_SECRET, else asked for (hidden).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("--client-id", type=int, metavar="ID", help="your API application's Client ID")
    c.set_defaults(func=run_connect)
    s = targets.add_parser("sync", help="fetch new activities (the first sync: all of them)")
    s.add_argument("--json", action="store_true", help="print the import report as JSON")
    s.set_defaults(func=run_sync)
    st = targets.add_parser("status", help="is Strava connected, and when did it last sync")
    st.add_argument("--json", action="store_true", help="print as JSON")
    st.set_defaults(func=run_status)
    d = targets.add_parser("disconnect", help="deauthorize and delete the keychain entries")
    d.set_defaults(func=run_disconnect)


def _steps_text() -> str:
    from operations.strava_setup import SETUP_STEPS

    return "Set-up, once:\n" + "\n".join(f"  {i}. {step}" for i, step in enumerate(SETUP_STEPS, 1))


def _usage(args: argparse.Namespace, ctx: CliContext) -> int:
    raise CliError("strava: say what to do: connect, sync, status or disconnect")


def run_connect(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import strava

    client_id = args.client_id or strava.status(ctx.db)["client_id"]
    if not client_id:
        raise CliError("strava connect: give --client-id ID\n" + _steps_text())
    secret = os.environ.get("STRAVA_CLIENT_SECRET")
    if not secret:
        if not sys.stdin.isatty():
            raise CliError("strava connect: set STRAVA_CLIENT_SECRET (no terminal to ask in)")
        secret = getpass.getpass("Strava client secret: ").strip()
    if not secret:
        raise CliError("strava connect: no client secret given")

    def show(url: str) -> None:
        print(f"Opening Strava in your browser. If nothing opens, visit:\n  {url}", file=sys.stderr)

    try:
        done = strava.connect(ctx.db, client_id=client_id, client_secret=secret, show_url=show)
    except (strava.ConnectError, strava.KeychainError) as exc:
        raise CliError(f"strava connect: {exc}") from exc
    who = done.athlete_name or f"athlete {done.athlete_id}"
    print(f"Connected to Strava as {who}. Run 'strongstride strava sync' to fetch your runs.")
    if "activity:read_all" not in done.scope.split(","):
        print("Note: private activities were not allowed; only public ones will sync.")
    return 0


def run_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import strava
    from operations.imports import drive

    cancel = threading.Event()
    try:
        job = strava.sync(ctx.db, cancel=cancel)
        show = None if args.json or not sys.stderr.isatty() else _show
        report = drive(job, show)
    except (strava.NotConnected, strava.KeychainError) as exc:
        raise CliError(f"strava sync: {exc}") from exc
    except KeyboardInterrupt:
        cancel.set()
        raise
    if show is not None:
        sys.stderr.write("\n")
    if args.json:
        print_json(report.to_json())
    else:
        print("\n".join(report.summary_lines()))
    return 0 if report.complete and not report.failed else 1


def _show(progress) -> None:  # noqa: ANN001 - a Progress
    sys.stderr.write(f"\r{progress.label[:70]:70}")


def run_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import strava

    info = strava.status(ctx.db)
    if args.json:
        print_json(info)
        return 0
    who = info["athlete_name"] or (f"athlete {info['athlete_id']}" if info["athlete_id"] else "")
    print(f"Strava: {info['status']}{f' ({who})' if who else ''}")
    if info["last_sync_utc"]:
        print(f"Last sync: {info['last_sync_utc']}, {info['activities_synced']} activities synced")
    if info["streams_left"]:
        print(f"Heart rate still to fetch for {info['streams_left']} activities")
    if info["stopped"]:
        print(f"Last sync stopped early: {info['stopped']}")
    if info["keychain_error"]:
        print(info["keychain_error"], file=sys.stderr)
    return 0


def run_disconnect(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import strava

    try:
        note = strava.disconnect(ctx.db)
    except strava.KeychainError as exc:
        raise CliError(f"strava disconnect: {exc}") from exc
    print("Strava disconnected: the keychain entries are deleted; your activities stay.")
    if note:
        print(note, file=sys.stderr)
    return 0
