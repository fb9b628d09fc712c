"""How numbers read in the window: distances in the runner's unit, durations, loads, phases."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planner.model import Intensity, Phase

KM_PER_MILE = 1.609344


def tr(text: str) -> str:
    return QCoreApplication.translate("StrongStride", text)


def distance(metres: float | None, units: str = "km", *, digits: int = 1) -> str:
    if metres is None:
        return "–"
    if units == "mi":
        return f"{metres / 1000 / KM_PER_MILE:.{digits}f} mi"
    return f"{metres / 1000:.{digits}f} km"


def km_value(km: float, units: str = "km") -> float:
    return km / KM_PER_MILE if units == "mi" else km


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes = int(round(seconds / 60))
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    s = int(round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def clock_short(seconds: float | None) -> str:
    """h:mm, for narrow places (1:08 is one hour eight minutes)."""
    if seconds is None:
        return "–"
    minutes = int(round(seconds / 60))
    return f"{minutes // 60}:{minutes % 60:02d}"


def phase_name(phase: Phase | str) -> str:
    names = {
        Phase.NO_RACE: tr("No race planned"),
        Phase.OFF_SEASON: tr("Off-season"),
        Phase.BASE: tr("Base"),
        Phase.BUILD: tr("Build"),
        Phase.PEAK: tr("Peak"),
        Phase.TAPER: tr("Taper"),
        Phase.RACE_WEEK: tr("Race week"),
        Phase.RECOVERY: tr("Recovery"),
        Phase.TRANSITION: tr("Transition"),
    }
    try:
        return names[Phase(phase)]
    except ValueError:
        return str(phase)


def intensity_name(intensity: Intensity | str) -> str:
    names = {
        Intensity.FULL: tr("Full session"),
        Intensity.UPPER_CORE: tr("Upper body and core"),
        Intensity.LIGHT: tr("Light session"),
        Intensity.MOBILITY: tr("Mobility only"),
    }
    try:
        return names[Intensity(intensity)]
    except ValueError:
        return str(intensity)


def sport_name(sport: str) -> str:
    return {
        "running": tr("Run"),
        "cycling": tr("Ride"),
        "swimming": tr("Swim"),
        "walking": tr("Walk"),
        "hiking": tr("Hike"),
        "strength": tr("Strength"),
    }.get(sport, sport.replace("_", " ").capitalize())


def dose(sets: int, reps: str | None, seconds: str | None) -> str:
    if seconds:
        return f"{sets} × {seconds} s"
    if reps:
        return f"{sets} × {reps}"
    return f"{sets} sets"
