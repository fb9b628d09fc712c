"""`planner/defaults.py` is the one place for the planner's numbers (DOMAIN.md §11)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from planner import defaults as D
from planner.content import DEVELOPMENT, MAINTENANCE, RACE_LIGHT, TAPER
from planner.frequency import table_count
from planner.model import Phase, Race, VolumeLevel

PLANNER = Path(D.__file__).parent


def _names() -> list[str]:
    tree = ast.parse(Path(D.__file__).read_text(encoding="utf-8"))
    out = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            out += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.FunctionDef):
            out.append(node.name)
    return out


def test_every_default_is_used_by_the_planner():
    code = "\n".join(
        p.read_text(encoding="utf-8") for p in PLANNER.glob("*.py") if p.name != "defaults.py"
    )
    own = Path(D.__file__).read_text(encoding="utf-8")
    unused = [
        name
        for name in _names()
        if not re.search(rf"\b{name}\b", code)
        and len(re.findall(rf"\b{name}\b", own)) < 2  # or used by another default
    ]
    assert unused == []


def test_the_frequency_table_is_domain_4_1():
    low, normal, high = VolumeLevel.LOW, VolumeLevel.NORMAL, VolumeLevel.HIGH
    assert [table_count(Phase.OFF_SEASON, v) for v in (low, normal, high)] == [2, 2, 1]
    assert [table_count(Phase.BUILD, v) for v in (low, normal, high)] == [2, 1, 1]
    assert [table_count(Phase.NO_RACE, v) for v in (low, normal, high)] == [2, 1, 1]
    assert [table_count(Phase.RECOVERY, v) for v in (low, normal, high)] == [0, 0, 0]
    assert table_count(Phase.BASE, low, opt_in=True) == 3
    assert table_count(Phase.BASE, low, opt_in=True, capped=True) == 2


def test_the_dose_table_is_domain_6_1_and_4_2():
    assert (DEVELOPMENT.lower, DEVELOPMENT.heavy, DEVELOPMENT.light) == (
        (3, "4-6"),
        (3, "4-6"),
        (2, "15-20"),
    )
    assert DEVELOPMENT.rpe == "7-8" and MAINTENANCE.rpe == "7-8"
    assert MAINTENANCE.lower == (2, "4-6")
    assert TAPER.lower[0] == 1  # half of maintenance's 2 sets, rounded up
    assert RACE_LIGHT.lower == (2, "3-5") and RACE_LIGHT.rpe == "5-6"


def test_a_new_race_is_a_b_race_and_rotation_includes_the_rear_foot_elevated_split_squat():
    assert Race(1, None, "x", 10.0).priority.value == D.RACE_PRIORITY_DEFAULT == "B"
    steps = [x for step in D.SINGLE_LEG_ROTATION for x in step]
    assert steps.index("reverse_lunge") < steps.index("step_up") < steps.index("rfe_split_squat")
    assert steps.index("rfe_split_squat") < steps.index("sl_hip_thrust")
    assert D.PLYO_CONTACTS["start"] == 40
