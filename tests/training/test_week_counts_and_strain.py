"""Past-week counts, strain percentile and compliance through the database and the commands."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from cli import main
from importers.demo import demo_season
from importers.writer import insert_records
from operations import training
from store import Database

TODAY = "2026-11-25"
PAST_WEEK = date(2026, 11, 16)  # the demo's last complete week


def cli(capsys, data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def demo(tmp_path, demo_database) -> Path:
    folder = tmp_path / "demo"
    demo_database(folder, date.fromisoformat(TODAY))
    return folder


def _week(capsys, folder: Path, monday: date) -> dict:
    code, out, _ = cli(capsys, folder, "plan", "--week", monday.isoformat(), "--json")
    assert code == 0
    (week,) = json.loads(out)
    return week


def test_an_extra_session_logged_in_a_past_week_keeps_the_planned_count_and_says_you_did_more(
    capsys, demo
):
    before = _week(capsys, demo, PAST_WEEK)
    done_days = [
        date.fromisoformat(d["date"])
        for d in before["days"]
        if d["strength"] and d["strength"]["status"] == "done"
    ]
    assert before["sessions_done"] == len(done_days) >= 1
    extra = next(
        PAST_WEEK + timedelta(days=k)
        for k in range(7)
        if all(abs((PAST_WEEK + timedelta(days=k) - d).days) >= 2 for d in done_days)
    )
    db = Database.open(demo / "strongstride.sqlite")
    try:
        training.log_session(db, day=extra, status="done", rpe=6, minutes=30)
    finally:
        db.close()
    after = _week(capsys, demo, PAST_WEEK)
    assert after["strength_sessions"] == before["strength_sessions"]
    assert after["reason"] == before["reason"]  # the planner's decision did not change
    assert after["sessions_done"] == before["sessions_done"] + 1
    assert after["done_note"] == f"You did {after['sessions_done']}."
    code, out, _ = cli(capsys, demo, "plan", "--week", PAST_WEEK.isoformat())
    assert code == 0
    lines = out.splitlines()
    n = after["strength_sessions"]
    assert f"{n} strength session{'' if n == 1 else 's'}" in lines[0]
    assert lines[1].strip() == after["reason"]
    assert lines[2].strip() == f"You did {after['sessions_done']}."


def test_a_week_ahead_has_no_done_counts_in_json(capsys, demo):
    ahead = _week(capsys, demo, date(2026, 11, 30))
    assert ahead["sessions_done"] is None and ahead["sessions_skipped"] is None
    assert ahead["done_note"] == ""


def test_load_json_judges_strain_against_the_runners_own_90th_percentile(capsys, demo):
    code, out, _ = cli(capsys, demo, "load", "--weeks", "30", "--json")
    assert code == 0
    weeks = json.loads(out)
    full = [w for w in weeks if w["strain"] is not None]
    last = weeks[-2]  # the last complete week
    window = sorted(w["strain"] for w in weeks[-27:-1] if w["strain"] is not None)
    assert len(window) >= 8 and last["strain_p90"] is not None
    assert window[0] <= last["strain_p90"] <= window[-1]
    above = sum(1 for s in window if s > last["strain_p90"])
    assert above <= round(0.1 * len(window)) + 1  # at most a tenth of the weeks lie above it
    assert all(
        w["strain_high"] is (w["strain"] > w["strain_p90"])
        for w in full
        if w["strain_p90"] is not None
    )
    code, out, _ = cli(capsys, demo, "load", "--weeks", "4")
    assert code == 0 and "strain" in out.splitlines()[0]


def test_skipping_most_sessions_for_four_weeks_keeps_the_next_week_at_one(tmp_path):
    """The demo runner's first 30 weeks (the last ones a break): low volume, no race -> 2."""
    season = demo_season(date(2026, 11, 25))
    monday = date(2026, 11, 23) - timedelta(weeks=52 - 30)
    db = Database.open(tmp_path / "s.sqlite")
    try:
        with db.session() as s:
            insert_records(s, [a for a in season.activities if a.start_utc.date() < monday])
        training.save_profile(db, sex="male", hr_max=190, hr_rest=50, lifted_regularly=True)
        training.recompute_loads(db)
        today = monday + timedelta(days=1)
        (free,) = training.plan_weeks(db, start=monday, weeks=1, today=today)
        assert (free.volume_level.value, free.strength_sessions) == ("low", 2)
        assert free.facts.reason_id == "freq_low_volume"
        for k in range(1, 5):
            for day in (1, 4):
                skipped = monday - timedelta(weeks=k) + timedelta(days=day)
                training.log_session(db, day=skipped, status="skipped")
        (capped,) = training.plan_weeks(db, start=monday, weeks=1, today=today)
        assert capped.strength_sessions == 1
        assert capped.facts.reason_id == "freq_compliance"
        assert capped.reason.startswith(
            "One session: you skipped 8 of the last 8 sessions you logged"
        )
        assert len([d for d in capped.days if d.strength]) == 1
    finally:
        db.close()


def test_the_beginner_second_session_request_is_stored_and_planned(tmp_path, capsys):
    folder = tmp_path / "new"
    folder.mkdir()
    db = Database.open(folder / "strongstride.sqlite")
    monday = date(2026, 11, 23)
    runs = [
        a
        for a in demo_season(monday).activities
        if a.start_utc.date() >= monday - timedelta(weeks=8)
    ]
    with db.session() as s:
        insert_records(s, runs)
    db.close()
    code, out, _ = cli(
        capsys, folder, "profile", "set", "--beginner-second-session", "yes", "--json"
    )
    assert code == 0
    assert json.loads(out)["beginner_second_session"] is True
    week = _week(capsys, folder, monday)
    assert week["strength_sessions"] == 2
    short = [d["strength"] for d in week["days"] if d["strength"]][-1]
    assert all(e["sets"] == 1 for e in short["exercises"])
    code, out, _ = cli(capsys, folder, "profile", "set", "--beginner-second-session", "no")
    assert _week(capsys, folder, monday)["strength_sessions"] == 1
