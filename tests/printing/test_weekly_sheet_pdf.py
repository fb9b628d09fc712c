"""The printed weekly sheet, read back from real PDFs with pypdf and poppler."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from desktop.printing import PrintError, export_pdf, paint_weeks
from operations.wording import week_dates
from tests.printing import plans


def pdf_text(path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def flat(text: str) -> str:
    """Text with all runs of whitespace collapsed, so wrapped phrases can be searched."""
    return re.sub(r"\s+", " ", text)


def page_sizes(path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def test_each_week_prints_on_exactly_one_page(qapp, tmp_path):
    weeks = [plans.normal_week(), plans.full_week(), plans.race_week()]
    out = export_pdf(weeks, tmp_path / "plan.pdf")
    assert len(PdfReader(out).pages) == 3


def test_sheet_shows_dates_reason_every_exercise_and_checklist_item(qapp, tmp_path):
    week = plans.normal_week()
    out = export_pdf([week], tmp_path / "week.pdf", today=date(2026, 11, 26))
    text = pdf_text(out)
    assert "23–29 Nov 2026" in text
    assert "Week 48" in text
    assert flat(week.reason) in flat(text)
    for day in week.days:
        assert f"{day.day:%a}" in text
        if day.strength:
            for ex in day.strength.exercises:
                assert ex.name in text
                assert ex.cue.split(";")[0] in text
        for item in day.checklist:
            assert item.label in text
    assert "BASE" in text
    assert "17.2 km (1 h 33) so far of 52.0 km planned" in text
    assert "Done: Run 11.2 km" in text


def test_week_with_three_full_sessions_still_fits_one_page(qapp, tmp_path):
    week = plans.full_week()
    out = export_pdf([week], tmp_path / "full.pdf")
    assert len(PdfReader(out).pages) == 1
    text = flat(pdf_text(out))
    assert text.count("Strength A") >= 2 and "Strength B" in text
    for word in plans.LONG_NAMES[0].name.split(" "):
        assert word in text  # the long name wraps onto two lines but nothing is lost


def test_race_week_shows_the_race_and_fits_one_page(qapp, tmp_path):
    out = export_pdf([plans.race_week()], tmp_path / "race.pdf")
    assert len(PdfReader(out).pages) == 1
    text = pdf_text(out)
    assert "RACE Valencia Marathon · 42.2 km · priority A" in flat(text)
    assert "Race week" in text or "RACE WEEK" in text


def test_absurdly_full_week_shrinks_to_one_page_without_losing_text(qapp, tmp_path):
    base = plans.full_week()
    many = plans.SESSION_A + plans.SESSION_B + plans.LONG_NAMES + plans.SESSION_A
    days = tuple(
        replace(
            d,
            strength=plans.session(d.day, i + 1, "A", many),
            checklist=d.checklist + plans.checklist("strength") + plans.checklist("rest"),
        )
        for i, d in enumerate(base.days)
    )
    out = export_pdf([replace(base, days=days)], tmp_path / "huge.pdf")
    assert len(PdfReader(out).pages) == 1
    text = pdf_text(out)
    assert text.count("Suitcase carry") == 7


def test_letter_paper_is_us_letter_portrait(qapp, tmp_path):
    out = export_pdf([plans.full_week()], tmp_path / "letter.pdf", page_size="Letter")
    assert page_sizes(out) == [(612.0, 792.0)]
    a4 = export_pdf([plans.full_week()], tmp_path / "a4.pdf", page_size="A4")
    width, height = page_sizes(a4)[0]
    assert (round(width), round(height)) == (595, 842)


def test_unknown_page_size_is_refused(qapp, tmp_path):
    with pytest.raises(PrintError, match="A3"):
        export_pdf([plans.normal_week()], tmp_path / "x.pdf", page_size="A3")


def test_miles_are_printed_when_the_runner_uses_miles(qapp, tmp_path):
    out = export_pdf([plans.normal_week()], tmp_path / "mi.pdf", units="mi")
    text = pdf_text(out)
    assert "10.7 mi (1 h 33) so far of 32.3 mi planned" in text
    assert " km" not in text


def test_footer_shows_the_next_two_weeks(qapp, tmp_path):
    first = plans.normal_week(date(2026, 11, 23))
    later = [plans.full_week(date(2026, 11, 30)), plans.race_week(date(2026, 12, 7))]
    out = export_pdf([first], tmp_path / "f.pdf", next_weeks=later)
    text = flat(pdf_text(out))
    assert "NEXT TWO WEEKS AT A GLANCE" in text
    assert week_dates(date(2026, 11, 30)) in text
    assert "race Sun: Valencia Marathon" in text


def test_several_weeks_give_one_page_each_in_order(qapp, tmp_path):
    weeks = plans.season(date(2026, 1, 5), 5)
    out = export_pdf(weeks, tmp_path / "five.pdf")
    assert len(PdfReader(out).pages) == 5
    for page, week in enumerate(weeks, start=1):
        assert week_dates(week.week_start) in pdf_text(out, page)


def test_rendered_page_is_a_readable_picture_not_a_blank_page(qapp, tmp_path):
    out = export_pdf([plans.normal_week()], tmp_path / "p.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-singlefile", str(out), str(tmp_path / "p")], check=True
    )
    image = QImage(str(tmp_path / "p.png"))
    assert not image.isNull()
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    share = dark / ((image.height() // 2) * (image.width() // 2))
    assert 0.01 < share < 0.3  # ink on paper, not blank and not a black page


def test_weeks_paint_onto_a_printer_for_the_print_preview(qapp, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    scales = paint_weeks(printer, [plans.normal_week(), plans.race_week()])
    assert len(scales) == 2
    assert len(PdfReader(tmp_path / "printer.pdf").pages) == 2


def test_empty_week_list_is_refused(qapp, tmp_path):
    with pytest.raises(PrintError):
        export_pdf([], tmp_path / "none.pdf")


def test_missing_folder_is_reported(qapp, tmp_path):
    with pytest.raises(PrintError, match="does not exist"):
        export_pdf([plans.normal_week()], tmp_path / "nope" / "x.pdf")


def test_week_after_new_year_prints_both_years(qapp, tmp_path):
    week = plans.normal_week(date(2026, 12, 28))
    out = export_pdf([week], tmp_path / "ny.pdf")
    assert "28 Dec 2026 – 3 Jan 2027" in pdf_text(out)
    assert week.week_start + timedelta(days=6) == date(2027, 1, 3)


def test_long_export_reports_progress_per_week(qapp, tmp_path):
    from desktop.printing import export_pdf_job

    weeks = plans.season(date(2026, 1, 5), 4)
    steps = list(export_pdf_job(weeks, tmp_path / "p.pdf"))
    assert [(p.done, p.total) for p in steps] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert len(PdfReader(tmp_path / "p.pdf").pages) == 4


def test_cancelled_export_leaves_no_half_written_file(qapp, tmp_path):
    import threading

    from desktop.printing import export_pdf_job
    from importers.progress import Cancelled

    cancel = threading.Event()
    job = export_pdf_job(plans.season(date(2026, 1, 5), 6), tmp_path / "c.pdf", cancel=cancel)
    with pytest.raises(Cancelled):
        for progress in job:
            if progress.done == 2:
                cancel.set()
    assert not (tmp_path / "c.pdf").exists()


def test_the_sheet_shows_last_times_sets_beside_the_load_in_the_runners_units(qapp, tmp_path):
    week = plans.normal_week()
    day = next(d for d in week.days if d.strength)
    first = replace(day.strength.exercises[0], last=((60.0, 6), (60.0, 5)), seconds=None)
    session = replace(day.strength, exercises=(first, *day.strength.exercises[1:]))
    days = tuple(replace(d, strength=session) if d is day else d for d in week.days)
    text = flat(pdf_text(export_pdf([replace(week, days=days)], tmp_path / "kg.pdf")))
    # the load column wraps: "RPE 7–8; last time" / "60 kg × 6, 5" on the next line
    assert "; last time" in text and "60 kg × 6, 5" in text
    miles = export_pdf([replace(week, days=days)], tmp_path / "lb.pdf", units="mi")
    assert "132.5 lb × 6, 5" in flat(pdf_text(miles))  # 60 kg to the half pound
