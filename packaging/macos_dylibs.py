"""Put libmtp and libusb (LGPL-2.1+) into packaging/macos/dylibs for the macOS build.

Run on the Mac that builds the app, before `packaging/build.py`: Homebrew installs both
libraries built for that Mac's architecture, this copies them beside each other, makes every
reference between them relative (`@loader_path`, so the app never looks in Homebrew's folder)
and writes the versions into `VERSIONS.txt`, which the source offer in
`resources/licenses/libmtp/SOURCE-OFFER.txt` refers to. The spec bundles every `*.dylib` it
finds there into `Contents/Frameworks`; `macos_dist.py` signs them with the app.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

DEST = Path(__file__).resolve().parent / "macos" / "dylibs"
LIBRARIES = {"libmtp": "libmtp.9.dylib", "libusb": "libusb-1.0.0.dylib"}


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip()


def _linked(path: Path) -> list[str]:
    """The libraries `path` links to, as `otool -L` names them."""
    return [line.split()[0] for line in _run("otool", "-L", str(path)).splitlines()[1:]]


def main() -> int:
    if sys.platform != "darwin":
        print("macos_dylibs.py: only for the macOS build", file=sys.stderr)
        return 2
    _run("brew", "install", "libmtp")  # brings libusb with it
    versions = []
    for formula, name in LIBRARIES.items():
        source = Path(_run("brew", "--prefix", formula)) / "lib" / name
        target = DEST / name
        shutil.copy2(source.resolve(), target)
        target.chmod(0o755)
        _run("install_name_tool", "-id", f"@loader_path/{name}", str(target))
        info = json.loads(_run("brew", "info", "--json=v2", formula))["formulae"][0]
        versions.append(f"{formula} {info['versions']['stable']} ({info['urls']['stable']['url']})")
    for name in LIBRARIES.values():
        target = DEST / name
        for ref in _linked(target):
            other = Path(ref).name
            if other in LIBRARIES.values() and other != name:
                _run("install_name_tool", "-change", ref, f"@loader_path/{other}", str(target))
    (DEST / "VERSIONS.txt").write_text("\n".join(versions) + "\n", encoding="utf-8")
    print("\n".join(f"{DEST / n}" for n in LIBRARIES.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
