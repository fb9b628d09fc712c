"""What the packaged app leaves out: the parts of Qt and of the build machine it never uses.

PyInstaller collects whatever Qt's plugins link to, so one unused plugin drags in whole
libraries: the virtual-keyboard input plugin brings QtQuick and QtQml, the PDF image plugin
QtPdf and QtNetwork, the GTK3 theme plugin half of GTK with cairo and pango, the CUPS print
plugin's dependencies a Kerberos and TLS stack. The spec passes every collected file through
`keep()`. A plugin folder listed in PLUGINS keeps only the plugins named there; one listed in
UNUSED_PLUGIN_FOLDERS goes whole; any other folder (styles, printsupport, the xcb helpers)
stays. On Linux the libraries every desktop provides (X11/xcb, fontconfig, freetype,
GLib, D-Bus, CUPS and what they link; the AppImage exclude list is the usual reference) are
taken from the system, which keeps them matched to its fonts and display server. Python
modules reached only by test tools, debugging aids or databases other than SQLite are
excluded (UNUSED_MODULES); tests/packaging checks that nothing the app imports is among them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

# Plugin folder -> plugins kept (file name without "lib" and extension), for every platform.
PLUGINS = {
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "platformthemes": {"qxdgdesktopportal"},
    "imageformats": {"qsvg"},  # the icons; PNG is built into Qt, the app shows no photos
    "iconengines": {"qsvgicon"},
}
UNUSED_PLUGIN_FOLDERS = {
    "generic", "tls", "networkinformation", "egldeviceintegrations", "sqldrivers",
    "qmltooling", "position", "multimedia", "virtualkeyboard", "renderers", "scenegraph",
    # Wayland sessions run X11 apps through XWayland; the Wayland plugin needs libwayland-*,
    # which not every system has (PyInstaller cannot bundle what the build machine lacks).
    "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-shell-integration", "wayland-graphics-integration-server",
}  # fmt: skip

# Qt libraries only the dropped plugins and bindings need (Charts needs OpenGL, Gui needs DBus).
UNUSED_QT_LIBS = {
    "Quick", "Qml", "QmlMeta", "QmlModels", "QmlWorkerScript", "VirtualKeyboard",
    "VirtualKeyboardQml", "Pdf", "Network", "EglFSDeviceIntegration", "EglFsKmsSupport",
    "QuickControls2", "QuickTemplates2", "QmlCore", "WaylandClient", "WlShellIntegration",
}  # fmt: skip
# Python bindings the app never imports.
UNUSED_BINDINGS = {"QtOpenGL", "QtOpenGLWidgets", "QtNetwork", "QtDBus"}
# Windows' software OpenGL fallback (20 MB); nothing in the app draws with OpenGL.
UNUSED_FILES = {"opengl32sw.dll"}

# Python modules left out (PyInstaller's `excludes`): each is reached only from code the app
# never runs. Sizes are what each took in the app's compressed archive (PYZ), which is stored
# as it is in the download, so every MB here is a MB off the folder and off the tarball.
UNUSED_MODULES = [
    "tkinter", "readline",
    "_decimal",  # decimal falls back to its pure-Python twin
    # Syntax highlighting (Mako's error pages), the docs browser (only numpy.info() uses it),
    # doctest and unittest (0.1 MB; only test helpers import them).
    "pygments", "pydoc", "pydoc_data", "doctest", "unittest",
    # NumPy's random numbers, FFT, polynomials, masked arrays (0.15 MB), ctypes helpers,
    # Fortran and test helpers, and its C test module (0.1 MB, added by NumPy's own hook).
    "numpy.random", "numpy.fft", "numpy.polynomial", "numpy.ma", "numpy.ctypeslib",
    "numpy.matlib", "numpy.f2py", "numpy.distutils", "numpy.testing",
    "numpy._core._multiarray_tests",
    "sqlalchemy.testing",
    # SQLAlchemy dialects other than SQLite (0.37 MB); PostgreSQL's stays because Alembic's
    # DDL module imports it whatever the database.
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.oracle",
    # pydantic (Strava's models) brings its pytest plugin for Hypothesis (hypothesis and
    # sortedcontainers: 0.86 MB archived + 0.39 MB of data), its debug pretty-printer (rich,
    # markdown_it, mdurl: 0.64 MB), its mypy plugin, and its V1 API (0.27 MB), which it
    # imports only for types with `__get_validators__`, and stravalib has none.
    "hypothesis", "sortedcontainers", "rich", "markdown_it", "mdurl", "pydantic.mypy",
    "pydantic.v1",
]  # fmt: skip
# Windows and macOS: only the platform's own keychain works there; Secret Service (Linux)
# would bring `cryptography` (12 MB) for nothing; without it that backend reports itself
# unusable. Linux keeps it: Strava's tokens live in the Secret Service keychain.
NOT_LINUX_MODULES = ["secretstorage", "jeepney", "cryptography"]


def excluded_modules(platform: str) -> list[str]:
    """The modules PyInstaller leaves out on `platform` (sys.platform)."""
    if platform.startswith("linux"):
        return list(UNUSED_MODULES)
    return UNUSED_MODULES + NOT_LINUX_MODULES


# Linux: libraries taken from the system (name before ".so").
LINUX_SYSTEM_LIBS = {
    # X11, xcb and keyboard
    "libX11", "libX11-xcb", "libXau", "libXdmcp", "libXext", "libXrender", "libxkbcommon",
    "libxkbcommon-x11", "libbsd", "libmd",
    # fonts and text
    "libfontconfig", "libfreetype", "libexpat", "libpng16", "libbrotlicommon", "libbrotlidec",
    "libharfbuzz", "libgraphite2",
    # GLib and D-Bus
    "libglib-2.0", "libgobject-2.0", "libgio-2.0", "libgmodule-2.0", "libgthread-2.0",
    "libpcre2-8", "libdbus-1", "libsystemd", "libcap", "libgcrypt", "libgpg-error", "liblz4",
    "libselinux", "libmount", "libblkid",
    # CUPS (the print plugin) and what it links
    "libcups", "libgnutls", "libavahi-client", "libavahi-common", "libgssapi_krb5", "libkrb5",
    "libk5crypto", "libkrb5support", "libcom_err", "libkeyutils", "libp11-kit", "libtasn1",
    "libidn2", "libunistring", "libnettle", "libhogweed", "libgmp",
    # zlib, xz, bzip2 and zstd (Qt, Python's zlib/lzma/bz2; 1.1 MB): the package managers
    # (dpkg, rpm, pacman) link all four, so no distribution is without them
    "libz", "liblzma", "libbz2", "libzstd",
    # OpenSSL 3 (Python's ssl and hashlib; every distribution with glibc 2.35 or newer has it)
    "libssl", "libcrypto",
    # GTK (only the GTK3 theme plugin, which is not bundled, links these)
    "libgtk-3", "libgdk-3", "libatk-1.0", "libcairo", "libcairo-gobject", "libpango-1.0",
    "libpangocairo-1.0", "libpangoft2-1.0", "libgdk_pixbuf-2.0", "libpixman-1", "libthai",
    "libdatrie", "libfribidi", "libjpeg", "libepoxy",
}  # fmt: skip

_LIB = re.compile(r"^(?:lib)?(.+?)(?:\.so.*|\.dll|\.dylib)?$")
_QT_LIB = re.compile(r"^(?:lib)?Qt6?([A-Za-z0-9]+?)(?:\.so.*|\.dll|\.dylib|\.framework)?$")


def _plugin_name(file_name: str) -> str:
    match = _LIB.match(file_name)
    return match.group(1) if match else file_name


def keep(dest: str, platform: str) -> bool:
    """False for a collected file (its path inside the bundle) the app never uses."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    if path.name in UNUSED_FILES or "translations" in parts[:3] and parts[0] == "PySide6":
        return False
    if "plugins" in parts:
        rest = parts[parts.index("plugins") + 1 :]
        if len(rest) >= 2 and rest[0] in UNUSED_PLUGIN_FOLDERS:
            return False
        if len(rest) == 2 and rest[0] in PLUGINS:
            return _plugin_name(rest[1]) in PLUGINS[rest[0]]
        return True
    for part in parts:
        qt = _QT_LIB.match(part)
        if qt and part.startswith(("libQt", "Qt")) and qt.group(1) in UNUSED_QT_LIBS:
            return False
    if parts[0] == "PySide6" and len(parts) == 2 and path.name.split(".")[0] in UNUSED_BINDINGS:
        return False
    if platform.startswith("linux") and len(parts) == 1:
        return path.name.split(".so")[0] not in LINUX_SYSTEM_LIBS
    return True
