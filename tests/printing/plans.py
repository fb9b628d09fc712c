"""Hand-built week plans shaped like the planner's output, for print and export tests.

They follow the session content and checklists of DOMAIN.md §6–§7 so the printed sheet is
tested on what runners will really see: a normal week, a race week and an overfull week.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from planner.model import (
    Activity,
    ChecklistItem,
    DayPlan,
    DayType,
    ExercisePrescription,
    Intensity,
    Phase,
    Priority,
    Race,
    StrengthSession,
    VolumeLevel,
    WeekFacts,
    WeekPlan,
)


def ex(id_, name, pattern, sets, reps=None, seconds=None, load="", cue="", rest=None):
    return ExercisePrescription(
        id=id_,
        name=name,
        pattern=pattern,
        sets=sets,
        reps=reps,
        seconds=seconds,
        load_hint=load,
        cue=cue,
        rest_s=rest,
    )


SESSION_A = (
    ex(
        "back_squat",
        "Back squat",
        "squat",
        3,
        "4-6",
        None,
        "RPE 7-8",
        "brace, whole foot down",
        150,
    ),
    ex(
        "reverse_lunge",
        "Reverse lunge",
        "single-leg",
        3,
        "6/side",
        None,
        "2 reps in reserve",
        "long step, front shin upright",
        90,
    ),
    ex(
        "sa_db_press",
        "Standing 1-arm DB press",
        "push",
        3,
        "4-6",
        None,
        "RPE 7-8",
        "no side lean",
        90,
    ),
    ex(
        "band_row",
        "Band row / pull-apart",
        "pull",
        2,
        "15-20",
        None,
        "light band",
        "shoulders down, pause",
        60,
    ),
    ex(
        "plank",
        "Front plank",
        "core AE",
        3,
        None,
        "20-40",
        "body weight",
        "ribs down, glutes on",
        45,
    ),
    ex(
        "pallof_press",
        "Pallof press",
        "core AR",
        2,
        "8/side",
        None,
        "medium band",
        "hips face forward",
        45,
    ),
)

SESSION_B = (
    ex(
        "stiff_leg_dl",
        "Stiff-leg deadlift",
        "hinge",
        3,
        "4-6",
        None,
        "RPE 7-8",
        "long spine, stop at hamstrings",
        150,
    ),
    ex(
        "step_up",
        "Step-up",
        "single-leg",
        3,
        "6/side",
        None,
        "DB 2 reps in reserve",
        "push through the top foot",
        90,
    ),
    ex(
        "chin_up", "Chin-up", "pull", 3, "4-6", None, "body weight", "dead hang to chest at bar", 90
    ),
    ex(
        "push_up",
        "Push-up",
        "push",
        2,
        "15+",
        None,
        "body weight",
        "one line; hands on bench if needed",
        60,
    ),
    ex(
        "side_plank",
        "Side plank",
        "core ALF",
        2,
        None,
        "20-30",
        "body weight",
        "ear to ankle in line",
        45,
    ),
    ex(
        "suitcase_carry",
        "Suitcase carry",
        "carry",
        2,
        "20-30 m/side",
        None,
        "heavy DB",
        "walk tall, resist the lean",
        60,
    ),
)

LONG_NAMES = (
    ex(
        "rfe_split_squat",
        "Rear-foot-elevated split squat with pause at the bottom (bench)",
        "single-leg",
        4,
        "5/side",
        None,
        "DB, RPE 7",
        "front leg does the work; stay tall through the whole set",
        120,
    ),
    ex(
        "sl_hip_thrust",
        "Single-leg hip thrust",
        "single-leg",
        3,
        "8/side",
        None,
        "body weight",
        "level pelvis at the top",
        60,
    ),
)


def checklist(kind: str) -> tuple[ChecklistItem, ...]:
    items = {
        "strength": [
            ChecklistItem("warmup_dynamic", "Dynamic warm-up", "8-10 min before"),
            ChecklistItem("foam_roll", "Foam roll calves, quads, glutes", "5-10 min"),
            ChecklistItem("hip_mob", "Hip mobility 90/90", "3-5 min"),
            ChecklistItem("thoracic_mob", "Open books", "2-3 min"),
            ChecklistItem("shoulder_mob", "Wall slides", "2 min"),
            ChecklistItem("cold_water", "Ice bath", note="not today: strength day"),
        ],
        "key": [
            ChecklistItem("warmup_dynamic", "Dynamic warm-up", "8-10 min"),
            ChecklistItem("strides_drills", "A-skips and 4-6 strides"),
            ChecklistItem("foam_roll", "Foam roll", "5-10 min"),
            ChecklistItem("ankle_mob", "Knee-to-wall rocks", "2 min"),
            ChecklistItem("sauna", "Sauna", optional=True),
        ],
        "rest": [
            ChecklistItem("foam_roll", "Foam roll", "10 min"),
            ChecklistItem("ball_release", "Lacrosse ball: feet, glutes", "2-5 min"),
            ChecklistItem("hip_mob", "Hip mobility", "3-5 min"),
            ChecklistItem("ankle_mob", "Ankle rocks", "2 min"),
            ChecklistItem("massage", "Sports massage", optional=True),
        ],
        "easy": [
            ChecklistItem("foam_roll", "Foam roll", "5-10 min"),
            ChecklistItem("ball_release", "Lacrosse ball", "2-5 min"),
        ],
    }
    return tuple(items[kind])


def run(day: date, km: float, minutes: float, hr: float | None = 142.0, race=False) -> Activity:
    return Activity(
        id=day.toordinal(),
        start=datetime.combine(day, time(7, 0)),
        sport="running",
        sub_sport=None,
        duration_s=minutes * 60,
        distance_m=km * 1000,
        avg_hr=hr,
        is_race=race,
    )


def session(
    day: date, n: int, variant: str, exercises, intensity=Intensity.FULL
) -> StrengthSession:
    return StrengthSession(
        key=f"{day - timedelta(days=day.weekday())}#{n}",
        day=day,
        title=f"Strength {variant}",
        intensity=intensity,
        reason="Placed two days before your long run so the legs are fresh for it.",
        exercises=tuple(exercises),
        minutes=45,
        variant=variant,
    )


def normal_week(monday: date = date(2026, 11, 23), *, today: date | None = None) -> WeekPlan:
    """Base phase, two sessions, runs done up to Wednesday."""
    d = [monday + timedelta(days=i) for i in range(7)]
    today = today or d[3]

    def done(i, km, minutes):
        return (run(d[i], km, minutes),) if d[i] < today else ()

    days = (
        DayPlan(d[0], DayType.REST, checklist=checklist("rest")),
        DayPlan(d[1], DayType.KEY, activities=done(1, 11.2, 58), checklist=checklist("key")),
        DayPlan(
            d[2],
            DayType.STRENGTH,
            activities=done(2, 6.0, 35),
            strength=session(d[2], 1, "A", SESSION_A),
            checklist=checklist("strength"),
        ),
        DayPlan(d[3], DayType.EASY, checklist=checklist("easy")),
        DayPlan(
            d[4],
            DayType.STRENGTH,
            strength=session(d[4], 2, "B", SESSION_B),
            checklist=checklist("strength"),
        ),
        DayPlan(d[5], DayType.EASY, checklist=checklist("easy")),
        DayPlan(
            d[6], DayType.LONG, checklist=checklist("key"), note="Long run: keep it conversational."
        ),
    )
    return WeekPlan(
        week_start=monday,
        phase=Phase.BASE,
        volume_level=VolumeLevel.NORMAL,
        strength_sessions=2,
        reason="Two sessions: 14 weeks before Valencia Marathon is the time to build strength; "
        "later one a week keeps it.",
        days=days,
        facts=WeekFacts(typical_run_km=52.0),
    )


def race_week(monday: date = date(2026, 12, 7)) -> WeekPlan:
    """Race week: one light session, race on Sunday."""
    d = [monday + timedelta(days=i) for i in range(7)]
    race = Race(id=1, day=d[6], name="Valencia Marathon", distance_km=42.195, priority=Priority.A)
    light = session(d[1], 1, "A", SESSION_A[:3] + SESSION_A[4:5], Intensity.LIGHT)
    days = (
        DayPlan(d[0], DayType.REST, checklist=checklist("rest")),
        DayPlan(d[1], DayType.STRENGTH, strength=light, checklist=checklist("strength")),
        DayPlan(d[2], DayType.KEY, checklist=checklist("key")),
        DayPlan(d[3], DayType.EASY, checklist=checklist("easy")),
        DayPlan(d[4], DayType.REST, checklist=checklist("rest")),
        DayPlan(
            d[5],
            DayType.EASY,
            checklist=checklist("easy"),
            note="Shake-out: 20 min with 4 strides.",
        ),
        DayPlan(
            d[6],
            DayType.RACE,
            race=race,
            checklist=(
                ChecklistItem("warmup_dynamic", "Warm-up jog", "5-10 min easy"),
                ChecklistItem("hip_mob", "After: walk, gentle hip mobility"),
                ChecklistItem("cold_water", "Ice bath", optional=True),
            ),
        ),
    )
    return WeekPlan(
        week_start=monday,
        phase=Phase.RACE_WEEK,
        volume_level=VolumeLevel.LOW,
        strength_sessions=1,
        reason="One light session on Tuesday: Valencia Marathon is 5 days away and your legs "
        "need 3 clear days.",
        days=days,
    )


def full_week(monday: date = date(2026, 11, 30)) -> WeekPlan:
    """Three long sessions, long names, every day with a full checklist: the worst case."""
    base = normal_week(monday, today=monday)
    d = [monday + timedelta(days=i) for i in range(7)]
    days = list(base.days)
    big_a = SESSION_A + LONG_NAMES
    big_b = SESSION_B + LONG_NAMES
    days[0] = DayPlan(
        d[0],
        DayType.STRENGTH,
        strength=session(d[0], 1, "A", big_a),
        checklist=checklist("strength") + checklist("rest"),
    )
    days[2] = DayPlan(
        d[2],
        DayType.STRENGTH,
        strength=session(d[2], 2, "B", big_b),
        checklist=checklist("strength") + checklist("key"),
    )
    days[4] = DayPlan(
        d[4],
        DayType.STRENGTH,
        strength=session(d[4], 3, "A", big_a),
        checklist=checklist("strength") + checklist("rest"),
    )
    return WeekPlan(
        week_start=monday,
        phase=Phase.OFF_SEASON,
        volume_level=VolumeLevel.LOW,
        strength_sessions=3,
        reason="3 sessions: you ran 180 min/week lately, 40% below your usual 300, so there is "
        "room to build strength.",
        days=tuple(days),
        facts=WeekFacts(typical_min=300),
    )


def season(first_monday: date, count: int) -> list[WeekPlan]:
    """`count` consecutive normal weeks, for multi-page and benchmark runs."""
    return [normal_week(first_monday + timedelta(weeks=i)) for i in range(count)]
