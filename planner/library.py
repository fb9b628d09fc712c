"""The exercise library (DOMAIN.md §6.5) as planner types, and choosing from it.

The data lives in `resources/exercises.json`; the app reads the file and hands the parsed dicts to
`library_from_dicts`, so the planner itself never touches files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from planner.model import Equipment

# What each equipment setting has at hand ("bench" at home may be a sofa, "box" a stair).
EQUIPMENT_ITEMS = {
    Equipment.GYM: frozenset({"bw", "db", "kb", "bb", "bar", "band", "bench", "box", "table"}),
    Equipment.HOME: frozenset({"bw", "db", "band", "bench", "box", "table"}),
    Equipment.BODYWEIGHT: frozenset({"bw", "bench", "box", "table"}),
}


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    name: str
    patterns: tuple[str, ...]  # squat, hinge, single-leg, push, pull, core, carry, plyo, power
    equipment: tuple[str, ...]  # as shown: bw, db, bb, kb, bar, band, bench, box, table
    requires: tuple[tuple[str, ...], ...]  # alternatives; each lists items needed together
    level: int  # 1 beginner, 2 intermediate, 3 = plyometric (behind the gate)
    sets: int
    reps: str | None
    seconds: str | None
    per_side: bool
    cue: str
    substitutes: tuple[str, ...] = ()
    core: str | None = None  # AE, AR, ALF
    tier: int | None = None  # plyometric tier
    contacts_per_set: int = 0
    note: str = ""

    @property
    def pattern(self) -> str:
        return self.patterns[0]

    def usable_with(self, equipment: Equipment) -> bool:
        have = EQUIPMENT_ITEMS[equipment]
        return any(set(alt) <= have for alt in self.requires)


Library = Mapping[str, Exercise]


def library_from_dicts(items: Iterable[Mapping[str, object]]) -> dict[str, Exercise]:
    """Parse the JSON records of resources/exercises.json (see its first lines for the schema)."""
    out: dict[str, Exercise] = {}
    for raw in items:
        ex = Exercise(
            id=str(raw["id"]),
            name=str(raw["name"]),
            patterns=tuple(raw["patterns"]),
            equipment=tuple(raw["equipment"]),
            requires=tuple(tuple(a) for a in raw["requires"]),
            level=int(raw["level"]),
            sets=int(raw["sets"]),
            reps=raw.get("reps"),
            seconds=raw.get("seconds"),
            per_side=bool(raw.get("per_side", False)),
            cue=str(raw["cue"]),
            substitutes=tuple(raw.get("substitutes", ())),
            core=raw.get("core"),
            tier=raw.get("tier"),
            contacts_per_set=int(raw.get("contacts_per_set", 0)),
            note=str(raw.get("note", "")),
        )
        out[ex.id] = ex
    return out


def pick(
    library: Library,
    preferences: Sequence[str],
    equipment: Equipment,
    max_level: int,
    exclude: Iterable[str] = (),
) -> Exercise | None:
    """First preferred exercise the runner can do, else the first usable substitute."""
    excluded = set(exclude)
    seen: list[str] = []
    for ex_id in preferences:
        ex = library.get(ex_id)
        if ex is None:
            continue
        seen.append(ex_id)
        if ex_id not in excluded and ex.level <= max_level and ex.usable_with(equipment):
            return ex
    for ex_id in seen:
        for sub_id in library[ex_id].substitutes:
            sub = library.get(sub_id)
            if (
                sub
                and sub_id not in excluded
                and sub.level <= max_level
                and sub.usable_with(equipment)
            ):
                return sub
    return None
