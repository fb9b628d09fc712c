"""The self-test's Qt steps: the weekly PDF, the SVG icons and the platform plugin.

`operations.self_test` runs these after planning a week; they are the parts of a packaged app
that only load when a page is painted or a window opens (QtSvg and its plugins, the platform
plugin, fonts), so a build that drops one of them fails here and not in a runner's hands.
"""

from __future__ import annotations

from importlib import resources

from operations.self_test import SelfTest, Step


def render_pdf(state: SelfTest) -> str:
    from desktop.printing.pdf import export_pdf

    if not state.weeks:
        raise RuntimeError("no planned week (the plan step did not run)")
    path = export_pdf(state.weeks, state.folder / "week.pdf", today=state.today)
    head = path.read_bytes()[:5]
    if head != b"%PDF-" or path.stat().st_size < 1000:
        raise RuntimeError(f"{path.name} is not a PDF ({path.stat().st_size} bytes)")
    return f"weekly sheet written ({path.stat().st_size // 1024} KB)"


def load_icons(state: SelfTest) -> str:
    """Every SVG icon renders, and Qt's SVG image and icon plugins are loaded."""
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtSvg import QSvgRenderer

    from desktop.printing.pdf import ensure_gui_app

    ensure_gui_app()
    folder = resources.files("resources").joinpath("icons")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".svg"))
    for name in names:
        data = folder.joinpath(name).read_bytes().replace(b"#COLOR", b"#000000")
        if not QSvgRenderer(data).isValid():
            raise RuntimeError(f"icon {name} does not render")
    if b"svg" not in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]:
        raise RuntimeError("Qt's SVG image-format plugin is missing")
    if QIcon(str(folder.joinpath(names[0]))).pixmap(32, 32).isNull():
        raise RuntimeError("Qt's SVG icon-engine plugin is missing")
    return f"{len(names)} SVG icons render"


def platform_plugin(state: SelfTest) -> str:
    """The platform plugin the window would use loads (offscreen where there is no display)."""
    from PySide6.QtGui import QGuiApplication

    from desktop.printing.pdf import ensure_gui_app

    ensure_gui_app()
    name = QGuiApplication.platformName()
    screen = QGuiApplication.primaryScreen()
    if not name or screen is None:
        raise RuntimeError("no Qt platform plugin could be loaded")
    size = screen.size()
    return f"'{name}' loaded, screen {size.width()}x{size.height()}"


def qt_steps() -> list[Step]:
    return [("pdf", render_pdf), ("icons", load_icons), ("platform plugin", platform_plugin)]
