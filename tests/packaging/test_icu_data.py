"""The English-only ICU data of the Linux bundle (packaging/icu_data.py)."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import load_packaging_module

icu_data = load_packaging_module("icu_data")


def test_english_root_and_core_tables_are_kept():
    for item in ("root.res", "en.res", "en_GB.res", "coll/root.res", "brkitr/word.brk",
                 "brkitr/cjdict.dict", "unames.icu", "nfkc.nrm", "zoneinfo64.res",
                 "supplementalData.res", "cnvalias.icu", "curr/pool.res", "lang/res_index.res"):  # fmt: skip
        assert not icu_data.dropped(item), item


def test_other_locales_converters_and_transliterators_are_dropped():
    for item in ("de.res", "zh_Hant_TW.res", "coll/de_.res", "curr/fr.res", "unit/ja.res",
                 "gb18030.cnv", "translit/root.res", "rbnf/en.res"):  # fmt: skip
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
    assert "en.res" in items and "unames.icu" in items and "coll/root.res" in items
    assert "de.res" not in items
