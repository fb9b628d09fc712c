"""The app icon in every platform's format, drawn from one SVG (packaging/app_icons.py)."""

from __future__ import annotations

import struct

from PySide6.QtGui import QImage, QImageReader

from tests.packaging.conftest import load_packaging_module

app_icons = load_packaging_module("app_icons")


def test_windows_icon_holds_every_size_from_16_to_256(qapp, tmp_path):
    icons = app_icons.make_icons(tmp_path)
    reader = QImageReader(str(icons["ico"]))
    sizes = []
    for _ in range(reader.imageCount()):
        sizes.append(reader.read().width())
        reader.jumpToNextImage()
    assert sorted(sizes) == list(app_icons.ICO_SIZES)


def test_mac_icon_entries_are_pngs_of_their_advertised_size(qapp, tmp_path):
    data = app_icons.make_icons(tmp_path)["icns"].read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    seen, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        image = QImage.fromData(data[pos + 8 : pos + length], "PNG")
        seen[kind] = image.width()
        pos += length
    assert seen == app_icons.ICNS_TYPES


def test_linux_icon_is_the_drawing_not_an_empty_square(qapp, tmp_path):
    image = QImage(str(app_icons.make_icons(tmp_path)["png"]))
    assert image.width() == 256
    centre, corner = image.pixelColor(128, 128), image.pixelColor(0, 0)
    assert corner.alpha() == 0  # rounded corner: transparent
    assert centre.alpha() == 255  # the drawing itself
