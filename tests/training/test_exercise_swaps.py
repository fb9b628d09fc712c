"""Exercise swaps kept per session on a real database: re-plans, reopening, `plan --json`."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest

from cli import main
from operations import training
from operations.paths import DATABASE_FILE
from planner.model import StrengthSession
from store import Database

TODAY = date(2026, 11, 25)


@pytest.fixture
def data_dir(tmp_path, demo_database):
    demo_database(tmp_path, TODAY)
    return tmp_path


def _sessions(db: Database) -> list[StrengthSession]:
    weeks = training.plan_weeks(db, start=TODAY, weeks=4, today=TODAY)
    return [d.strength for w in weeks for d in w.days if d.strength is not None]


def _squat_session(db: Database) -> StrengthSession:
    return next(s for s in _sessions(db) if any(e.id == "back_squat" for e in s.exercises))


def test_a_swap_survives_reopening_the_database_and_shows_in_plan_json(data_dir, capsys):
    db = Database.open(data_dir / DATABASE_FILE)
    session = _squat_session(db)
    planned = next(e for e in session.exercises if e.id == "back_squat")
    training.swap_exercise(
        db, session_key=session.key, exercise_id="back_squat", substitute_id="goblet_squat"
    )
    db.close()

    db = Database.open(data_dir / DATABASE_FILE)
    by_key = {s.key: s for s in _sessions(db)}
    swapped = by_key[session.key]
    goblet = next(e for e in swapped.exercises if e.id == "goblet_squat")
    assert goblet.name == "Goblet squat" and goblet.swapped_from == "back_squat"
    assert (goblet.sets, goblet.reps, goblet.load_hint, goblet.rest_s) == (
        planned.sets,
        planned.reps,
        planned.load_hint,
        planned.rest_s,
    )
    assert all(e.id != "back_squat" for e in swapped.exercises)
    others = [s for k, s in by_key.items() if k != session.key]
    assert any(e.id == "back_squat" for s in others for e in s.exercises)  # that session only
    db.close()

    code = main(["--data-dir", str(data_dir), "--today", TODAY.isoformat(), "plan", "--json"])
    weeks = json.loads(capsys.readouterr().out)
    shown = {
        d["strength"]["key"]: [e["id"] for e in d["strength"]["exercises"]]
        for w in weeks
        for d in w["days"]
        if d.get("strength")
    }
    assert code == 0 and "goblet_squat" in shown[session.key]
    assert "back_squat" not in shown[session.key]

    db = Database.open(data_dir / DATABASE_FILE)
    training.swap_exercise(
        db, session_key=session.key, exercise_id="back_squat", substitute_id=None
    )
    assert any(e.id == "back_squat" for e in _squat_session_by_key(db, session.key).exercises)
    db.close()


def _squat_session_by_key(db: Database, key: str) -> StrengthSession:
    return next(s for s in _sessions(db) if s.key == key)


def test_a_substitute_the_library_does_not_list_for_that_exercise_is_refused(data_dir):
    db = Database.open(data_dir / DATABASE_FILE)
    session = _squat_session(db)
    with pytest.raises(ValueError, match="not a substitute"):
        training.swap_exercise(
            db, session_key=session.key, exercise_id="back_squat", substitute_id="plank"
        )
    with pytest.raises(ValueError, match="no exercise"):
        training.swap_exercise(
            db, session_key=session.key, exercise_id="no_such_lift", substitute_id="plank"
        )
    assert any(e.id == "back_squat" for e in _squat_session_by_key(db, session.key).exercises)
    db.close()


def test_the_swap_command_keeps_a_substitute_and_resets_it(data_dir, capsys):
    db = Database.open(data_dir / DATABASE_FILE)
    session = _squat_session(db)
    db.close()
    base = ["--data-dir", str(data_dir), "--today", TODAY.isoformat(), "swap"]
    day = ["--date", session.day.isoformat(), "--exercise", "back_squat"]
    assert main([*base, *day, "--to", "goblet_squat", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["session_key"] == session.key
    assert "goblet_squat" in [e["id"] for e in doc["exercises"]]
    assert main([*base, *day, "--to", "plank"]) == 2
    assert "not a substitute" in capsys.readouterr().err
    assert main([*base, *day, "--reset", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert "back_squat" in [e["id"] for e in doc["exercises"]]


def test_the_printed_sheet_and_the_calendar_file_show_the_substitute(
    data_dir, tmp_path, capsys, qapp
):
    # The PDF is drawn in this process: with pytest-qt's QApplication in place first, the
    # renderer reuses it instead of leaving a bare QGuiApplication behind, under which a later
    # test's widgets could not be made (Qt aborts).
    db = Database.open(data_dir / DATABASE_FILE)
    session = _squat_session(db)
    db.close()
    base = ["--data-dir", str(data_dir), "--today", TODAY.isoformat()]
    week = ["plan", "--week", session.day.isoformat()]

    def exported(name: str) -> tuple[str, str]:
        pdf, ics = tmp_path / f"{name}.pdf", tmp_path / f"{name}.ics"
        assert main([*base, *week, "--pdf", str(pdf), "--ics", str(ics)]) == 0
        capsys.readouterr()
        sheet = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        return sheet, ics.read_text(encoding="utf-8")

    sheet, ics = exported("planned")
    assert "Goblet squat" not in sheet and "Goblet squat" not in ics
    swap = ["swap", "--date", session.day.isoformat(), "--exercise", "back_squat"]
    assert main([*base, *swap, "--to", "goblet_squat"]) == 0
    sheet, ics = exported("swapped")
    assert "Goblet squat" in sheet and "Goblet squat" in ics
