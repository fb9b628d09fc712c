"""`strongstride plan --pdf/--ics` and `strongstride workout`, run as real commands headless."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import fitdecode
import pytest
from icalendar import Calendar
from pypdf import PdfReader

from tests.cli.process import run_cli as run_process

TODAY = "2026-11-26"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_process(*args, display=False)  # the command must find its way without a display


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_database):
    data = tmp_path_factory.mktemp("demo")
    demo_database(data, date.fromisoformat(TODAY))
    return data


def cli(demo_dir, *args):
    return run_cli("--data-dir", str(demo_dir), "--today", TODAY, *args)


def session_days(demo_dir) -> list[str]:
    done = cli(demo_dir, "plan", "--weeks", "2", "--json")
    assert done.returncode == 0, done.stderr
    return [
        day["date"] if "date" in day else day["day"]
        for week in json.loads(done.stdout)
        for day in week["days"]
        if day.get("strength")
    ]


def test_plan_pdf_gives_a_one_page_week_without_a_display(demo_dir, tmp_path):
    done = cli(demo_dir, "plan", "--pdf", str(tmp_path / "week.pdf"))
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(tmp_path / "week.pdf").pages) == 1
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "week.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "23–29 Nov 2026" in text


def test_plan_weeks_gives_one_page_per_week_on_letter_paper(demo_dir, tmp_path):
    out = tmp_path / "weeks.pdf"
    done = cli(demo_dir, "plan", "--weeks", "4", "--pdf", str(out), "--page-size", "Letter")
    assert done.returncode == 0, done.stderr
    pages = PdfReader(out).pages
    assert len(pages) == 4
    assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == (612.0, 792.0)


def test_plan_ics_has_one_event_per_planned_session(demo_dir, tmp_path):
    out = tmp_path / "plan.ics"
    done = cli(demo_dir, "plan", "--weeks", "2", "--ics", str(out), "--tz", "Europe/Berlin")
    assert done.returncode == 0, done.stderr
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert len(events) == len(session_days(demo_dir)) > 0
    assert all(str(e.decoded("dtstart").tzinfo) == "Europe/Berlin" for e in events)


def test_pdf_into_a_missing_folder_is_a_one_line_error(demo_dir, tmp_path):
    done = cli(demo_dir, "plan", "--pdf", str(tmp_path / "no" / "week.pdf"))
    assert done.returncode == 2
    assert done.stderr.strip().startswith("strongstride: --pdf:")
    assert "Traceback" not in done.stderr


def test_workout_writes_a_fit_file_into_the_watch(demo_dir, tmp_path):
    day = session_days(demo_dir)[0]
    (tmp_path / "GARMIN").mkdir()
    done = cli(demo_dir, "workout", "--date", day, "--watch", str(tmp_path), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    names = []
    with fitdecode.FitReader(report["path"]) as reader:
        for frame in reader:
            is_step = isinstance(frame, fitdecode.FitDataMessage) and frame.name == "workout_step"
            if is_step and frame.get_value("intensity") == "active":
                names.append(frame.get_value("wkt_step_name"))
    assert report["path"].startswith(str(tmp_path / "GARMIN" / "NewFiles"))
    assert set(names) == set(report["exercises"])


def test_workout_on_a_day_without_a_session_exits_one(demo_dir, tmp_path):
    days = set(session_days(demo_dir))
    free = next(f"2026-11-{d}" for d in range(23, 30) if f"2026-11-{d}" not in days)
    done = cli(demo_dir, "workout", "--date", free, "--out", str(tmp_path))
    assert done.returncode == 1
    assert "no strength session is planned" in done.stderr


def test_workout_finds_the_one_plugged_in_watch_by_itself(demo_dir, tmp_path, monkeypatch):
    from cli import main
    from importers import watch
    from importers.devices.mass_storage import DriveAdapter

    mount = tmp_path / "FR255"
    (mount / "GARMIN" / "Activity").mkdir(parents=True)
    drives = DriveAdapter([tmp_path / "empty", mount])
    monkeypatch.setattr(watch, "default_adapters", lambda: [drives])
    day = session_days(demo_dir)[0]
    argv = ["--data-dir", str(demo_dir), "--today", TODAY, "workout", "--date", day, "--watch"]
    assert main(argv) == 0
    written = list((mount / "GARMIN" / "NewFiles").glob("*.fit"))
    assert len(written) == 1


def test_workout_without_a_watch_says_how_to_plug_it_in(demo_dir, monkeypatch, capsys):
    from cli import main
    from importers import watch
    from importers.devices.mass_storage import DriveAdapter

    monkeypatch.setattr(watch, "default_adapters", lambda: [DriveAdapter([])])
    day = session_days(demo_dir)[0]
    argv = ["--data-dir", str(demo_dir), "--today", TODAY, "workout", "--date", day, "--watch"]
    assert main(argv) == 1
    assert "No watch found" in capsys.readouterr().err
