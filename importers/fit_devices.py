"""Readable names for FIT's numeric device and exercise codes, from fitdecode's FIT profile.

Both decoders hand over raw numbers here, so both paths name a device the same way.
"""

from __future__ import annotations

from typing import Any

from fitdecode import profile as _profile

_PRODUCTS = _profile.FIELD_TYPES["garmin_product"].enum
_MANUFACTURERS = _profile.FIELD_TYPES["manufacturer"].enum
_CATEGORIES = _profile.FIELD_TYPES["exercise_category"].enum
_GARMIN_FAMILY = {"garmin", "dynastream", "dynastream_oem", "tacx"}
_MAX_LEN = 64


def device_name(file_id: dict[str, Any]) -> str | None:
    """e.g. 'garmin fr965', 'Suunto 9 Baro', 'zwift'; None when the file names no maker."""
    name = file_id.get("product_name")
    if isinstance(name, str) and name.strip():
        return name.strip()[:_MAX_LEN]
    maker = file_id.get("manufacturer")
    if isinstance(maker, int):
        maker = _MANUFACTURERS.get(maker, f"manufacturer {maker}")
    if not maker:
        return None
    product = file_id.get("product")
    if isinstance(product, int) and maker in _GARMIN_FAMILY:
        product = _PRODUCTS.get(product, product)
    if product in (None, 0):
        return str(maker)[:_MAX_LEN]
    return f"{maker} {product}"[:_MAX_LEN]


def exercise_category(value: Any) -> str | None:
    """The watch's first guess of the exercise, e.g. 'squat'."""
    guesses = value if isinstance(value, list | tuple) else [value]
    for guess in guesses:
        if isinstance(guess, str):
            return guess
        if isinstance(guess, int) and guess < 0xFFFE:
            return _CATEGORIES.get(guess, f"category {guess}")
    return None
