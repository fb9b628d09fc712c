"""The import report in a runner's words, and heart rates checked before they are offered."""

from __future__ import annotations

from importers.records import ProfileSuggestion
from importers.report import FileProblem, ImportReport
from operations.import_words import heart_rate_offer, plain_sections


def test_a_report_reads_as_could_not_read_damaged_not_activities_already_in_and_imported():
    report = ImportReport(
        imported=["/runs/a.fit", "/runs/cut.fit"],
        failed=[FileProblem("/runs/empty.fit", "empty file (0 bytes)")],
        skipped=[FileProblem("/w/settings.fit", "not an activity (settings file)")],
        duplicates=[
            FileProblem("/runs/copy.fit", "running of 2024-05-01 07:10 UTC is already imported"),
            FileProblem("/runs/bad.fit", "running of 2024-05-01 07:10 UTC is already imported"),
        ],
        warnings=[
            FileProblem(
                "/runs/bad.fit",
                "read with the tolerant decoder (checksum mismatch, found 1 calculated 2)",
            )
        ],
        partial=["/runs/cut.fit"],
    )
    sections = {s.title: s.lines for s in plain_sections(report)}
    assert list(sections) == [
        "Could not read",
        "Damaged, partly read",
        "Not activities",
        "Already imported",
        "Imported",
    ]
    assert sections["Could not read"] == ("empty.fit: the file is empty",)
    assert sections["Damaged, partly read"] == (
        "bad.fit: a damaged copy of a run already imported; nothing new in it",
        "cut.fit: the file is damaged part-way: everything before the damage was read",
    )
    assert sections["Not activities"] == ("settings.fit: the watch's settings",)
    assert sections["Already imported"] == (
        "copy.fit: the running of 2024-05-01 07:10 (UTC) is already in, from another file",
    )


def test_the_watchs_heart_rates_are_named_on_the_button_and_impossible_ones_flagged():
    text, warning = heart_rate_offer(ProfileSuggestion(source="watch", hr_max=191, hr_rest=48))
    assert (text, warning) == ("Use the watch's heart rates: max 191, resting 48", "")
    _, warning = heart_rate_offer(ProfileSuggestion(source="watch", hr_max=180, threshold_hr=185))
    assert "threshold heart rate (185) is not below its maximum (180)" in warning
    assert heart_rate_offer(None) == ("", "")
