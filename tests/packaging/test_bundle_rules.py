"""What the packaged app leaves out of PyInstaller's collection (packaging/bundle.py)."""

from __future__ import annotations

import pytest

from tests.packaging.conftest import load_packaging_module

bundle = load_packaging_module("bundle")


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt6Qml.dll",
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
        "PySide6/Qt/translations/qt_de.qm",
        "PySide6/translations/qtbase_fr.qm",
        "PySide6/QtOpenGL.abi3.so",
        "PySide6/QtNetwork.pyd",
        "PySide6/opengl32sw.dll",
    ],
)
def test_parts_the_app_never_uses_are_left_out_on_every_platform(dest):
    assert not bundle.keep(dest, "linux")
    assert not bundle.keep(dest, "win32")
    assert not bundle.keep(dest, "darwin")


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/styles/libqmacstyle.dylib",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt6Svg.dll",
        "PySide6/QtCharts.abi3.so",
        "PySide6/QtPrintSupport.pyd",
        "numpy.libs/libscipy_openblas64_-32a4b2a6.so",
        "resources/icons/app.svg",
    ],
)
def test_what_the_window_the_charts_and_printing_need_is_kept(dest):
    assert bundle.keep(dest, "linux")
    assert bundle.keep(dest, "win32")


def test_libraries_every_linux_desktop_has_come_from_the_system_only_on_linux():
    for lib in ("libfontconfig.so.1", "libcups.so.2", "libgtk-3.so.0", "libssl.so.3"):
        assert not bundle.keep(lib, "linux"), lib
        assert bundle.keep(lib, "darwin"), lib


def test_python_and_qt_own_libraries_stay_in_the_linux_bundle():
    for lib in ("libpython3.11.so.1.0", "libsqlite3.so.0", "libxcb-cursor.so.0", "libstdc++.so.6"):
        assert bundle.keep(lib, "linux"), lib
