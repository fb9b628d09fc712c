"""The sheet's phrasing, checked without Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from operations import wording
from planner.model import DayPlan, DayType, ExercisePrescription, WeekFacts
from tests.printing import plans


def test_week_dates_read_naturally_across_months_and_years():
    assert wording.week_dates(date(2026, 11, 23)) == "23–29 Nov 2026"
    assert wording.week_dates(date(2026, 11, 30)) == "30 Nov – 6 Dec 2026"
    assert wording.week_dates(date(2026, 12, 28)) == "28 Dec 2026 – 3 Jan 2027"


def test_doses_show_sets_by_reps_or_hold_with_en_dashes():
    reps = ExercisePrescription("x", "X", "squat", 3, reps="4-6", rest_s=150)
    hold = ExercisePrescription("p", "Plank", "core", 2, seconds="20-40", rest_s=45)
    assert wording.dose(reps) == "3 × 4–6"
    assert wording.dose(hold) == "2 × 20–40 s"
    assert wording.rest(reps) == "rest 2.5 min"
    assert wording.rest(hold) == "rest 45 s"


def test_distances_follow_the_runners_units():
    assert wording.distance(10.0, "km") == "10.0 km"
    assert wording.distance(10.0, "mi") == "6.2 mi"


def test_days_show_logged_runs_or_the_usual_pattern():
    week = plans.normal_week()
    tue, thu = week.days[1], week.days[3]
    assert wording.run_lines(tue, "km") == ["Done: Run 11.2 km · 58 min · HR 142"]
    assert wording.run_lines(thu, "km") == ["Planned: Easy run"]
    assert wording.run_lines(thu, "km", today=date(2026, 11, 27)) == ["Easy run (nothing logged)"]
    race_day = plans.race_week().days[6]
    assert wording.run_lines(race_day, "km") == []
    assert "Valencia Marathon" in wording.race_line(race_day, "km")
    rest = DayPlan(date(2026, 11, 23), DayType.REST)
    assert wording.run_lines(rest, "km") == ["Rest day"]


def test_running_volume_uses_the_usual_week_when_no_plan_in_km():
    week = replace(plans.full_week(), facts=WeekFacts(typical_min=300))
    assert wording.running_volume(week, "km") == "Running: 0.0 km so far · usual week 5 h 00"


def test_glance_line_names_phase_session_days_and_races():
    assert wording.glance_line(plans.race_week()) == (
        "Race week · 1 strength session: Tue A · race Sun: Valencia Marathon"
    )


def test_a_week_not_yet_begun_shows_the_runs_planned():
    week = plans.race_week()
    line = wording.running_volume(week, "km", today=date(2026, 12, 1))
    assert line == "Running: 4 runs planned (1 key, 1 race)"
    assert "so far" in wording.running_volume(week, "km", today=date(2026, 12, 9))
