"""Daily mobility and recovery checklists by day type (DOMAIN.md §7).

Templates come from `resources/checklists.json`; the rules that depend on the calendar live here:
no cold water on a strength day, no sauna the day before a race, no deep massage 48 h before an
A race, foam rolling and ball work daily except race day and the day after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from planner import defaults as D
from planner.model import ChecklistItem, DayType, Priority, Race
from planner.season import distance_class


@dataclass(frozen=True, slots=True)
class ChecklistTemplates:
    items: Mapping[str, tuple[str, str]]  # id -> (label, dose)
    templates: Mapping[str, tuple[tuple[str, str], ...]]  # template -> ((item, flag), ...)
    notes: Mapping[str, str]


def templates_from_dict(doc: Mapping[str, object]) -> ChecklistTemplates:
    """Parse resources/checklists.json."""
    items = {i["id"]: (i["label"], i["dose"]) for i in doc["items"]}  # type: ignore[index]
    templates = {
        name: tuple((row[0], row[1] if len(row) > 1 else "") for row in rows)
        for name, rows in doc["templates"].items()  # type: ignore[union-attr]
    }
    return ChecklistTemplates(items, templates, dict(doc.get("notes", {})))  # type: ignore[arg-type]


_TEMPLATE_FOR = {
    DayType.KEY: "key",
    DayType.LONG: "long",
    DayType.EASY: "easy",
    DayType.REST: "rest",
    DayType.RACE: "race",
    DayType.POST_RACE: "post_race",
    DayType.STRENGTH: "strength",
}
_DAILY = ("foam_roll", "ball_release")


def day_checklist(
    t: ChecklistTemplates,
    day: date,
    run_type: DayType,
    has_strength: bool,
    races: Sequence[Race],
) -> tuple[ChecklistItem, ...]:
    """The checklist of one day; strength days use the strength row whatever the run."""
    race_today = next((r for r in races if r.day == day), None)
    after = [(day - r.day).days for r in races if 0 < (day - r.day).days <= 1]
    name = "strength" if has_strength and run_type is not DayType.RACE else _TEMPLATE_FOR[run_type]
    rows = list(t.templates[name])
    if not race_today and not after:
        rows += [(i, "") for i in _DAILY if i not in {r[0] for r in rows}]
    out: list[ChecklistItem] = []
    for item_id, flag in rows:
        item = _item(t, item_id, flag, day, run_type, has_strength, races, race_today)
        if item is not None:
            out.append(item)
    return tuple(out)


# Flags whose note replaces the item's usual dose (the item stays a must-do).
_DOSE_FLAGS = {"rest_dose", "short", "race_warmup", "gentle", "from_day_2"}
_RACE_STRIDES = ("5K", "10K", "half")


def _item(t, item_id, flag, day, run_type, has_strength, races, race_today):
    """One checklist line, or None when the calendar rules it out today."""
    label, dose = t.items[item_id]
    days_to = [(r.day - day).days for r in races if (r.day - day).days >= 0]
    days_since = min([(day - r.day).days for r in races if (day - r.day).days > 0], default=None)
    if flag == "key_run_only" and run_type is not DayType.KEY:
        return None
    short_race = race_today is None or distance_class(race_today.distance_km) in _RACE_STRIDES
    if flag == "short_race_only" and not short_race:
        return None
    if flag in ("from_day_2", "after_48h") and days_since is not None and days_since < 2:
        return None
    if item_id == "cold_water" and has_strength and not D.COLD_WATER_ON_STRENGTH_DAY:
        return ChecklistItem(item_id, label, "", True, t.notes.get("not_today", "not today"))
    if item_id == "sauna" and D.SAUNA_BEFORE_RACE in days_to:
        return None
    if item_id == "massage" and any(
        0 <= (r.day - day).days <= D.MASSAGE_DEEP_BEFORE_A // 24
        for r in races
        if r.priority is Priority.A
    ):
        return None
    if flag in _DOSE_FLAGS:
        dose = t.notes[flag]
    elif flag == "after_48h":
        dose = f"{dose}; {t.notes[flag]}"
    return ChecklistItem(item_id, label, dose, flag in ("optional", "after_48h"), "")
