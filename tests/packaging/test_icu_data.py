"""The English-only ICU data of the Linux bundle (packaging/icu_data.py)."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import load_packaging_module

icu_data = load_packaging_module("icu_data")


def test_english_root_and_the_tables_qt_reads_are_kept():
    for item in ("root.res", "en.res", "en_GB.res", "coll/root.res", "coll/ucadata.icu",
                 "nfkc.nrm", "zoneinfo64.res", "metaZones.res", "zone/en.res", "zone/pool.res",
                 "supplementalData.res", "cnvalias.icu", "plurals.res"):  # fmt: skip
        assert not icu_data.dropped(item), item


def test_other_locales_converters_and_transliterators_are_dropped():
    for item in ("de.res", "zh_Hant_TW.res", "coll/de_.res", "curr/fr.res", "unit/ja.res",
                 "gb18030.cnv", "translit/root.res", "rbnf/en.res"):  # fmt: skip
        assert icu_data.dropped(item), item


def test_break_dictionaries_character_names_and_display_names_are_dropped():
    for item in ("brkitr/cjdict.dict", "brkitr/thaidict.dict", "brkitr/word.brk",
                 "brkitr/root.res", "unames.icu", "confusables.cfu", "uts46.nrm",
                 "lang/en.res", "lang/pool.res", "curr/pool.res", "region/res_index.res",
                 "unit/en.res"):  # fmt: skip
        assert icu_data.dropped(item), item


def _qt_icu_data() -> Path:
    pyside = pytest.importorskip("PySide6")
    found = sorted(Path(pyside.__file__).parent.glob("Qt/lib/libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no ICU data library (not Linux)")
    return found[0]


@pytest.mark.skipif(not shutil.which("icupkg"), reason="icupkg (icu-devtools) not installed")
def test_the_thinned_library_loads_and_holds_english_but_not_german(tmp_path):
    lib = tmp_path / _qt_icu_data().name
    shutil.copy2(_qt_icu_data(), lib)
    before, after = icu_data.slim_icu_data(lib)
    assert after < before / 3
    symbol, offset, size = icu_data._data_symbol(lib)
    loaded = ctypes.CDLL(str(lib))
    assert ctypes.addressof(ctypes.c_char.in_dll(loaded, symbol))  # the symbol ICU looks up
    package = tmp_path / symbol.replace("_dat", "l.dat")
    package.write_bytes(lib.read_bytes()[offset : offset + size])
    items = subprocess.run(
        ["icupkg", "-l", str(package)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "en.res" in items and "zone/en.res" in items and "coll/root.res" in items
    assert "de.res" not in items and "brkitr/cjdict.dict" not in items


QT_PROBE = """
from PySide6.QtCore import QByteArray, QCollator, QLocale, QTimeZone
collator = QCollator(QLocale("en_US"))
print(sorted(["f", "\u00e9", "e", "B", "a"], key=collator.sortKey))
zone = QTimeZone(QByteArray(b"Europe/Berlin"))
print(zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName,
                       QLocale("en_US")))
print(QLocale("tr_TR").toUpper("istanbul"))
"""


@pytest.mark.skipif(not shutil.which("icupkg"), reason="icupkg (icu-devtools) not installed")
def test_qt_still_sorts_names_time_zones_and_upper_case_on_the_thinned_data(tmp_path):
    lib = tmp_path / _qt_icu_data().name
    shutil.copy2(_qt_icu_data(), lib)
    icu_data.slim_icu_data(lib)
    # Qt's own libraries then find the already loaded data library by its name.
    env = {**os.environ, "LD_PRELOAD": str(lib), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", QT_PROBE], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.splitlines() == [
        "['a', 'B', 'e', '\u00e9', 'f']",  # collation: é between e and f, case ignored
        "Central European Standard Time",  # time-zone display names
        "\u0130STANBUL",  # Turkish dotted capital I: case mapping
    ]
