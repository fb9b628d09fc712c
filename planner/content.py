"""Session content from the exercise library (DOMAIN.md §4.2-§4.4, §6).

A session covers squat, single-leg and hinge for the legs, one heavy and one light upper-body
exercise (A: heavy push, B: heavy pull), two core items or one plus a carry, and plyometrics once
the gate is passed. The block (development, maintenance, taper, light, ramp, beginner) sets sets,
reps and effort; upper-body-and-core sessions drop the legs and the jumps.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from planner import defaults as D
from planner.library import Exercise, Library, pick
from planner.logged_sets import last_result
from planner.model import Equipment, ExercisePrescription, Intensity, StrengthSession
from planner.progression import progress_hint
from planner.session_time import session_minutes

LEG_PATTERNS = ("squat", "hinge", "single-leg")
SQUATS = ("back_squat", "goblet_squat", "bw_squat")
HINGES = ("stiff_leg_dl", "db_rdl", "sl_rdl", "glute_bridge")
HEAVY_PUSH = ("bb_press", "sa_db_press", "pike_push_up", "push_up")
LIGHT_PUSH = ("push_up", "pike_push_up")
HEAVY_PULL = ("chin_up", "bent_row", "band_chin_up", "inverted_row")
LIGHT_PULL = ("band_row", "inverted_row")
CORE = {"A": ("plank", "dead_bug"), "B": ("pallof_press", "bird_dog", "side_plank")}
CARRIES = ("suitcase_carry", "farmer_carry")
SECOND_CORE = ("side_plank", "dead_bug", "bird_dog")
PLYO = {1: ("pogo_hops", "skips"), 2: ("cmj", "box_jump"), 3: ("bounds", "sl_hops")}
REST_MAIN = sum(D.REST_HEAVY) // 2  # s
REST_SINGLE_LEG = D.REST_HEAVY[0]
REST_LIGHT = sum(D.REST_LIGHT) // 2
REST_CORE = D.REST_LIGHT[0]


@dataclass(frozen=True, slots=True)
class Dose:
    """Sets x reps and effort per block."""

    name: str
    lower: tuple[int, str]
    heavy: tuple[int, str]
    light: tuple[int, str]
    core_sets: int
    rpe: str
    minutes: int


def _dose(block: str, name: str | None = None) -> Dose:
    """A block's dose from DOSE_TABLE (`name` when progression should treat it as another)."""
    return Dose(name or block, *D.DOSE_TABLE[block])


DEVELOPMENT = _dose("development")
MAINTENANCE = _dose("maintenance")
TAPER = _dose("taper")
RACE_LIGHT = _dose("race_week")
BEGINNER_1 = _dose("beginner_1")
BEGINNER_SHORT = _dose("beginner_short", "beginner_1")
BEGINNER_2 = _dose("beginner_2")


def halved(dose: Dose, rpe: str, name: str) -> Dose:
    """Half the sets, rounded up, same loads (after a race, B-race D-3, ramp weeks)."""

    def half(x: tuple[int, str]) -> tuple[int, str]:
        return (math.ceil(x[0] * D.TAPER_SET_FACTOR), x[1])

    return Dose(
        name,
        half(dose.lower),
        half(dose.heavy),
        half(dose.light),
        math.ceil(dose.core_sets * D.TAPER_SET_FACTOR),
        rpe,
        max(D.SESSION_MINUTES["halved_min"], dose.minutes - D.SESSION_MINUTES["halved_less"]),
    )


def ramp_dose(base: Dose, week: int) -> Dose:
    """Return ramp (§4.3): week 1 two sets at effort <= 6, later weeks the block's sets at <= 7."""
    week_1_rpe, week_2_rpe = D.RAMP_RPE
    if week == 1:
        sets = D.RAMP_WEEK_1_SETS
        two = lambda x: (min(sets, x[0]), x[1])  # noqa: E731
        return Dose(
            "ramp_1",
            two(base.lower),
            two(base.heavy),
            two(base.light),
            sets,
            f"≤ {week_1_rpe}",
            D.SESSION_MINUTES["ramp_1"],
        )
    return Dose(
        "ramp_2",
        base.lower,
        base.heavy,
        base.light,
        base.core_sets,
        f"≤ {week_2_rpe}",
        base.minutes,
    )


@dataclass(frozen=True, slots=True)
class SessionSpec:
    """Everything that shapes one session's content."""

    key: str
    day: date
    variant: str  # A or B
    intensity: Intensity
    dose: Dose
    reason: str
    equipment: Equipment
    max_level: int  # 1 for beginners
    single_leg: tuple[str, ...]  # the rotation's single-leg exercise, then its stand-in
    plyo: tuple[int, int] | None = None  # (tier, contacts)
    title: str = ""
    third_leg_lift: bool = True  # the other of squat/hinge: development only (§6.1)


def _prescribe(
    ex: Exercise, sets: int, reps: str, rpe: str, hint: str, rest: int
) -> ExercisePrescription:
    seconds = None
    if ex.seconds:
        seconds, reps_out = ex.seconds, None
    elif ex.reps and not any(c.isdigit() for c in reps):
        reps_out = ex.reps
    else:
        reps_out = reps
    if ex.per_side and reps_out and "/side" not in reps_out:
        reps_out += "/side"
    if ex.per_side and seconds and "/side" not in seconds:
        seconds += "/side"
    return ExercisePrescription(
        id=ex.id,
        name=ex.name,
        pattern=ex.pattern,
        sets=sets,
        reps=reps_out,
        seconds=seconds,
        load_hint=hint or f"effort {rpe}/10",
        cue=ex.cue,
        rest_s=rest,
        substitutes=ex.substitutes,
    )


def build_session(spec: SessionSpec, library: Library, history: Sequence) -> StrengthSession:
    """Fill one session from the library for the spec's block, variant and equipment."""
    eq, lvl, dose = spec.equipment, spec.max_level, spec.dose
    names = {ex_id: ex.name for ex_id, ex in library.items()}
    out: list[ExercisePrescription] = []
    used: set[str] = set()

    def add(prefs: Sequence[str], sets: int, reps: str, rest: int, heavy: bool = True) -> None:
        ex = pick(library, prefs, eq, lvl, exclude=used)
        if ex is None or sets <= 0:
            return
        used.add(ex.id)
        if ex.pattern in LEG_PATTERNS:
            reps = _lower_body_reps(reps)
        shown = reps if any(c.isdigit() for c in reps) else (ex.reps or "")
        hint = ""
        if heavy or ex.seconds or "bw" in ex.equipment:
            hint = progress_hint(ex.id, shown, ex.seconds, dose, history, names)
        prescribed = _prescribe(ex, sets, reps, dose.rpe, hint, rest)
        out.append(replace(prescribed, last=last_result(ex.id, history)))

    legs = spec.intensity in (Intensity.FULL, Intensity.LIGHT)
    if legs and spec.plyo:
        out.extend(_plyometrics(spec, library, used))
    if legs:
        main, other = (SQUATS, HINGES) if spec.variant == "A" else (HINGES, SQUATS)
        sets, reps = dose.lower
        add(main, sets, reps, REST_MAIN)
        if spec.single_leg:  # none near an A race when none was done in the 6 weeks before
            rotation = (*spec.single_leg, "split_squat", "reverse_lunge")
            add(rotation, sets, reps if reps != "4-6" else "6", REST_SINGLE_LEG)
        if spec.third_leg_lift:
            add(other, min(sets, D.LOWER_BODY_SETS_MAX - 2 * sets), reps, REST_MAIN)
    heavy, light = (HEAVY_PUSH, LIGHT_PULL) if spec.variant == "A" else (HEAVY_PULL, LIGHT_PUSH)
    add(heavy, *dose.heavy, REST_MAIN)
    add(light, *dose.light, REST_LIGHT, heavy=False)
    if spec.intensity in (Intensity.UPPER_CORE, Intensity.MOBILITY):
        other_light = LIGHT_PUSH if spec.variant == "A" else LIGHT_PULL
        add(other_light, *dose.light, REST_LIGHT, heavy=False)
    add(CORE[spec.variant], dose.core_sets, "", REST_CORE, heavy=False)
    if not _add_carry(add, library, eq, lvl, dose):
        add(SECOND_CORE, dose.core_sets, "", REST_CORE, heavy=False)
    return StrengthSession(
        key=spec.key,
        day=spec.day,
        title=spec.title or session_title(spec),
        intensity=spec.intensity,
        reason=spec.reason,
        exercises=tuple(out),
        minutes=session_minutes(out),
        variant=spec.variant,
    )


def _lower_body_reps(reps: str) -> str:
    """Never more than LOWER_BODY_REPS_MAX reps a set on lower-body strength work (§6.1)."""
    per_side = "/side" if reps.endswith("/side") else ""
    parts = reps.removesuffix("/side").split("-")
    if not all(p.strip().isdigit() for p in parts):
        return reps
    capped = [str(min(int(p), D.LOWER_BODY_REPS_MAX)) for p in parts]
    return "-".join(dict.fromkeys(capped)) + per_side


def _plyometrics(spec: SessionSpec, library: Library, used: set[str]) -> list:
    """Jumps right after the warm-up: the week's contacts over one or two exercises of the tier."""
    tier, contacts = spec.plyo
    order = 1 if spec.variant == "A" else -1
    prefs = [*PLYO[tier][::order], *(x for t in range(tier - 1, 0, -1) for x in PLYO[t])]
    out = []
    left = contacts
    while left > 0 and len(out) < 2:
        ex = pick(library, prefs, spec.equipment, D.PLYO_TIERS["top"], used)
        if ex is None:
            break
        used.add(ex.id)
        per_set = max(1, ex.contacts_per_set)
        # Whole sets only, and never more landings than the week allows: the budget is a cap.
        sets = min(D.PLYO_MAX_SETS, left // per_set)
        if sets == 0:
            continue  # not one full set left for this exercise; a smaller one may fit
        done = sets * per_set
        out.append(_prescribe(ex, sets, ex.reps or "", "", f"{done} contacts", REST_LIGHT))
        left -= done
    return out


def _add_carry(add, library: Library, eq: Equipment, lvl: int, dose: Dose) -> bool:
    if pick(library, CARRIES, eq, lvl) is None:
        return False
    add(CARRIES, dose.core_sets, "", 60, heavy=False)
    return True


def session_title(spec: SessionSpec) -> str:
    if spec.intensity is Intensity.MOBILITY:
        return "Upper body, core and mobility"
    if spec.intensity is Intensity.UPPER_CORE:
        return "Upper body and core"
    lead = "squat and heavy push" if spec.variant == "A" else "hinge and heavy pull"
    if spec.intensity is Intensity.LIGHT:
        return f"Light strength {spec.variant}: {lead}"
    return f"Strength {spec.variant}: {lead}"
