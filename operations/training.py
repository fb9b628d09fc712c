"""Training operations: one small function per user action, store -> planner -> store.

The window, the command line and the exports call these with keyword arguments; each opens its
own unit of work, so they may run on a worker thread (never touch widgets from here). Rows are
turned into planner dataclasses here and nowhere else.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources

from operations import history_cache, plan_keep
from planner import moves as planner_moves
from planner.checklists import templates_from_dict
from planner.defaults import HRREST_WINDOW as RESTING_DAYS_USED
from planner.heart import HeartRates
from planner.history import LoadHistory, build_history, load_figures, weekly_loads
from planner.library import library_from_dicts
from planner.logged_sets import LoggedSet
from planner.model import (
    Activity,
    Equipment,
    LoadFigure,
    LogStatus,
    Priority,
    Profile,
    Race,
    SessionLog,
    Sex,
    WeekLoad,
    WeekPlan,
)
from planner.moves import MoveVerdict
from planner.plan import PlanInputs, PlanResources
from planner.plan import plan_weeks as _plan_weeks
from planner.serialize import exercise_to_dict
from planner.swaps import apply_swaps
from store import Database
from store import checklists as store_checklists
from store import loads as store_loads
from store import plans as store_plans
from store import profile as store_profile
from store import resting as store_resting
from store import swaps as store_swaps
from store import views as store_views

HR_LOOKBACK_DAYS = 400  # HR bins older than this are only read when loads are recomputed
_CACHE: dict[tuple, LoadHistory] = {}
_HISTORY_LOCK = threading.Lock()
LOAD_FIELDS = {"sex", "birth_year", "hr_max", "hr_rest", "threshold_pace_s_per_km"}


@lru_cache(maxsize=1)
def plan_resources() -> PlanResources:
    """The exercise library and checklist templates shipped in the `resources` package."""
    folder = resources.files("resources")
    exercises = json.loads(folder.joinpath("exercises.json").read_text(encoding="utf-8"))
    checklists = json.loads(folder.joinpath("checklists.json").read_text(encoding="utf-8"))
    return PlanResources(
        library_from_dicts(exercises["exercises"]), templates_from_dict(checklists)
    )


# --- profile -------------------------------------------------------------------------------


def _weekdays(text: str | None) -> tuple[int, ...]:
    return tuple(int(x) for x in (text or "").split(",") if x.strip() != "")


def _profile_from_row(row: dict) -> Profile:
    return Profile(
        sex=Sex(row.get("sex") or "unknown")
        if row.get("sex") in {s.value for s in Sex}
        else Sex.UNKNOWN,
        birth_year=row.get("birth_year"),
        hr_max=row.get("hr_max"),
        hr_rest=row.get("hr_rest"),
        threshold_pace_s_per_km=row.get("threshold_pace_s_per_km"),
        units=row.get("units") or "km",
        long_run_weekday=row.get("long_run_weekday"),
        key_run_weekdays=_weekdays(row.get("key_run_weekdays")),
        strength_weekdays=_weekdays(row.get("strength_weekdays")),
        equipment=Equipment(row.get("equipment") or "gym")
        if row.get("equipment") in {e.value for e in Equipment}
        else Equipment.GYM,
        usual_weekly_run_minutes=row.get("usual_weekly_run_minutes"),
        lifted_regularly=bool(row.get("lifted_regularly")),
        strength_block_opt_in=bool(row.get("strength_block_opt_in")),
        beginner_second_session=bool(row.get("beginner_second_session")),
        illness=bool(row.get("illness")),
        injury=bool(row.get("injury")),
    )


def load_profile(db: Database) -> Profile:
    """The runner's profile as the planner sees it (defaults when never saved)."""
    with db.session() as s:
        return _profile_from_row(store_profile.profile_dict(s))


def save_profile(db: Database, **fields: object) -> None:
    """Update profile fields by their `Profile` names; weekday tuples and enums are accepted.

    Raises ValueError for unknown fields or values out of range, before anything is written.
    A change to a field the load model uses (sex, age, HRmax/HRrest, threshold pace) recomputes
    every activity's load, so all history stays on one scale.
    """
    row: dict[str, object] = {}
    for name, value in fields.items():
        if name in ("key_run_weekdays", "strength_weekdays"):
            days = tuple(int(d) for d in (value or ()))
            if any(not 0 <= d <= 6 for d in days):
                raise ValueError(f"{name}: weekdays are 0 (Monday) to 6 (Sunday)")
            value = ",".join(str(d) for d in sorted(set(days)))
        elif name == "long_run_weekday" and value is not None and not 0 <= int(value) <= 6:
            raise ValueError("long_run_weekday: 0 (Monday) to 6 (Sunday)")
        elif name == "sex":
            value = Sex(str(value)).value
        elif name == "equipment":
            value = Equipment(str(value)).value
        row[name] = value
    with db.session() as s:
        before = store_profile.profile_dict(s)
        store_profile.update_profile(s, row)
    if any(before.get(k) != v for k, v in row.items() if k in LOAD_FIELDS):
        recompute_loads(db)


# --- races ---------------------------------------------------------------------------------


def list_races(db: Database) -> list[Race]:
    with db.session() as s:
        return [_race(r) for r in store_plans.race_dicts(s)]


def _race(r: dict) -> Race:
    return Race(r["id"], r["day"], r["name"], float(r["distance_km"]), Priority(r["priority"]))


def add_race(db: Database, *, day: date, name: str, distance_km: float, priority: str) -> int:
    """Add a race; priority A (goal), B (short easing) or C (hard training). Returns its id."""
    prio = Priority(str(priority).upper()).value
    if distance_km <= 0:
        raise ValueError("distance_km must be positive")
    if not name.strip():
        raise ValueError("a race needs a name")
    with db.session() as s:
        return store_plans.insert_race(
            s, day=day, name=name.strip(), distance_km=float(distance_km), priority=prio
        )


def remove_race(db: Database, *, race_id: int) -> None:
    """Remove a race; raises KeyError when there is no race with that id."""
    with db.session() as s:
        if not store_plans.delete_race(s, race_id):
            raise KeyError(race_id)


# --- activities and loads ------------------------------------------------------------------


def _activity(d: dict) -> Activity:
    load = None
    if d["load"] is not None:
        load = LoadFigure(d["load"], d["load_method"] or "", d["load_confidence"] or "low")
    return Activity(
        id=d["id"],
        start=d["start"],
        sport=d["sport"],
        sub_sport=d["sub_sport"],
        duration_s=d["duration_s"],
        distance_m=d["distance_m"],
        avg_hr=d["avg_hr"],
        max_hr=d["max_hr"],
        peak_hr_10s=d["peak_hr_10s"],
        hr_histogram=d["hr_histogram"],
        rpe=d["rpe"],
        grade_adjusted_distance_m=d["grade_adjusted_distance_m"],
        is_race=d["is_race"],
        load=load,
    )


def _history(db: Database, profile: Profile, today: date) -> LoadHistory:
    """The load history for `today`, cached (in memory and beside the database, see
    `history_cache`) until activities, logs, resting heart rates or the profile change.

    One caller at a time: jobs that ask at once (the window's plan and its prefetch) share one
    computation instead of each making its own."""
    with _HISTORY_LOCK:
        return _history_once(db, profile, today)


def _history_once(db: Database, profile: Profile, today: date) -> LoadHistory:
    with db.session() as s:
        log_rows = store_plans.log_dicts(s)
        resting = _resting_values(s, today)
        key = (
            str(db.path),
            today,
            store_loads.data_version(s),
            profile,
            len(log_rows),
            log_rows[-1]["id"] if log_rows else 0,
            tuple(resting[-RESTING_DAYS_USED:]),
        )
        cached = _CACHE.get(key) or history_cache.load(db, key)
        if cached is not None:
            _CACHE[key] = cached
            return cached
        since = today - timedelta(days=HR_LOOKBACK_DAYS)
        rows = store_loads.activity_dicts(
            s, bins_since_utc=datetime.combine(since, datetime.min.time())
        )
    acts = [_activity(r) for r in rows]
    history = build_history(acts, profile, today, resting, logs=_logs(log_rows))
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = history
    history_cache.save(db, key, history)  # the next start reads it instead of computing it
    return history


def _resting_values(s, today: date) -> list[tuple[date, float]]:
    """The watch's daily resting HR up to `today` (the planner takes the last 14)."""
    values = store_resting.resting_hr_values(s, since=today - timedelta(days=HR_LOOKBACK_DAYS))
    return [(d, v) for d, v in values if d <= today]


def recompute_loads(db: Database) -> int:
    """Recompute every activity's load from its HR histogram (after imports or HR changes).

    One consistent scale: HRmax/HRrest and calibration are estimated once over the history,
    with the last activity's day as "today". Returns how many activities were updated.
    """
    profile = load_profile(db)
    with db.session() as s:
        rows = store_loads.activity_dicts(s, all_bins=True)
        if not rows:
            return 0
        acts = [_activity({**r, "load": None}) for r in rows]
        end = max(a.day for a in acts)
        resting = _resting_values(s, end)
    _, _, figures = load_figures(acts, profile, end, resting)
    with db.session() as s:
        n = store_loads.write_loads(
            s, ((a.id, f.value, f.method, f.confidence) for a, f in zip(acts, figures, strict=True))
        )
    _CACHE.clear()
    return n


def heart_rates(db: Database, *, today: date) -> HeartRates:
    """HRmax/HRrest in use and where they came from (entered, observed, age formula, default)."""
    profile = load_profile(db)
    return _history(db, profile, today).heart


def load_history(db: Database, *, today: date) -> LoadHistory:
    """Everything the planner derives from the activities for `today` (cached)."""
    return _history(db, load_profile(db), today)


def weekly_load(db: Database, *, weeks: int, today: date) -> list[WeekLoad]:
    """The last `weeks` weeks up to the current one, oldest first."""
    profile = load_profile(db)
    return weekly_loads(_history(db, profile, today), weeks)


# --- plans and logs ------------------------------------------------------------------------


def _logs(rows: list[dict]) -> list[SessionLog]:
    """Newest log per planned session (or per day for sessions logged without a plan)."""
    latest: dict[object, dict] = {}
    for r in rows:  # oldest first, so later logs replace earlier ones
        latest[r["session_key"] or ("day", r["planned_day"])] = r
    out = []
    for r in latest.values():
        out.append(
            SessionLog(
                planned_day=r["planned_day"],
                status=LogStatus(r["status"]),
                moved_to=r["moved_to"],
                rpe=r["rpe"],
                minutes=r["minutes"],
                lower_body=r["lower_body"],
                exercise_results=tuple(
                    (str(x[0]), x[1], x[2]) for x in r["results"] if len(x) >= 3
                ),
                session_key=r["session_key"],
                variant=r["variant"],
            )
        )
    return sorted(out, key=lambda lg: lg.planned_day)


def _plan_inputs(db: Database, profile: Profile, today: date) -> PlanInputs:
    """What the planner reads, including the days of sessions the runner has been shown."""
    history = _history(db, profile, today)
    with db.session() as s:
        races = tuple(_race(r) for r in store_plans.race_dicts(s))
        logs = tuple(_logs(store_plans.log_dicts(s)))
        seen = store_plans.planned_days(s)
    return PlanInputs(profile, races, logs, today, plan_resources(), history, seen)


def plan_weeks(db: Database, *, start: date, weeks: int, today: date) -> list[WeekPlan]:
    """Plan `weeks` weeks from the Monday of `start` and remember the sessions by key.

    The weeks kept from an earlier plan of the same data and day (`plan_keep`) are returned as
    they are; weeks planned afresh are kept when nothing was written while they were planned.
    """
    kept = plan_keep.kept_weeks(db, start=start, weeks=weeks, today=today)
    if kept is not None:
        return kept
    return plan_weeks_afresh(db, start=start, weeks=weeks, today=today)


def plan_weeks_afresh(db: Database, *, start: date, weeks: int, today: date) -> list[WeekPlan]:
    """`plan_weeks` without looking at the kept weeks: plan from the data, remember the
    sessions by key, and keep the weeks when nothing was written while they were planned."""
    stamp = db.data_stamp()
    profile = load_profile(db)
    inputs = _plan_inputs(db, profile, today)
    with db.session() as s:
        swaps = store_swaps.swaps_by_session(s)
    plans = _plan_weeks(inputs, start=start, weeks=weeks)
    plans = apply_swaps(plans, swaps, inputs.resources.library)
    with db.session() as s:
        for week in plans:
            store_plans.save_planned(s, week.week_start, _session_rows(week))
    plan_keep.keep_weeks(db, stamp=stamp, start=start, weeks=weeks, today=today, plans=plans)
    return plans


def swap_exercise(
    db: Database, *, session_key: str, exercise_id: str, substitute_id: str | None
) -> None:
    """Do `substitute_id` instead of the planned `exercise_id` in the session `session_key`.

    The swap belongs to that session only and keeps the planned dose; `substitute_id=None` goes
    back to the planned exercise. Raises ValueError when the library does not list the
    substitute for that exercise.
    """
    library = plan_resources().library
    planned = library.get(exercise_id)
    if planned is None:
        raise ValueError(f"no exercise '{exercise_id}' in the library")
    if not session_key.strip():
        raise ValueError("a swap needs the session's key")
    with db.session() as s:
        if substitute_id is None or substitute_id == exercise_id:
            store_swaps.remove_swap(s, session_key=session_key, exercise_id=exercise_id)
            return
        if substitute_id not in planned.substitutes or substitute_id not in library:
            offered = ", ".join(planned.substitutes) or "none"
            raise ValueError(
                f"'{substitute_id}' is not a substitute for '{exercise_id}' (choose from: {offered})"
            )
        store_swaps.set_swap(
            s, session_key=session_key, exercise_id=exercise_id, substitute_id=substitute_id
        )


def _session_rows(week: WeekPlan) -> list[dict]:
    return [
        {
            "key": d.strength.key,
            "day": d.day,
            "title": d.strength.title,
            "intensity": d.strength.intensity.value,
            "variant": d.strength.variant,
            "reason": d.strength.reason,
            "exercises": [exercise_to_dict(e) for e in d.strength.exercises],
        }
        for d in week.days
        if d.strength is not None
    ]


def log_session(
    db: Database,
    *,
    day: date,
    status: str,
    moved_to: date | None = None,
    rpe: float | None = None,
    minutes: float | None = None,
    today: date | None = None,
    sets: Sequence[LoggedSet] = (),
) -> MoveVerdict | None:
    """Record what happened to the session planned on `day`: done, skipped or moved.

    `sets` are the sets done, (exercise id, kg, reps or seconds held): the §6.2 progression of
    the next sessions reads them. The next plan keeps logged sessions where they are and
    re-plans the rest of the week. A move is judged first (`judge_move`): refused moves raise
    MoveRefused and store nothing; a move onto a limited day is kept as upper body + core.
    Returns the move's verdict. Raises ValueError for a bad status, a move without a target
    day, RPE outside 1-10, or sets that are not the library's exercises or not done.
    """
    _check_sets(sets, state_done=status == "done")
    state = LogStatus(status)
    if state is LogStatus.MOVED and moved_to is None:
        raise ValueError("a moved session needs the day it moved to")
    if rpe is not None and not 0 < rpe <= 10:
        raise ValueError("RPE is 1 to 10")
    if minutes is not None and minutes <= 0:
        raise ValueError("minutes must be positive")
    with db.session() as s:
        planned = store_plans.planned_session_on(s, day)
    if planned is None:
        plan_weeks(db, start=day, weeks=1, today=day)
        with db.session() as s:
            planned = store_plans.planned_session_on(s, day)
    lower = planned is None or planned["intensity"] not in ("upper_core", "mobility")
    verdict = None
    if state is LogStatus.MOVED:
        verdict = judge_move(db, day=day, moved_to=moved_to, today=today or date.today())
        if not verdict.allowed:
            raise MoveRefused(verdict.reason)
        lower = lower and verdict.lower_body
    with db.session() as s:
        store_plans.insert_log(
            s,
            session_key=planned["key"] if planned else None,
            planned_day=day,
            status=state.value,
            moved_to=moved_to if state is LogStatus.MOVED else None,
            rpe=rpe,
            minutes=minutes,
            lower_body=lower,
            results=sets,
        )
    return verdict


class MoveRefused(ValueError):
    """A move onto a day that allows no strength at all (DOMAIN.md §5); the message says why."""


def judge_move(db: Database, *, day: date, moved_to: date, today: date) -> MoveVerdict:
    """Whether the session planned on `day` may move to `moved_to`: ok, warned, kept as upper
    body + core, or refused, with the sentence that says why."""
    inputs = _plan_inputs(db, load_profile(db), today)
    return planner_moves.judge_move(inputs, planned_day=day, to=moved_to)


def _check_sets(sets: Sequence[LoggedSet], *, state_done: bool) -> None:
    if sets and not state_done:
        raise ValueError("sets are logged with a session done (--done)")
    library = plan_resources().library
    for ex_id, kg, count in sets:
        if ex_id not in library:
            raise ValueError(f"'{ex_id}' is not an exercise in the library")
        if (kg is not None and kg < 0) or count is None or count <= 0:
            raise ValueError(f"{ex_id}: a set needs a positive number of reps or seconds")


# --- first run -----------------------------------------------------------------------------


def finish_onboarding(db: Database) -> None:
    """The welcome was completed: it is not shown again."""
    with db.session() as s:
        store_checklists.mark_onboarded(s)


def is_onboarded(db: Database) -> bool:
    with db.session() as s:
        return store_views.is_onboarded(s)


def exercise_names(equipment: str) -> dict[str, str]:
    """Names of the library's exercises usable with `equipment` (gym, home, bodyweight)."""
    try:
        kit = Equipment(equipment)
    except ValueError:
        kit = Equipment.GYM
    library = plan_resources().library
    return {ex_id: ex.name for ex_id, ex in library.items() if ex.usable_with(kit)}
