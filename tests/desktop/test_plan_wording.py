"""Plain pieces behind the window: what a re-plan changed, and the checklist record."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.views.replan import describe_changes
from operations.diary import checklist_record
from planner.model import (
    ChecklistItem,
    DayPlan,
    DayType,
    Intensity,
    Phase,
    StrengthSession,
    VolumeLevel,
    WeekPlan,
)

MONDAY = date(2026, 11, 23)


def session(day: date, key: str, intensity=Intensity.FULL, status="planned") -> StrengthSession:
    return StrengthSession(key, day, "Strength A: squat", intensity, "why", (), status=status)


def week(*sessions: StrengthSession, checklist=()) -> WeekPlan:
    by_day = {s.day: s for s in sessions}
    days = tuple(
        DayPlan(
            MONDAY + timedelta(days=i),
            DayType.EASY,
            strength=by_day.get(MONDAY + timedelta(days=i)),
            checklist=checklist,
        )
        for i in range(7)
    )
    return WeekPlan(MONDAY, Phase.BUILD, VolumeLevel.NORMAL, len(sessions), "reason", days)


def test_a_moved_and_lightened_session_is_described():
    before = week(session(MONDAY + timedelta(days=1), "k1"))
    after = week(session(MONDAY + timedelta(days=3), "k1", Intensity.UPPER_CORE))
    text = describe_changes(before, after)
    assert "now on Thu (was Tue)" in text and "upper body and core" in text


def test_an_unchanged_week_says_so():
    plan = week(session(MONDAY, "k1"))
    assert describe_changes(plan, plan) == "The rest of the week stays as planned."


def test_a_dropped_session_and_the_new_count_are_described():
    before = week(session(MONDAY, "k1"), session(MONDAY + timedelta(days=3), "k2"))
    after = week(session(MONDAY, "k1", status="done"))
    text = describe_changes(before, after)
    assert "on Thu dropped" in text and "1 sessions this week instead of 2" in text


def test_the_checklist_record_counts_must_do_items_and_the_streak():
    items = (
        ChecklistItem("foam_roll", "Foam roll"),
        ChecklistItem("hip_mob", "Hip mobility"),
        ChecklistItem("sauna", "Sauna", optional=True),
        ChecklistItem("cold_water", "Cold water", note="not today: strength day"),
    )
    plans = [week(checklist=items)]
    today = MONDAY + timedelta(days=3)  # Thursday: Mon..Thu are due
    full = {"foam_roll", "hip_mob"}
    ticks = {
        MONDAY: {"foam_roll"},
        MONDAY + timedelta(days=1): full,
        MONDAY + timedelta(days=2): full | {"sauna"},
    }
    record = checklist_record(plans, ticks, today)
    assert record.days == 4
    assert record.completion == 5 / 8  # optional and "not today" items are not due
    assert record.streak == 2  # Tue and Wed; today still open does not break it
    ticks[today] = full
    assert checklist_record(plans, ticks, today).streak == 3


def test_a_moved_session_is_described_once_not_again_as_moved():
    before = week(session(MONDAY + timedelta(days=1), "k1"))
    after = week(session(MONDAY + timedelta(days=6), "k1", status="moved"))
    text = describe_changes(before, after)
    assert text == "Week re-planned: Strength A: squat now on Sun (was Tue)."
