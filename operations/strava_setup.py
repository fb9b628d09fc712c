"""The three steps a runner takes once on Strava's site before connecting.

Kept apart from `operations.strava` so the window can show them without loading stravalib.
"""

from __future__ import annotations

CALLBACK_DOMAIN = "localhost"
API_SETTINGS_URL = "https://www.strava.com/settings/api"
SETUP_STEPS = (
    f"Open {API_SETTINGS_URL} and create an API application (any name, category and website "
    "will do; Strava lets it read your own account only).",
    f'Enter "{CALLBACK_DOMAIN}" as its Authorization Callback Domain.',
    "Copy its Client ID and Client Secret into StrongStride and connect.",
)
