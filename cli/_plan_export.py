"""The `plan` command's outputs besides the screen: `--pdf`, `--page-size`, `--ics`, `--tz`.

The plan command adds these options with `add_export_options(parser)` and, once it has the
weeks to print (`operations.export.plan.weeks_to_print`, which also plans the two weeks the
PDF footer shows), calls `write_exports(args, printable, today=...)`. Kept apart from plan.py
(the leading underscore keeps it out of command discovery) so printing and calendar options
live with their owner.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.context import CliError

if TYPE_CHECKING:
    from operations.export.plan import PrintWeeks
    from planner.model import WeekPlan


def add_export_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("print and calendar")
    group.add_argument("--pdf", metavar="FILE", help="write the weeks as a PDF, one page per week")
    group.add_argument(
        "--page-size",
        choices=["A4", "Letter"],
        default="A4",
        type=lambda s: {"a4": "A4", "letter": "Letter"}.get(s.lower(), s),
        help="paper for --pdf (default A4)",
    )
    group.add_argument(
        "--ics", metavar="FILE", help="write the strength sessions as an iCalendar file"
    )
    group.add_argument(
        "--tz",
        metavar="ZONE",
        help="timezone for --ics, e.g. Europe/Berlin, or floating (default: this computer's)",
    )
    group.add_argument(
        "--checklists",
        action="store_true",
        help="with --ics: add the daily mobility checklist as all-day reminders",
    )


def wants_export(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "pdf", None) or getattr(args, "ics", None))


def write_exports(
    args: argparse.Namespace, printable: PrintWeeks, *, today: date
) -> dict[str, Any]:
    """Write whatever --pdf/--ics asked for; returns {"pdf": path, "ics": path} as written."""
    written: dict[str, Any] = {}
    if not printable.weeks or not wants_export(args):
        return written
    if args.pdf:
        written["pdf"] = str(_write_pdf(args, printable, today))
    if args.ics:
        written["ics"] = str(_write_ics(args, printable.weeks))
    return written


def _write_pdf(args: argparse.Namespace, printable: PrintWeeks, today: date) -> Path:
    from desktop.printing.pdf import PrintError, export_pdf

    try:
        return export_pdf(
            printable.weeks,
            Path(args.pdf),
            units=printable.units,
            page_size=args.page_size,
            next_weeks=printable.next_weeks,
            today=today,
        )
    except PrintError as exc:
        raise CliError(f"--pdf: {exc}") from exc


def _write_ics(args, weeks: list[WeekPlan]) -> Path:
    from operations.export.calendar import CalendarExportError, export_ics

    try:
        return export_ics(
            weeks,
            Path(args.ics),
            tz_name=args.tz,
            checklist_reminders=args.checklists,
        )
    except CalendarExportError as exc:
        raise CliError(f"--ics: {exc}") from exc
