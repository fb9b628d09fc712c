"""One sentence per decision, from a template id plus values (DOMAIN.md §8).

The template ids are part of the plan's facts, so the GUI, tests and translations can key on them
instead of on wording.
"""

from __future__ import annotations

from datetime import date

TEMPLATES = {
    # DOMAIN.md §8
    "freq_low_volume": (
        "{n} sessions: you ran {recent_min} min/week lately, {pct}% below your usual "
        "{typical_min}, so there is room to build strength."
    ),
    "freq_high_volume": (
        "One session: you are running {pct}% more than usual, so one a week is enough."
    ),
    "freq_baseline": "One session: the standard dose for a normal running week.",
    "phase_base": (
        "Two sessions: {weeks_to_race} weeks before {race_name} is the time to build strength; "
        "later one a week keeps it."
    ),
    "taper": "Same weights, half the sets: you are tapering for {race_name} on {race_date}.",
    "race_week_a": (
        "One light session on {day}: {race_name} is {days_to_race} away and your legs "
        "need 3 clear days."
    ),
    "post_race": (
        "Mobility only until {date}: legs need about {recovery_days} after a {distance}."
    ),
    "return_ramp": (
        "Lighter sessions (effort ≤ {rpe_max}/10): {gap_days} since your last leg "
        "session; full sessions from {date}."
    ),
    "beginner": (
        "Learning week {k} of 4: body weight and light weights; jumps unlock in {weeks_left} weeks."
    ),
    "place_downgraded": (
        "{day} is the day before your {next_run}, so this one is upper body and core only."
    ),
    # §4.1 lines, used when no template above matches
    "phase_line": "{count}: {line}",
    "freq_compliance": (
        "One session: you skipped {skipped} of the last {logged} sessions you logged, so one a "
        "week that you can keep is the plan."
    ),
    "future_week": "(planned from your running up to {today}; it follows what you actually run)",
    "place_no_leg_day": (
        "Your strength days ({days}) all fall before a long run or key workout, so legs get no "
        "session this week; adding {suggestion} would fit one."
    ),
    "injury": (
        "Upper body and core only while you are marked injured; have the injury checked by a "
        "physiotherapist or doctor before loading it again."
    ),
    "illness": (
        "No strength while you are marked ill; sessions return gently once you are well (see "
        "the return ramp)."
    ),
    # Situations §8 has no template for
    "facts_volume": "Recent weeks averaged {recent} against your usual {typical}",
    "facts_volume_km": "That is about {recent_km:g} km a week against your usual {typical_km:g} km",
    "facts_race": "your next A race, {race_name}, is {weeks_away} away",
    "facts_no_race": "no A race is planned",
    "beginner_second": (
        "Plus a short second session, as you asked: one set of each, for learning weeks 1-4."
    ),
    "beginner_short": "Short second session: one set of each at effort 5-6, about {minutes} min.",
    "week_done": "You did {done}.",
    "week_done_skipped": "You did {done}; {skipped} skipped.",
    "week_so_far": "So far you did {done}.",
    "week_so_far_skipped": "So far you did {done}; {skipped} skipped.",
    "race_week_past": (
        "No strength this week: the days for a light session before {race_name} were already "
        "past when the plan began."
    ),
    "race_week_none": (
        "No strength this week: no day before {race_name} leaves your legs 3 clear days."
    ),
    "count_lowered": "Only {n} fit this week: {why}.",
    "why_unseen_past": "the plan starts on {day}, and the days before it are already past",
    "count_none_fit": "None fits this week: {why}.",
    "place_best_day": "{day}: {why}.",
    "race_week_light": (
        "Light session: {race_name} is {days_to_race} away, so 1-2 sets of 3-5 at effort 5-6."
    ),
    "taper_session": "Same weights, half the sets, effort ≤ 7: tapering for {race_name}.",
    "after_race_light": "First session after {race_name}: half the sets, effort ≤ 6.",
    "b_race_light": "Light session: {race_name} is in 3 days.",
    "development": (
        "Strength-building weeks: {sets} sets of {reps} on the legs at effort {rpe}, 2-3 reps "
        "in reserve."
    ),
    "development_upper": (
        "Strength-building weeks: {sets} sets of {reps} on the heavy upper-body lift at effort "
        "{rpe}."
    ),
    "maintenance_upper": "Maintenance: same weights as before, {sets} sets, effort {rpe}.",
    "maintenance": "Maintenance: same weights as before, {sets} sets, effort {rpe}.",
    "injury_session": "Upper body, core and mobility only until the injury flag is cleared.",
}

PHASE_LINES = {
    "off_season": "Light running weeks leave room to build strength.",
    "transition": "Light running weeks leave room to build strength.",
    "base": "Build strength now; later one session a week keeps it.",
    "build": "Running comes first; one session keeps your strength.",
    "peak": "Maintenance: same weights, fewer sets.",
    "taper": "Tapering: same weights, half the sets.",
    "race_week": "One light session, at least 4 days before the race.",
    "recovery": "Mobility only while your legs recover.",
    "no_race": "One session is the standard dose for a normal running week.",
}

NUMBER_WORDS = {0: "No sessions", 1: "One session", 2: "Two sessions", 3: "Three sessions"}


def day_label(day: date) -> str:
    """'Tue 2 Dec': short and unambiguous in a sentence."""
    return f"{day:%a} {day.day} {day:%b}"


# Values counted in days, written with their unit: "1 day", "5 days", "over 28 days".
DAY_COUNTS = {"days_to_race", "recovery_days", "gap_days"}


def days_words(n: object) -> str:
    return "1 day" if n == 1 else f"{n} days"


def render(template_id: str, **values: object) -> str:
    """The sentence for a decision; dates are written as day labels, day counts with "day(s)"."""
    shown = {
        k: day_label(v) if isinstance(v, date) else days_words(v) if k in DAY_COUNTS else v
        for k, v in values.items()
    }
    return TEMPLATES[template_id].format(**shown)


def count_words(n: int) -> str:
    return NUMBER_WORDS.get(n, f"{n} sessions")
