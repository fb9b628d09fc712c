"""An import report in a runner's words: what was imported, what is not an activity, what was
damaged and partly read, and what could not be read, each file with a reason that needs no
knowledge of FIT decoders. The heart rates a watch reported are checked for combinations that
cannot be right before they are offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from importers.records import ProfileSuggestion
from importers.report import ImportReport

FILE_TYPES = {
    "monitoring_b": "daily steps and heart rate from the watch",
    "monitoring": "daily steps and heart rate from the watch",
    "settings": "the watch's settings",
    "workout": "a planned workout, not a recorded one",
    "course": "a course or route",
    "device": "information about the watch",
    "sport": "the watch's sport profile",
    "zones": "heart-rate zones",
    "totals": "the watch's lifetime totals",
}


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]  # "file: reason"


def _name(path: str) -> str:
    return Path(path.split("::")[-1]).name


def not_an_activity(reason: str) -> str:
    """'not an activity (monitoring_b file)' -> 'daily steps and heart rate from the watch'."""
    m = re.match(r"not an activity \((\w+) file\)", reason)
    if m:
        return FILE_TYPES.get(m[1], f"{m[1].replace('_', ' ')} data, not an activity")
    return reason


def could_not_read(reason: str) -> str:
    if reason.startswith("empty file"):
        return "the file is empty"
    if reason.startswith("not a FIT file") or reason.startswith("not a FIT, FIT.GZ"):
        return "not an activity file (not FIT, FIT.GZ or ZIP)"
    return reason


def damage(warnings: list[str]) -> str:
    """What went wrong inside a damaged file, in a few words."""
    text = " ".join(warnings)
    if "checksum" in text:
        return "the file's check digits do not match: damaged, but everything in it was read"
    return "the file is damaged part-way: everything before the damage was read"


def plain_sections(report: ImportReport) -> list[Section]:
    """The report by kind, most important first; empty kinds are left out."""
    damaged: dict[str, list[str]] = {}
    for w in report.warnings:
        if "tolerant decoder" in w.reason or "stopped early" in w.reason:
            damaged.setdefault(_name(w.path), []).append(w.reason)
    partial = {_name(p) for p in report.partial}
    sections = [
        Section(
            "Could not read",
            tuple(f"{_name(p.path)}: {could_not_read(p.reason)}" for p in report.failed),
        ),
        Section(
            "Could not read before, unchanged since: not read again",
            tuple(f"{_name(p.path)}: {could_not_read(p.reason)}" for p in report.failed_before),
        ),
        Section("Damaged, partly read", _damaged_lines(report, damaged, partial)),
        Section(
            "Impossible values left out",
            tuple(f"{_name(p.path)}: {p.reason}" for p in report.implausible),
        ),
        Section(
            "Not activities",
            tuple(f"{_name(p.path)}: {not_an_activity(p.reason)}" for p in report.skipped),
        ),
        Section(
            "Already imported",
            tuple(
                f"{_name(p.path)}: {_already(p.reason)}"
                for p in report.duplicates + report.moved
                if _name(p.path) not in damaged
            ),
        ),
        Section("Imported", tuple(_name(p) for p in report.imported)),
    ]
    return [s for s in sections if s.lines]


def _damaged_lines(
    report: ImportReport, damaged: dict[str, list[str]], partial: set[str]
) -> tuple[str, ...]:
    copies = {_name(p.path) for p in report.duplicates}
    lines = []
    for name in sorted(set(damaged) | partial):
        why = damage(damaged.get(name, [])) if name in damaged else damage(["stopped early"])
        if name in copies:
            why = "a damaged copy of a run already imported; nothing new in it"
        lines.append(f"{name}: {why}")
    return tuple(lines)


def _already(reason: str) -> str:
    m = re.match(r"(\w+) of (\d{4}-\d\d-\d\d \d\d:\d\d) UTC is already imported", reason)
    if m:
        return f"the {m[1]} of {m[2]} (UTC) is already in, from another file"
    return reason.replace("same content as", "the same file as")


def heart_rate_offer(p: ProfileSuggestion | None) -> tuple[str, str]:
    """The button's text ('Use the watch's heart rates: max 191, resting 48') and a warning
    when the values cannot all be right (empty when they can)."""
    if p is None or not (p.hr_max or p.hr_rest):
        return "", ""
    bits = [f"max {p.hr_max}" if p.hr_max else "", f"resting {p.hr_rest}" if p.hr_rest else ""]
    text = "Use the watch's heart rates: " + ", ".join(b for b in bits if b)
    problems = []
    if p.hr_max and p.threshold_hr and p.threshold_hr >= p.hr_max:
        problems.append(
            f"its threshold heart rate ({p.threshold_hr}) is not below its maximum ({p.hr_max})"
        )
    if p.hr_max and p.hr_rest and p.hr_rest >= p.hr_max:
        problems.append(f"its resting heart rate ({p.hr_rest}) is not below its maximum")
    if p.hr_max and not 120 <= p.hr_max <= 230:
        problems.append(f"a maximum of {p.hr_max} is outside what hearts do (120-230)")
    warning = ""
    if problems:
        warning = "Check the watch's settings first: " + "; ".join(problems) + "."
    return text, warning
