"""`strongstride import`, `sync watch` and `activities`: bring runs in, list what is there.

Exit codes: 0 when every file was imported or skipped for a reason, 1 when any file failed
(the others are still imported), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys
import threading
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from cli import validate
from cli.context import CliContext, CliError, print_json, write_csv
from operations.paths import database_path

ACTIVITY_FIELDS = (
    "id",
    "source",
    "sport",
    "sub_sport",
    "start",
    "utc_offset_s",
    "timer_s",
    "elapsed_s",
    "distance_m",
    "ascent_m",
    "avg_hr",
    "max_hr",
    "device",
    "partial",
    "load",
    "load_method",
)

if TYPE_CHECKING:
    from importers.report import ImportReport


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import FIT, GPX or TCX files, folders, or Garmin Connect / Strava export zips",
        description=(
            "Import activities from FIT files (.fit, .fit.gz), GPX and TCX files (also .gz), "
            "folders (searched recursively) and zip archives such as Garmin Connect's data "
            "export or Strava's bulk export. Files imported before are recognised and skipped, "
            "also when moved."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or zip")
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    p.set_defaults(func=run_import)

    sync = _sync_parser(sub)
    w = sync.add_parser(
        "watch",
        help="copy new activities from a watch plugged in by USB, then import them",
        description=(
            "Find a watch plugged in by USB, as a drive or over MTP, copy its new FIT files "
            "into the data folder, then import them."
        ),
    )
    w.add_argument("--path", metavar="MOUNT", help="the watch's root folder, if not found")
    w.add_argument("--json", action="store_true", help="print the import report as JSON")
    w.set_defaults(func=run_sync_watch)

    a = sub.add_parser("activities", help="list imported activities")
    a.add_argument("--since", metavar="DATE", help="only activities from DATE (YYYY-MM-DD)")
    a.add_argument("--json", action="store_true", help="print as JSON")
    a.add_argument("--csv", metavar="FILE", help="also write the list to a CSV file")
    a.set_defaults(func=run_activities)


def _sync_parser(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The `sync` command's targets; shared with other modules that add a sync target."""
    parser = sub.choices.get("sync")
    if parser is None:
        parser = sub.add_parser("sync", help="fetch new activities from a watch or a service")
        parser.set_defaults(func=_sync_usage, sync_parser=parser)
    targets = getattr(parser, "sync_targets", None)
    if targets is None:
        targets = parser.add_subparsers(dest="sync_target", metavar="TARGET")
        parser.sync_targets = targets
    return targets


def _sync_usage(args: argparse.Namespace, ctx: CliContext) -> int:
    raise CliError("sync: say what to sync from, e.g. 'strongstride sync watch'")


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import imports

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing and len(missing) == len(args.paths):
        raise CliError(f"import: no such file or folder: {', '.join(missing)}")
    # The import runners repeat most finds nothing new: answered without opening the database
    # for writing (no daily backup either: nothing changes).
    report = imports.resync_report(database=database_path(ctx.data_dir), paths=args.paths)
    if report is not None:
        return _finish(report, args.json)
    job = imports.import_paths(ctx.db, paths=args.paths, cancel=threading.Event())
    report = _drive(job, args.json)
    return _finish(report, args.json, _recorded(ctx, report))


def run_sync_watch(args: argparse.Namespace, ctx: CliContext) -> int:
    from operations import imports

    mount = Path(args.path) if args.path else None
    if mount is not None and not mount.is_dir():
        raise CliError(f"sync watch: {mount} is not a folder")
    from importers.watch import WatchNotFound

    try:
        report = _drive(imports.sync_watch(ctx.db, data_dir=ctx.data_dir, mount=mount), args.json)
    except WatchNotFound as exc:
        raise CliError(f"sync watch: {exc}") from exc
    return _finish(report, args.json, _recorded(ctx, report))


def _recorded(ctx: CliContext, report: ImportReport) -> list:
    """Strength the watch recorded on a planned day logs that session (see the window's)."""
    if not report.activity_ids:  # a re-sync that found nothing new loads no planner
        return []
    from operations.recorded_sessions import log_recorded_sessions

    return log_recorded_sessions(ctx.db, activity_ids=report.activity_ids, today=ctx.today)


def _drive(job, quiet: bool) -> ImportReport:
    from operations import imports

    if quiet or not sys.stderr.isatty():
        return imports.drive(job)

    def show(progress) -> None:
        if progress.total:
            sys.stderr.write(f"\r{progress.done}/{progress.total} {progress.label[:50]:50}")

    report = imports.drive(job, show)
    sys.stderr.write("\n")
    return report


def _finish(report: ImportReport, as_json: bool, logged: list | None = None) -> int:
    logged = logged or []
    if as_json:
        out = report.to_json()
        out["sessions_logged"] = [
            {"date": r.day, "title": r.title, "sets": r.sets, "sets_recorded": r.recorded}
            for r in logged
        ]
        print_json(out)
    else:
        print("\n".join(report.summary_lines()))
        for r in logged:
            print(
                f"Logged {r.day:%a %d %b} {r.title}: done, from the watch "
                f"({r.sets} of {r.recorded} sets matched the plan)"
            )
        if report.load_error:
            print(f"Training loads were not updated: {report.load_error}", file=sys.stderr)
    return 1 if report.failed else 0


def run_activities(args: argparse.Namespace, ctx: CliContext) -> int:
    since = None
    if args.since:
        since = datetime.combine(validate.day(args.since, "--since", today=ctx.today), time())
    from operations.activities import activity_list

    rows = [_public(r) for r in activity_list(ctx.db, since=since)]
    if args.csv:
        write_csv(args.csv, ACTIVITY_FIELDS, rows)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        dist = f"{r['distance_m'] / 1000:7.2f} km" if r["distance_m"] else "         -"
        hr = f"{r['avg_hr']:.0f} bpm" if r["avg_hr"] else "-"
        mins = r["timer_s"] / 60
        flag = " (partial)" if r["partial"] else ""
        print(f"{r['id']:5} {r['start']} {r['sport']:<10} {mins:6.1f} min {dist} {hr}{flag}")
    if not rows:
        print("No activities yet. Import some with 'strongstride import FOLDER'.")
    return 0


def _public(row: dict) -> dict:
    out = {k: row.get(k) for k in ACTIVITY_FIELDS if k != "start"}
    out["start"] = row["start_utc"].strftime("%Y-%m-%dT%H:%M:%SZ")
    return {k: out[k] for k in ACTIVITY_FIELDS}
