"""A deterministic synthetic season: what `strongstride demo` shows and what tests reuse.

About twelve months of running with heart rate for one runner, shaped like a real year: a quiet
off-season, a base block, a build to an A half marathon with its taper and recovery, a short
break with an illness week, a second build that is still going, a B 10K and a C 5K on the way,
strength sessions logged (some skipped), and an A marathon ahead. Same `end` date and seed, same
season, byte for byte.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from importers.records import SPEED_BIN_MPS, ActivityRecord

SERIES_STEP_S = 10
DEMO_SEED = 20261125


@dataclass(frozen=True, slots=True)
class DemoRunner:
    sex: str = "male"
    birth_year: int = 1989
    hr_max: int = 189
    hr_rest: int = 48
    long_run_weekday: int = 6  # Sunday
    key_run_weekdays: tuple[int, ...] = (1, 3)  # Tuesday, Thursday
    strength_weekdays: tuple[int, ...] = ()
    equipment: str = "gym"


@dataclass(frozen=True, slots=True)
class DemoRace:
    day: date
    name: str
    distance_km: float
    priority: str


@dataclass(frozen=True, slots=True)
class DemoStrengthLog:
    day: date
    status: str  # done or skipped
    rpe: float | None
    minutes: float | None


@dataclass(frozen=True, slots=True)
class DemoSeason:
    runner: DemoRunner
    activities: tuple[ActivityRecord, ...]
    races: tuple[DemoRace, ...]
    strength_logs: tuple[DemoStrengthLog, ...]


# Weekly running minutes per block, oldest first: (weeks, minutes, label).
_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (8, 150, "off-season"),
    (8, 270, "base"),
    (9, 345, "build"),
    (2, 200, "taper"),  # the A half marathon is the last Sunday of the taper
    (1, 90, "recovery"),
    (2, 120, "break"),
    (1, 0, "illness"),
    (10, 270, "base 2"),
    (12, 360, "build 2"),  # the last of these is the current week, run up to yesterday
)
SEASON_WEEKS = sum(b[0] for b in _BLOCKS) - 1  # 52 complete weeks, then the current one


def demo_season(end: date, seed: int = DEMO_SEED) -> DemoSeason:
    """The season of the 52 weeks before `end`'s week, plus that week's runs before `end`."""
    rng = random.Random(seed)
    this_monday = end - timedelta(days=end.weekday())
    first_monday = this_monday - timedelta(weeks=SEASON_WEEKS)
    weeks = [m for n, m, _ in _BLOCKS for _ in range(n)]
    labels = [lbl for n, _, lbl in _BLOCKS for _ in range(n)]
    races = _races(first_monday, labels)
    race_days = {r.day: r for r in races}
    activities: list[ActivityRecord] = []
    for w, minutes in enumerate(weeks):
        monday = first_monday + timedelta(weeks=w)
        for day_offset, kind, mins in _week_runs(minutes, labels[w], rng):
            day = monday + timedelta(days=day_offset)
            if day >= end:
                continue
            race = race_days.get(day)
            if race is not None:
                kind, mins = "race", None
            activities.append(_run(day, kind, mins, race, rng))
    logs = _strength_logs(first_monday, labels, rng)
    return DemoSeason(DemoRunner(), tuple(activities), tuple(races), tuple(logs))


def _races(first_monday: date, labels: list[str]) -> list[DemoRace]:
    taper_end = max(i for i, lbl in enumerate(labels) if lbl == "taper")
    build2_start = labels.index("build 2")
    sunday = lambda week: first_monday + timedelta(weeks=week, days=6)  # noqa: E731
    return [
        DemoRace(sunday(12), "5K time trial", 5.0, "C"),
        DemoRace(sunday(20), "City 10K", 10.0, "B"),
        DemoRace(sunday(taper_end), "Lakeside Half Marathon", 21.1, "A"),
        DemoRace(sunday(build2_start + 8), "Harbour 10K", 10.0, "B"),
        # Ahead of the season's end: the goal of the current build.
        DemoRace(sunday(SEASON_WEEKS + 9), "River Marathon", 42.2, "A"),
        DemoRace(sunday(SEASON_WEEKS + 3), "Hill 5K", 5.0, "C"),
    ]


def _week_runs(minutes: int, label: str, rng: random.Random) -> list[tuple[int, str, float]]:
    """(weekday, kind, minutes) for one week: long run Sunday, key runs Tuesday and Thursday."""
    if minutes <= 0:
        return []
    if minutes < 160:
        split = [(1, "easy", 0.30), (3, "key", 0.30), (6, "long", 0.40)]
    elif minutes < 300:
        split = [(1, "key", 0.22), (3, "key", 0.22), (5, "easy", 0.20), (6, "long", 0.36)]
    else:
        split = [
            (1, "key", 0.18),
            (2, "easy", 0.14),
            (3, "key", 0.18),
            (5, "easy", 0.16),
            (6, "long", 0.34),
        ]
    if label in {"recovery", "break", "off-season"}:
        split = [(d, "easy" if kind == "key" else kind, f) for d, kind, f in split]
    jitter = 1 + rng.uniform(-0.08, 0.08)
    return [(d, kind, round(minutes * f * jitter, 1)) for d, kind, f in split]


# Heart-rate reserve fraction and speed (m/s) per kind of run: (warm, work, work share).
_PROFILES = {
    "easy": ((0.60, 2.90), (0.64, 2.95), 1.0),
    "long": ((0.62, 2.85), (0.70, 2.90), 1.0),
    "key": ((0.60, 2.95), (0.86, 3.90), 0.45),
    "race": ((0.70, 3.20), (0.90, 3.75), 0.92),
}


def _run(
    day: date, kind: str, minutes: float | None, race: DemoRace | None, rng: random.Random
) -> ActivityRecord:
    runner = DemoRunner()
    if race is not None:
        speed_race = {5.0: 4.10, 10.0: 3.95, 21.1: 3.70}.get(race.distance_km, 3.3)
        minutes = race.distance_km * 1000 / speed_race / 60 + 15  # with warm-up jog
    assert minutes is not None
    total_s = int(minutes * 60)
    (hr_a, v_a), (hr_b, v_b), share = _PROFILES[kind]
    steps = max(1, total_s // SERIES_STEP_S)
    hr_span = runner.hr_max - runner.hr_rest
    series: list[tuple[float, float | None, float | None]] = []
    work_start, work_end = int(steps * (1 - share) / 2), int(steps * (1 + share) / 2)
    for i in range(steps):
        in_work = work_start <= i < work_end
        if kind == "key" and in_work:
            in_work = (i - work_start) % 24 < 14  # intervals: 140 s on, 100 s easy
        hrr, speed = (hr_b, v_b) if in_work else (hr_a, v_a)
        drift = 0.05 * i / steps if kind == "long" else 0.0
        hr = runner.hr_rest + (hrr + drift) * hr_span + rng.gauss(0, 2.5)
        speed = speed * (1 + rng.gauss(0, 0.03))
        series.append((float(i * SERIES_STEP_S), round(hr, 1), round(speed, 3)))
    hr_bins: dict[int, float] = {}
    speed_bins: dict[float, float] = {}
    for _, hr, speed in series:
        hr_bins[round(hr)] = hr_bins.get(round(hr), 0.0) + SERIES_STEP_S
        key = round(round(speed / SPEED_BIN_MPS) * SPEED_BIN_MPS, 1)
        speed_bins[key] = speed_bins.get(key, 0.0) + SERIES_STEP_S
    distance = sum(s for _, _, s in series) * SERIES_STEP_S
    if race is not None:
        distance = race.distance_km * 1000 + 2500
    hrs = [h for _, h, _ in series]
    offset = 7200 if 4 <= day.month <= 10 else 3600
    hour = 9 if day.weekday() >= 5 or race else (18 if kind == "key" else 7)
    start_local = datetime(day.year, day.month, day.day, hour, rng.randrange(0, 30))
    start_utc = start_local - timedelta(seconds=offset)
    elapsed = total_s + (rng.randrange(0, 120) if kind != "race" else 0)
    name = race.name if race else f"{kind.capitalize()} run"
    return ActivityRecord(
        source="demo",
        external_id=f"demo-{day.isoformat()}",
        sport="running",
        sub_sport="generic",
        start_utc=start_utc,
        utc_offset_s=offset,
        timer_s=float(total_s),
        elapsed_s=float(elapsed),
        distance_m=round(distance, 1),
        ascent_m=round(distance / 1000 * rng.uniform(4, 12), 1),
        avg_hr=round(sum(hrs) / len(hrs), 1),
        max_hr=round(max(hrs)),
        device="StrongStride demo watch",
        hr_histogram=tuple(sorted(hr_bins.items())),
        speed_histogram=tuple(sorted(speed_bins.items())),
        series=tuple(series),
        is_race=race is not None,
        name=name,
    )


def _strength_logs(
    first_monday: date, labels: list[str], rng: random.Random
) -> list[DemoStrengthLog]:
    """Two sessions a week in quiet blocks, one in builds, none around races; some skipped."""
    logs: list[DemoStrengthLog] = []
    for w, label in enumerate(labels[:SEASON_WEEKS]):
        if label in {"taper", "recovery", "illness"} or w < 2:
            continue
        monday = first_monday + timedelta(weeks=w)
        days = [1, 4] if label in {"off-season", "base", "base 2", "break"} else [1]
        for d in days:
            skipped = rng.random() < 0.15
            logs.append(
                DemoStrengthLog(
                    day=monday + timedelta(days=d),
                    status="skipped" if skipped else "done",
                    rpe=None if skipped else float(rng.choice([6, 6, 7, 7, 8])),
                    minutes=None if skipped else float(rng.choice([40, 45, 45, 50])),
                )
            )
    return logs
