"""Plans and loads as plain dicts (JSON-ready): one shape for the CLI, GUI, print and export."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from enum import Enum

from planner.logged_sets import last_to_dicts
from planner.model import (
    Activity,
    ChecklistItem,
    DayPlan,
    ExercisePrescription,
    StrengthSession,
    WeekLoad,
    WeekPlan,
)


def exercise_to_dict(ex: ExercisePrescription) -> dict:
    out: dict = {"id": ex.id, "name": ex.name, "pattern": ex.pattern, "sets": ex.sets}
    if ex.seconds:
        out["seconds"] = ex.seconds
    else:
        out["reps"] = ex.reps
    out.update(load_hint=ex.load_hint, cue=ex.cue)
    if ex.rest_s is not None:
        out["rest_s"] = ex.rest_s
    if ex.swapped_from:
        out["swapped_from"] = ex.swapped_from
    if ex.last:
        out["last"] = last_to_dicts(ex.last, hold=bool(ex.seconds))
    return out


def session_to_dict(s: StrengthSession) -> dict:
    return {
        "key": s.key,
        "title": s.title,
        "intensity": s.intensity.value,
        "variant": s.variant,
        "status": s.status,
        "minutes": s.minutes,
        "reason": s.reason,
        "exercises": [exercise_to_dict(e) for e in s.exercises],
    }


def activity_to_dict(a: Activity) -> dict:
    return {
        "id": a.id,
        "start": a.start.isoformat(timespec="minutes"),
        "sport": a.sport,
        "duration_s": round(a.duration_s),
        "distance_km": round(a.distance_m / 1000.0, 2) if a.distance_m else None,
        "load": round(a.load.value, 1) if a.load else None,
    }


def checklist_item_to_dict(c: ChecklistItem) -> dict:
    return {"id": c.id, "label": c.label, "dose": c.dose, "optional": c.optional, "note": c.note}


def day_to_dict(d: DayPlan) -> dict:
    return {
        "date": d.day.isoformat(),
        "day_type": d.day_type.value,
        "activities": [activity_to_dict(a) for a in d.activities],
        "race": (
            {
                "name": d.race.name,
                "distance_km": d.race.distance_km,
                "priority": d.race.priority.value,
            }
            if d.race
            else None
        ),
        "strength": session_to_dict(d.strength) if d.strength else None,
        "checklist": [checklist_item_to_dict(c) for c in d.checklist],
    }


def week_plan_to_dict(w: WeekPlan) -> dict:
    return {
        "week_start": w.week_start.isoformat(),
        "phase": w.phase.value,
        "volume_level": w.volume_level.value,
        "strength_sessions": w.strength_sessions,
        "sessions_done": w.sessions_done,
        "sessions_skipped": w.sessions_skipped,
        "reason": w.reason,
        "done_note": w.done_note,
        "reason_id": w.facts.reason_id,
        "days": [day_to_dict(d) for d in w.days],
        "facts": _plain(asdict(w.facts)),
    }


def _plain(value: object) -> object:
    """Facts as JSON values: dates as ISO strings, tuples as lists, enums as their value."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float):
        return round(value, 3)
    return value


def week_load_to_dict(w: WeekLoad) -> dict:
    return {
        "week_start": w.week_start.isoformat(),
        "run_km": w.run_km,
        "run_s": w.run_s,
        "runs": w.runs,
        "load": w.total_load,
        "running_load": w.running_load,
        "ctl": w.ctl,
        "atl": w.atl,
        "tsb": w.tsb,
        "acwr": w.acwr,
        "monotony": w.monotony,
        "strain": w.strain,
        "strain_p90": w.strain_p90,
        "strain_high": (
            None if w.strain is None or w.strain_p90 is None else w.strain > w.strain_p90
        ),
        "volume_level": w.volume_level.value,
    }
