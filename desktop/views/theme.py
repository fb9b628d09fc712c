"""Light and dark: the palette follows the system colour scheme (Qt 6), with one accent set.

Custom painting asks `colors()` for the current scheme, so cards, dots and chart series stay
readable in both. `STRONGSTRIDE_THEME=light|dark` forces a scheme (screenshots, testing).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Colors:
    dark: bool
    window: QColor
    surface: QColor  # day cells, cards
    surface_alt: QColor  # weekends, past days
    border: QColor
    text: QColor
    muted: QColor
    accent: QColor  # today, selection
    run: QColor
    strength: QColor
    strength_done: QColor
    strength_skipped: QColor
    race: QColor
    load_low: QColor
    load_mid: QColor
    load_high: QColor
    on_accent: QColor  # text on accent, race and highlight fills


LIGHT = Colors(
    False,
    QColor("#f4f5f7"),
    QColor("#ffffff"),
    QColor("#f8f9fb"),
    QColor("#dfe2e7"),
    QColor("#1d2330"),
    QColor("#667085"),
    QColor("#2563eb"),
    QColor("#0f766e"),
    QColor("#7c3aed"),
    QColor("#15803d"),
    QColor("#9ca3af"),
    QColor("#c2410c"),
    QColor("#86efac"),
    QColor("#facc15"),
    QColor("#f97316"),
    QColor("#ffffff"),
)
DARK = Colors(
    True,
    QColor("#16181d"),
    QColor("#1f2229"),
    QColor("#1a1c22"),
    QColor("#30343d"),
    QColor("#e7e9ee"),
    QColor("#9aa3b2"),
    QColor("#60a5fa"),
    QColor("#2dd4bf"),
    QColor("#a78bfa"),
    QColor("#4ade80"),
    QColor("#6b7280"),
    QColor("#fb923c"),
    QColor("#4ade80"),
    QColor("#facc15"),
    QColor("#fb923c"),
    QColor("#0b1220"),
)


def is_dark() -> bool:
    forced = os.environ.get("STRONGSTRIDE_THEME", "").lower()
    if forced in ("light", "dark"):
        return forced == "dark"
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def colors() -> Colors:
    return DARK if is_dark() else LIGHT


def apply_theme(app: QApplication) -> None:
    """Fusion with a palette for the current scheme: same look on every platform."""
    app.setStyle("Fusion")
    c = colors()
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, c.window)
    pal.setColor(role.WindowText, c.text)
    pal.setColor(role.Base, c.surface)
    pal.setColor(role.AlternateBase, c.surface_alt)
    pal.setColor(role.Text, c.text)
    pal.setColor(role.Button, c.surface)
    pal.setColor(role.ButtonText, c.text)
    pal.setColor(role.ToolTipBase, c.surface)
    pal.setColor(role.ToolTipText, c.text)
    pal.setColor(role.PlaceholderText, c.muted)
    pal.setColor(role.Highlight, c.accent)
    pal.setColor(role.HighlightedText, c.on_accent)
    pal.setColor(role.Link, c.accent)
    pal.setColor(role.Mid, c.border)
    pal.setColor(role.Midlight, c.surface_alt)
    pal.setColor(role.Light, c.surface)
    pal.setColor(role.Dark, c.border)
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, c.muted)
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, c.muted)
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, c.muted)
    app.setPalette(pal)
    check = Path(
        str(resources.files("resources").joinpath("icons").joinpath("check.svg"))
    ).as_posix()
    app.setStyleSheet(
        _STYLE.format(
            check=check,
            on_accent=c.on_accent.name(),
            accent_soft=f"rgba({c.accent.red()}, {c.accent.green()}, {c.accent.blue()}, 90)",
            border=c.border.name(),
            muted=c.muted.name(),
            accent=c.accent.name(),
            surface=c.surface.name(),
            alt=c.surface_alt.name(),
            text=c.text.name(),
        )
    )


_STYLE = """
QListWidget#sidebar {{ border: none; background: {alt}; padding-top: 8px; font-size: 14px; }}
QListWidget#sidebar::item {{ padding: 9px 12px; border-radius: 6px; margin: 1px 8px; }}
QListWidget#sidebar::item:selected {{ background: {accent}; color: {on_accent}; }}
QLabel[role="title"] {{ font-size: 18px; font-weight: 600; }}
QLabel[role="muted"] {{ color: {muted}; }}
QLabel[role="heading"] {{ font-weight: 600; font-size: 13px; }}
QLabel#replanBanner {{ background: {alt}; border: 1px solid {accent}; border-radius: 6px; padding: 6px 10px; }}
QFrame#todayStrip {{ background: {surface}; border: 1px solid {border}; border-left: 4px solid {accent}; border-radius: 6px; }}
QProgressBar {{ border: 1px solid {border}; border-radius: 5px; background: {surface}; color: {text}; text-align: center; min-height: 18px; }}
QProgressBar::chunk {{ background: {accent_soft}; border-radius: 4px; }}
QFrame[role="panel"] {{ background: {surface}; border: 1px solid {border}; border-radius: 8px; }}
QToolButton[role="nav"] {{ padding: 4px 10px; border: 1px solid {border}; border-radius: 6px; background: {surface}; }}
QCheckBox {{ spacing: 8px; }}
QCheckBox::indicator {{ width: 15px; height: 15px; border: 1.5px solid {muted}; border-radius: 4px; background: {surface}; }}
QCheckBox::indicator:hover {{ border-color: {accent}; }}
QCheckBox::indicator:checked {{ background: {accent}; border-color: {accent}; image: url({check}); }}
QCheckBox::indicator:disabled {{ border-color: {border}; background: {alt}; }}
QToolButton[role="nav"]:checked {{ background: {accent}; color: {on_accent}; border-color: {accent}; }}
"""
