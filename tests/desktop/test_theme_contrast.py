"""Light and dark both read well: text colours against their backgrounds meet WCAG AA."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from desktop.views.theme import DARK, LIGHT


def luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_text_meets_aa_contrast_on_every_background(scheme):
    for background in (scheme.window, scheme.surface, scheme.surface_alt):
        assert contrast(scheme.text, background) >= 7.0
        assert contrast(scheme.muted, background) >= 4.5
    assert contrast(scheme.on_accent, scheme.accent) >= 4.5  # today, selection, buttons
    assert contrast(scheme.on_accent, scheme.race) >= 3.0  # bold badge letter
    assert contrast(scheme.race, scheme.surface) >= 3.0  # race names in the cells
