"""Cutting the symbol table out of NumPy's OpenBLAS, which `strip` breaks (elf_symbols.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import load_packaging_module

elf_symbols = load_packaging_module("elf_symbols")

NUMPY_AT_WORK = """
import numpy as np
maps = open("/proc/self/maps").read()
assert os.environ["LD_PRELOAD"] in maps, "the trimmed library is not the one loaded"
a = np.arange(1.0, 10.0).reshape(3, 3) + np.eye(3)
print(np.allclose(a @ np.linalg.inv(a), np.eye(3)), round(float(np.linalg.det(a)), 6))
"""


def _openblas() -> Path:
    numpy = pytest.importorskip("numpy")
    found = sorted((Path(numpy.__file__).parent.parent / "numpy.libs").glob("*openblas*.so*"))
    if not found or sys.platform != "linux":
        pytest.skip("this NumPy has no bundled OpenBLAS (not a Linux wheel)")
    return found[0]


def _sections(lib: Path) -> str:
    return subprocess.run(
        ["readelf", "-SW", str(lib)], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(not shutil.which("readelf"), reason="readelf (binutils) not installed")
def test_openblas_loses_its_symbol_table_and_numpy_still_computes_with_it(tmp_path):
    shutil.copytree(_openblas().parent, tmp_path / "numpy.libs")  # with libgfortran beside it
    lib = tmp_path / "numpy.libs" / _openblas().name
    before = lib.stat().st_size
    assert " .symtab " in _sections(lib).replace("SYMTAB", " ")

    saved = elf_symbols.drop_symbols(lib)

    assert saved > 500_000 and lib.stat().st_size == before - saved
    assert "SYMTAB" not in _sections(lib) and "DYNSYM" in _sections(lib)
    env = {**os.environ, "LD_PRELOAD": str(lib)}  # NumPy then finds it by its name
    result = subprocess.run(
        [sys.executable, "-c", "import os\n" + NUMPY_AT_WORK],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == "True -2.0"  # matrix products and LAPACK through OpenBLAS


def test_a_library_without_symbols_is_left_byte_for_byte(tmp_path):
    lib = tmp_path / _openblas().name
    shutil.copy2(_openblas(), lib)
    elf_symbols.drop_symbols(lib)
    trimmed = lib.read_bytes()
    assert elf_symbols.drop_symbols(lib) == 0
    assert lib.read_bytes() == trimmed


def test_files_that_are_not_64_bit_libraries_are_left_alone(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_bytes(b"not an ELF file")
    assert elf_symbols.drop_symbols(text) == 0
    assert text.read_bytes() == b"not an ELF file"
