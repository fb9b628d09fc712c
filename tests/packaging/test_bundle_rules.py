"""What the packaged app leaves out of PyInstaller's collection (packaging/bundle.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import load_packaging_module

bundle = load_packaging_module("bundle")
REPO = Path(__file__).resolve().parents[2]


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


def test_compression_libraries_come_from_the_linux_system():
    for lib in ("libz.so.1", "liblzma.so.5", "libbz2.so.1.0", "libzstd.so.1"):
        assert not bundle.keep(lib, "linux"), lib
        assert bundle.keep(lib, "darwin"), lib


def test_linux_keeps_the_secret_service_keychain_and_its_cryptography():
    linux = bundle.excluded_modules("linux")
    assert not {"secretstorage", "jeepney", "cryptography"} & set(linux)
    for platform in ("win32", "darwin"):
        assert {"secretstorage", "jeepney", "cryptography"} <= set(
            bundle.excluded_modules(platform)
        )


IMPORT_EVERYTHING = """
import importlib, pkgutil, sys  # __main__ would run the app; Alembic runs the migrations
for package in ("cli", "desktop", "operations", "importers", "store", "planner"):
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        if not info.name.endswith("__main__") and ".migrations" not in info.name:
            importlib.import_module(info.name)
import stravalib.client, stravalib.model, keyring.backends.SecretService, secretstorage
print("\\n".join(sorted(sys.modules)))
"""


def test_nothing_the_app_and_strava_import_is_excluded():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING], capture_output=True, text=True, check=True,
        cwd=REPO, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    imported = result.stdout.split()
    assert "stravalib.model" in imported and "secretstorage" in imported
    for excluded in bundle.excluded_modules("linux"):
        if excluded == "_decimal":  # excluded on purpose: decimal falls back to _pydecimal
            continue
        hits = [m for m in imported if m == excluded or m.startswith(excluded + ".")]
        assert not hits, f"{excluded} is excluded but the app imports {hits[:3]}"


def test_pydantic_and_numpy_extras_the_app_never_runs_are_excluded():
    excluded = set(bundle.excluded_modules("linux"))
    assert {
        "hypothesis",
        "rich",
        "pydantic.v1",
        "numpy.ma",
        "sqlalchemy.dialects.mysql",
    } <= excluded
