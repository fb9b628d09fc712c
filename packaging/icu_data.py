"""Linux: a smaller ICU data library for an English-only app (32 MB down to about 3 MB).

Qt links ICU, whose data library (libicudata) carries every locale's names, currencies,
units, collations and calendars, 200 legacy character sets and the word-break dictionaries of
Chinese, Japanese, Thai, Khmer, Lao and Burmese. Qt calls only four parts of ICU (`nm -D` on
the bundled Qt lists them): case mapping, calendars with time-zone names, the converter
registry and collation (sorting). So the root and English locales are kept with the tables
those four read (character properties, normalisation, time zones, plural rules, the root
collation); ICU falls back to root for any other locale. Break rules and their dictionaries
(3.4 MB), character names, the confusable and IDNA tables, and the display names of
languages, regions, currencies and units (0.7 MB) are never read: Qt finds word and line
breaks, and converts domain names, with its own code.

The data sits in the library as one symbol, `icudt<NN>_dat`. It is cut out, thinned with
ICU's own `icupkg` (Debian: icu-devtools; only the package container is rewritten, items are
copied byte for byte, so the tool's ICU version does not matter) and assembled back into a
library of the same name with `as` and `ld` (binutils). Without those tools the build keeps
the full library and says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
KEEP_LOCALES = re.compile(r"^(root|en|en_[A-Za-z0-9_]+)\.res$")
DROP_FOLDERS = {
    "translit", "rbnf",  # transliteration, spelled-out numbers
    "brkitr",  # break rules and dictionaries (3.4 MB; 2.0 MB of it the Chinese/Japanese one)
    "lang", "region", "curr", "unit",  # display names of languages, regions, ... (0.7 MB)
}  # fmt: skip
DROP_SUFFIXES = (".cnv",)  # legacy character sets (Qt reads and writes UTF-8 itself)
# Unicode character names, spoofing checks, domain names (IDNA): 0.4 MB, never called by Qt.
DROP_NAMES = {"unames.icu", "confusables.cfu", "uts46.nrm"}
KEEP_ALWAYS = {"cnvalias.icu"}


def dropped(item: str) -> bool:
    """True for a data item an English-only app never reads."""
    *folders, name = item.split("/")
    if folders and folders[-1] in DROP_FOLDERS or name in DROP_NAMES:
        return True
    if name in KEEP_ALWAYS or name in {"res_index.res", "pool.res"}:
        return False
    if name.endswith(DROP_SUFFIXES):
        return True
    return bool(LOCALE.match(name)) and not KEEP_LOCALES.match(name)


def _data_symbol(lib: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the icudt<NN>_dat symbol."""
    syms = subprocess.run(
        ["readelf", "--dyn-syms", "-W", str(lib)], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(
        r"([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)", syms
    )
    if not match:
        raise ValueError(f"{lib}: no icudt*_dat symbol")
    address, size, section, name = match.groups()
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(lib)], capture_output=True, text=True, check=True
    ).stdout
    row = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if not row:
        raise ValueError(f"{lib}: section {section} not found")
    offset = int(row.group(2), 16) + int(address, 16) - int(row.group(1), 16)
    return name, offset, int(size, 0)


def slim_icu_data(lib: Path) -> tuple[int, int] | None:
    """Rewrite `lib` with the thinned data; (bytes before, after), or None without the tools."""
    if not all(shutil.which(t) for t in ("icupkg", "as", "ld", "readelf")):
        print("icu: icupkg (icu-devtools) or binutils missing, the full ICU data is kept")
        return None
    before = lib.stat().st_size
    symbol, offset, size = _data_symbol(lib)
    package = symbol.replace("_dat", "l.dat")  # icupkg takes the item prefix from the name
    with tempfile.TemporaryDirectory(prefix="icu-") as tmp:
        work = Path(tmp)
        (work / "full").mkdir()
        (work / "slim").mkdir()
        full, slim = work / "full" / package, work / "slim" / package
        with lib.open("rb") as fh:
            fh.seek(offset)
            full.write_bytes(fh.read(size))
        listing = ["icupkg", "-l", str(full)]
        items = subprocess.run(listing, capture_output=True, text=True, check=True).stdout.split()
        (work / "drop.txt").write_text("\n".join(i for i in items if dropped(i)) + "\n")
        subprocess.run(
            ["icupkg", "-r", str(work / "drop.txt"), str(full), str(slim)],
            check=True, capture_output=True,
        )  # fmt: skip
        (work / "data.s").write_text(
            f".section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n"
            f'{symbol}:\n.incbin "{slim}"\n.size {symbol}, .-{symbol}\n'
        )
        subprocess.run(["as", "-o", str(work / "data.o"), str(work / "data.s")], check=True)
        subprocess.run(
            [
                "ld",
                "-shared",
                "-soname",
                lib.name,
                "-o",
                str(work / lib.name),
                str(work / "data.o"),
            ],
            check=True,
        )
        shutil.copy2(work / lib.name, lib)
    return before, lib.stat().st_size
