"""What a watch knows about its wearer (`user_profile`, `zones_target`, `hr_zone` messages),
offered to the runner as profile suggestions; never applied silently."""

from __future__ import annotations

from datetime import UTC, date, datetime
from statistics import median
from typing import Any

from importers.fit_messages import FIT_MIN_ABSOLUTE, FitMessages
from importers.records import RESTING_DAYS, ProfileSuggestion


def profile_suggestion(msgs: FitMessages, file_id: dict[str, Any]) -> ProfileSuggestion | None:
    """HR max, resting and threshold HR, birth year and sex as the watch knows them."""
    users, zones = msgs.get("user_profile"), msgs.get("zones_target")
    user = users[0] if users else {}
    zone = zones[0] if zones else {}
    highs = [z.get("high_bpm") for z in msgs.get("hr_zone") if isinstance(z.get("high_bpm"), int)]
    hr_max = zone.get("max_heart_rate") or user.get("default_max_heart_rate")
    if hr_max is None and highs:
        hr_max = max(highs)
    birth_year = None
    created = file_id.get("time_created")
    if isinstance(user.get("age"), int) and created and created >= FIT_MIN_ABSOLUTE:
        birth_year = datetime.fromtimestamp(created, UTC).year - user["age"]
    gender = user.get("gender")
    daily = resting_hr_by_day(msgs)
    # DOMAIN §2.3: the median of the last 14 daily watch values beats the profile's figure.
    rest = (
        round(median(v for _, v in daily[-RESTING_DAYS:]))
        if daily
        else user.get("resting_heart_rate")
    )
    suggestion = ProfileSuggestion(
        source="watch",
        hr_max=_int_or_none(hr_max),
        hr_rest=_int_or_none(rest),
        resting_hr_by_day=daily,
        threshold_hr=_int_or_none(zone.get("threshold_heart_rate")),
        birth_year=birth_year,
        sex=gender if gender in ("male", "female") else None,
    )
    return None if suggestion.is_empty() else suggestion


def resting_hr_by_day(msgs: FitMessages) -> tuple[tuple[date, int], ...]:
    """The watch's daily resting HR (`monitoring_hr_data`: today's value, else the 7-day one),
    one per day, oldest first."""
    days: dict[date, int] = {}
    for m in msgs.get("monitoring_hr_data"):
        value = m.get("current_day_resting_heart_rate") or m.get("resting_heart_rate")
        ts = m.get("timestamp")
        if isinstance(value, int) and value > 0 and ts is not None and ts >= FIT_MIN_ABSOLUTE:
            days[datetime.fromtimestamp(ts, UTC).date()] = value
    return tuple(sorted(days.items()))


def _int_or_none(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and value > 0 else None
