"""What an import did, file by file: the report the command line and the window show."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from statistics import median
from typing import Any

from importers.records import RESTING_DAYS, ProfileSuggestion

GROUP_OVER = 5  # more files than this with one reason are summarised in one line


def _problem_lines(title: str, items: list[FileProblem]) -> list[str]:
    by_reason: dict[str, list[str]] = {}
    for p in items:
        by_reason.setdefault(p.reason, []).append(p.path)
    lines = []
    for reason, paths in by_reason.items():
        if len(paths) > GROUP_OVER and title != "FAILED":
            lines.append(f"{title}: {len(paths)} files: {reason} (e.g. {paths[0]})")
        else:
            lines += [f"{title}: {path}: {reason}" for path in paths]
    return lines


@dataclass(frozen=True)
class FileProblem:
    path: str
    reason: str


@dataclass
class ImportReport:
    """Counts and reasons. `failed` makes the command exit 1; everything else is fine."""

    imported: list[str] = field(default_factory=list)  # files that added activities
    activities: int = 0  # activities added
    activity_ids: list[int] = field(default_factory=list)
    duplicates: list[FileProblem] = field(default_factory=list)  # same run known already
    skipped: list[FileProblem] = field(default_factory=list)  # readable, nothing to import
    failed: list[FileProblem] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)  # imported, but cut short
    unchanged: int = 0  # known by path, size and modification time: not read at all
    moved: list[FileProblem] = field(default_factory=list)  # known content at a new path
    # Failed on an earlier run and unchanged since (same path, size and time): not read again.
    failed_before: list[FileProblem] = field(default_factory=list)
    # Imported without implausible parts (records dropped, figures cleared): what was removed.
    implausible: list[FileProblem] = field(default_factory=list)
    warnings: list[FileProblem] = field(default_factory=list)
    superseded: list[int] = field(default_factory=list)  # activity ids replaced by better copies
    profile: ProfileSuggestion | None = None
    cancelled: bool = False
    loads_recomputed: int | None = None  # activities whose load was computed after the import
    load_error: str | None = None  # why loads could not be computed (the import still stands)

    def add_profile(self, new: ProfileSuggestion) -> None:
        """Later files win per field; daily resting values of all files are pooled and the
        resting HR is their median over the last 14 days."""
        old = self.profile
        if old is None:
            self.profile = new
            return
        days = dict(old.resting_hr_by_day)
        days.update(new.resting_hr_by_day)
        daily = tuple(sorted(days.items()))
        rest = new.hr_rest if new.hr_rest is not None else old.hr_rest
        if daily:
            rest = round(median(v for _, v in daily[-RESTING_DAYS:]))
        self.profile = replace(
            new,
            hr_max=new.hr_max if new.hr_max is not None else old.hr_max,
            hr_rest=rest,
            threshold_hr=new.threshold_hr if new.threshold_hr is not None else old.threshold_hr,
            birth_year=new.birth_year if new.birth_year is not None else old.birth_year,
            sex=new.sex if new.sex is not None else old.sex,
            resting_hr_by_day=daily,
        )

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict[str, Any]:
        def problems(items: list[FileProblem]) -> list[dict[str, str]]:
            return [{"path": p.path, "reason": p.reason} for p in items]

        profile = None
        if self.profile is not None:
            p = self.profile
            profile = {
                "hr_max": p.hr_max,
                "hr_rest": p.hr_rest,
                "threshold_hr": p.threshold_hr,
                "birth_year": p.birth_year,
                "sex": p.sex,
                "resting_hr_by_day": [[d.isoformat(), v] for d, v in p.resting_hr_by_day],
            }
        return {
            "imported": len(self.imported),
            "activities_added": self.activities,
            "activity_ids": self.activity_ids,
            "duplicates": problems(self.duplicates),
            "skipped": problems(self.skipped),
            "failed": problems(self.failed),
            "partial": list(self.partial),
            "unchanged": self.unchanged,
            "moved": problems(self.moved),
            "failed_before": problems(self.failed_before),
            "implausible": problems(self.implausible),
            "warnings": problems(self.warnings),
            "profile_suggestion": profile,
            "cancelled": self.cancelled,
            "loads_recomputed": self.loads_recomputed,
            **({"load_error": self.load_error} if self.load_error else {}),
        }

    def summary_lines(self) -> list[str]:
        lines = [
            f"Imported {len(self.imported)} file(s): {self.activities} new activit"
            f"{'y' if self.activities == 1 else 'ies'}.",
        ]
        if self.unchanged:
            lines.append(f"{self.unchanged} file(s) already imported (unchanged).")
        if self.moved:
            lines.append(f"{len(self.moved)} file(s) already imported from another folder.")
        for title, items in (
            ("Duplicate", self.duplicates),
            ("Skipped", self.skipped),
            ("FAILED", self.failed),
        ):
            lines += _problem_lines(title, items)
        for p in self.failed_before:
            lines.append(f"Failed before, unchanged, not read again: {p.path}: {p.reason}")
        for p in self.implausible:
            lines.append(f"Implausible parts left out: {p.path}: {p.reason}")
        for path in self.partial:
            lines.append(f"Partial (file cut short, kept what was complete): {path}")
        if self.profile is not None:
            p = self.profile
            lines.append(
                "The watch suggests: "
                + ", ".join(
                    f"{k} {v}"
                    for k, v in (
                        ("HR max", p.hr_max),
                        ("resting HR", p.hr_rest),
                        ("threshold HR", p.threshold_hr),
                        ("birth year", p.birth_year),
                        ("sex", p.sex),
                    )
                    if v is not None
                )
            )
        if self.cancelled:
            lines.append("Cancelled: files finished before that are stored.")
        return lines
