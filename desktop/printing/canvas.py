"""Measuring and drawing primitives for the printed sheet.

Every drawing call here can also run in "measure only" mode (no painter): the sheet lays itself
out once per font scale without painting, picks the largest scale that fits one page, then
paints with exactly the same code, so what was measured is what is drawn.

All lengths given to this module are in points (1/72 inch) and converted to device units with
the device's resolution, so one layout serves a 300 dpi PDF and a printer at any resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen

FONT_FAMILIES = ["Helvetica Neue", "Helvetica", "Arial", "Segoe UI", "DejaVu Sans"]

INK = QColor(0, 0, 0)
GREY_TEXT = QColor(70, 70, 70)
RULE = QColor(150, 150, 150)
SHADE = QColor(232, 232, 232)


_WRAP_CACHE: dict[tuple, list[str]] = {}


@dataclass
class Canvas:
    """Where and how big to draw: device, resolution, font scale; painter is None to measure."""

    device: QPaintDevice
    scale: float = 1.0
    painter: QPainter | None = None
    _fonts: dict[tuple[float, bool, bool], QFont] = field(default_factory=dict, repr=False)
    _metrics: dict[tuple[float, bool, bool], QFontMetricsF] = field(
        default_factory=dict, repr=False
    )

    @property
    def unit(self) -> float:
        """Device units per point."""
        return self.device.logicalDpiY() / 72.0

    def pt(self, points: float) -> float:
        """A fixed length (rules, margins) in device units, shrunk with the font scale."""
        return points * self.unit * self.scale

    def font(self, size: float, *, bold: bool = False, italic: bool = False) -> QFont:
        key = (round(size * self.scale, 2), bold, italic)
        if key not in self._fonts:
            font = QFont()
            font.setFamilies(FONT_FAMILIES)
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            # No "ff"/"fi" ligatures: a copied or searched PDF should say "Stiff", not "Sti\ufb00".
            if hasattr(QFont, "Tag"):  # Qt 6.7+; older Qt keeps its ligatures
                font.setFeature(QFont.Tag("liga"), 0)
            font.setPointSizeF(key[0])
            font.setBold(bold)
            font.setItalic(italic)
            self._fonts[key] = font
            self._metrics[key] = QFontMetricsF(font, self.device)
        return self._fonts[key]

    def metrics(self, font: QFont) -> QFontMetricsF:
        key = (round(font.pointSizeF(), 2), font.bold(), font.italic())
        return self._metrics[key]

    def line_height(self, font: QFont) -> float:
        return self.metrics(font).height() * 1.08

    def wrap(self, font: QFont, text: str, width: float) -> list[str]:
        """Word-wrap `text` to `width`; a word longer than the width is split between letters.

        Results are remembered per resolution and font: a season repeats the same exercise
        names, cues and checklist items week after week.
        """
        key = (self.device.logicalDpiY(), font.key(), text, round(width, 1))
        lines = _WRAP_CACHE.get(key)
        if lines is None:
            if len(_WRAP_CACHE) > 50_000:
                _WRAP_CACHE.clear()
            lines = _WRAP_CACHE[key] = self._wrap(font, text, width)
        return list(lines)

    def _wrap(self, font: QFont, text: str, width: float) -> list[str]:
        fm = self.metrics(font)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            current = ""
            for word in paragraph.split():
                candidate = f"{current} {word}" if current else word
                if fm.horizontalAdvance(candidate) <= width:
                    current = candidate
                    continue
                if current:
                    lines.append(current)
                current = ""
                while fm.horizontalAdvance(word) > width and len(word) > 1:
                    cut = _longest_prefix(fm, word, width)
                    lines.append(word[:cut])
                    word = word[cut:]
                current = word
            lines.append(current)
        return lines

    def text(
        self,
        font: QFont,
        x: float,
        y: float,
        width: float,
        text: str,
        *,
        color: QColor = INK,
        align_right: bool = False,
    ) -> float:
        """Draw wrapped text with its top at y; returns the height used."""
        if not text:
            return 0.0
        lines = self.wrap(font, text, width)
        step = self.line_height(font)
        if self.painter is not None:
            fm = self.metrics(font)
            self.painter.setFont(font)
            self.painter.setPen(color)
            for i, line in enumerate(lines):
                lx = x + width - fm.horizontalAdvance(line) if align_right else x
                self.painter.drawText(QPointF(lx, y + i * step + fm.ascent()), line)
        return step * len(lines)

    def text_width(self, font: QFont, text: str) -> float:
        return self.metrics(font).horizontalAdvance(text)

    def rule(self, x1: float, y: float, x2: float, *, weight: float = 0.5, color=RULE) -> None:
        if self.painter is not None:
            self.painter.setPen(QPen(color, self.pt(weight)))
            self.painter.drawLine(QPointF(x1, y), QPointF(x2, y))

    def box(self, x: float, y: float, w: float, h: float, *, weight: float = 0.6) -> None:
        """An empty box to tick or write in."""
        if self.painter is not None:
            self.painter.setPen(QPen(INK, self.pt(weight)))
            self.painter.setBrush(Qt.BrushStyle.NoBrush)
            self.painter.drawRect(QRectF(x, y, w, h))

    def fill(self, x: float, y: float, w: float, h: float, color: QColor) -> None:
        if self.painter is not None:
            self.painter.fillRect(QRectF(x, y, w, h), color)


def _longest_prefix(fm: QFontMetricsF, word: str, width: float) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fm.horizontalAdvance(word[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo
