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
    """The one duration format of the window: '53 min', '1 h 08'."""
    if seconds is None:
        return "–"
    minutes = int(round(seconds / 60))
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def pace(distance_m: float | None, seconds: float | None, units: str = "km") -> str:
    """Minutes per km or per mile, as runners say it: '5:12 /km'."""
    if not distance_m or not seconds or distance_m < 100:
        return ""
    per_unit = seconds / (distance_m / 1000 / (KM_PER_MILE if units == "mi" else 1))
    s = int(round(per_unit))
    return f"{s // 60}:{s % 60:02d} /{units}"


LOAD_METHODS = {
    "hr_samples": "heart rate",
    "hr_average": "average heart rate",
    "zones": "heart-rate zones",
    "pace": "pace",
    "session_rpe": "effort × minutes",
    "duration": "duration (rough)",
}


def load_method(method: str | None) -> str:
    """How a load was worked out, in words ('hr_samples' is 'heart rate')."""
    if not method:
        return ""
    return tr(LOAD_METHODS.get(method, method.replace("_", " ")))


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
