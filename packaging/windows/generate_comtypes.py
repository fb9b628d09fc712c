"""Generate comtypes' Windows Portable Devices wrappers at build time, so the app can ship them.

comtypes normally writes wrapper modules for a COM type library the first time a program asks
for it. Inside a PyInstaller bundle it cannot, so the Windows build runs this script first
(on Windows, in the build's virtual environment), then freezes the generated modules with the
app. The spec must list every module this script prints as a hidden import (or collect the
`comtypes.gen` package): PortableDeviceApiLib, PortableDeviceTypesLib and the modules named
after their type library GUIDs, which those two import.

    python packaging/windows/generate_comtypes.py                 # prints the module names
    python packaging/windows/generate_comtypes.py --out mods.txt  # and writes them to a file

Exit code 0 when the wrappers were generated and import cleanly, 2 elsewhere than Windows.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

TYPE_LIBRARIES = ("portabledeviceapi.dll", "portabledevicetypes.dll")
MUST_HAVE = {
    "PortableDeviceApiLib": (
        "PortableDeviceManager",
        "PortableDevice",
        "IPortableDeviceManager",
        "IPortableDevice",
        "IPortableDeviceValues",
        "IPortableDeviceKeyCollection",
        "IEnumPortableDeviceObjectIDs",
        "_tagpropertykey",
    ),
    "PortableDeviceTypesLib": ("PortableDeviceValues", "PortableDeviceKeyCollection"),
}


def generate() -> list[str]:
    """Generate the wrappers; the names of every module in comtypes.gen afterwards."""
    import comtypes.client

    for library in TYPE_LIBRARIES:
        comtypes.client.GetModule(library)
    for module, names in MUST_HAVE.items():
        wrapper = importlib.import_module(f"comtypes.gen.{module}")
        missing = [n for n in names if not hasattr(wrapper, n)]
        if missing:
            raise SystemExit(f"generate_comtypes: {module} lacks {', '.join(missing)}")
    import comtypes.gen

    return sorted(f"comtypes.gen.{m.name}" for m in pkgutil.iter_modules(comtypes.gen.__path__))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", metavar="FILE", help="also write the module names to FILE")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("win"):
        print("generate_comtypes: Windows Portable Devices exist only on Windows", file=sys.stderr)
        return 2
    modules = generate()
    print("\n".join(modules))
    if args.out:
        Path(args.out).write_text("\n".join(modules) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
