"""The app icon for every platform, drawn at build time from one SVG in resources/icons.

Qt renders `resources/icons/strongstride.svg` at each size; this module writes the PNGs into
Windows' `.ico` and macOS' `.icns` containers itself (both hold PNG images), so the build
needs no image tool besides Qt. Linux gets a 256-pixel PNG and the SVG.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "strongstride.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry type -> pixel size (the @2x types hold the same pixels as the next size up).
ICNS_TYPES = {
    b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512,
    b"ic10": 1024, b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512,
}  # fmt: skip


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG as a square PNG of `size` pixels, transparent around the drawing."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication(["app_icons"])  # kept alive with the function
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError(f"{SOURCE}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file holding one PNG per size (Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        png = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file: PNG entries of every size Finder and the Dock ask for."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out: Path, source: Path = SOURCE) -> dict[str, Path]:
    """Write strongstride.{png,svg,ico,icns} into `out`; returns them by suffix."""
    svg = source.read_bytes()
    sizes = sorted({*ICO_SIZES, *ICNS_TYPES.values()})
    pngs = {size: render_png(svg, size) for size in sizes}
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "png": (pngs[256], out / "strongstride.png"),
        "svg": (svg, out / "strongstride.svg"),
        "ico": (ico({s: pngs[s] for s in ICO_SIZES}), out / "strongstride.ico"),
        "icns": (icns(pngs), out / "strongstride.icns"),
    }
    for data, path in files.values():
        path.write_bytes(data)
    return {suffix: path for suffix, (_, path) in files.items()}


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    for path in make_icons(root / "build" / "icons").values():
        print(path)
