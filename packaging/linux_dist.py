"""Linux: strip the one-folder app, check its libraries resolve, add a .desktop file, tar it.

Stripping the debug symbols PyInstaller leaves in the collected libraries saves tens of MB, but
NumPy's OpenBLAS (and the libraries beside it in numpy.libs) break when stripped, so their
symbol tables are cut out by elf_symbols.py instead, which moves nothing the loader reads; the
executable itself carries the app's archive at its end and is never stripped.
After the strip every library must still find what it links to, in the bundle or on the
system (packaging/bundle.py leaves the libraries every desktop has to the system).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

NEVER_STRIP = ("numpy.libs", "openblas")

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=StrongStride
GenericName=Strength training planner
Comment=Strength training planned around the running you actually did
Exec={exec} %F
Icon={icon}
Terminal=false
Categories=Sports;Utility;
MimeType=application/vnd.ant.fit;application/x-fit;
Keywords=running;strength;training;garmin;fit;
"""


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def strip_libraries(app: Path) -> int:
    """Strip every shared library under _internal except OpenBLAS; returns how many."""
    libs = [
        p
        for p in _elf_files(app / "_internal")
        if not any(part in str(p.relative_to(app)) for part in NEVER_STRIP)
    ]
    for chunk in range(0, len(libs), 100):
        subprocess.run(
            ["strip", "--strip-unneeded", *map(str, libs[chunk : chunk + 100])], check=True
        )
    return len(libs)


def drop_unstrippable_symbols(app: Path) -> int:
    """Bytes saved by cutting the symbol tables out of the libraries `strip` would break."""
    from elf_symbols import drop_symbols

    libs = [
        p
        for p in _elf_files(app / "_internal")
        if any(part in str(p.relative_to(app)) for part in NEVER_STRIP)
    ]
    return sum(drop_symbols(p) for p in libs)


def unresolved_libraries(app: Path) -> list[str]:
    """Lines of `ldd` saying a bundled library links to something found nowhere."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(app / "_internal"))
    missing = []
    for path in _elf_files(app):
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        missing += [
            f"{path.relative_to(app)}: {line.strip()}"
            for line in result.stdout.splitlines()
            if "not found" in line
        ]
    return missing


def add_desktop_entry(app: Path, icons: dict[str, Path]) -> Path:
    """The icon and a .desktop file (with the app's own path) for the runner to install."""
    share = app / "share"
    share.mkdir(exist_ok=True)
    shutil.copy2(icons["png"], share / "strongstride.png")
    shutil.copy2(icons["svg"], share / "strongstride.svg")
    entry = share / "strongstride.desktop"
    entry.write_text(DESKTOP_ENTRY.format(exec="StrongStride", icon="strongstride"))
    install = app / "install-desktop-entry.sh"
    install.write_text(INSTALL_SCRIPT)
    install.chmod(0o755)
    return entry


INSTALL_SCRIPT = """#!/bin/sh
# Adds StrongStride to the applications menu (and `strongstride` to ~/.local/bin) for this user.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
mkdir -p "$apps" "$icons/256x256/apps" "$icons/scalable/apps" "$HOME/.local/bin"
cp "$here/share/strongstride.png" "$icons/256x256/apps/strongstride.png"
cp "$here/share/strongstride.svg" "$icons/scalable/apps/strongstride.svg"
sed "s|^Exec=StrongStride|Exec=\\"$here/StrongStride\\"|" "$here/share/strongstride.desktop" \\
    > "$apps/strongstride.desktop"
ln -sf "$here/StrongStride" "$HOME/.local/bin/strongstride"
echo "StrongStride added to the applications menu; the command line is ~/.local/bin/strongstride"
"""


def make_tarball(app: Path, target: Path) -> Path:
    """dist/StrongStride-<version>-linux-<arch>.tar.gz holding the StrongStride/ folder."""
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(app, arcname=app.name)
    return target
