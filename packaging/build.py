"""Build this platform's StrongStride installers: `python packaging/build.py`.

One entry point for Windows, macOS and Linux, in Python so no shell is needed:

1. draw the icons from resources/icons/strongstride.svg (packaging/app_icons.py);
2. on Windows, generate the comtypes wrappers the MTP watch support needs, if that step exists
   (packaging/windows/generate_comtypes.py), so the frozen app never generates code;
3. run PyInstaller on packaging/strongstride.spec (the one-folder app, pruned by bundle.py);
4. finish the platform's artefacts: Linux strips, checks and tars the folder; Windows signs
   (when a certificate is given) and compiles the Inno Setup installer; macOS signs, builds
   the .dmg and notarizes (when an identity and credentials are given);
5. run `--self-test` on the built app from another folder with a bare environment, and check
   the size goal.

Everything lands in dist/; sizes are printed at the end.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
sys.path.insert(1, str(ROOT))

LINUX_MAX_MB = 150  # the installed folder; the goal for the compressed download is 60 MB


def run_pyinstaller(dist: Path, work: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work),
         str(PACKAGING / "strongstride.spec")],
        check=True, cwd=ROOT,
    )  # fmt: skip


def generate_comtypes() -> None:
    """Windows: the MTP support's COM wrappers, generated before freezing (if it exists)."""
    script = PACKAGING / "windows" / "generate_comtypes.py"
    if sys.platform == "win32" and script.exists():
        subprocess.run([sys.executable, str(script)], check=True, cwd=ROOT)


def bare_environment() -> dict[str, str]:
    """What a runner's shell has: no virtual environment, no Python variables, a plain PATH."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PYTHON") and k not in {"VIRTUAL_ENV", "LD_LIBRARY_PATH"}
    }
    if sys.platform != "win32":
        env["PATH"] = "/usr/bin:/bin"
    return env


def self_test(executable: Path) -> None:
    """The built app's own `--self-test`, run from a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="strongstride-build-") as cwd:
        print(f"== {executable} --self-test (in {cwd})", flush=True)
        result = subprocess.run([str(executable), "--self-test"], cwd=cwd, env=bare_environment())
    if result.returncode != 0:
        raise SystemExit(f"the built app failed its self-test (exit code {result.returncode})")


def folder_mb(folder: Path) -> float:
    """Bytes of the files under `folder` (links counted once), in MB."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 1e6


def file_mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def finish_linux(dist: Path, icons: dict[str, Path], version: str, max_mb: float) -> list[Path]:
    import platform

    import icu_data
    import linux_dist

    app = dist / "StrongStride"
    print(f"== strip: {linux_dist.strip_libraries(app)} libraries", flush=True)
    saved = linux_dist.drop_unstrippable_symbols(app)
    print(f"== symbols cut from NumPy's libraries: {saved / 1e6:.1f} MB", flush=True)
    for lib in [p for p in (app / "_internal").rglob("libicudata.so.*") if not p.is_symlink()]:
        sizes = icu_data.slim_icu_data(lib)
        if sizes:
            print(f"== icu data: {sizes[0] / 1e6:.1f} MB -> {sizes[1] / 1e6:.1f} MB", flush=True)
    missing = linux_dist.unresolved_libraries(app)
    if missing:
        raise SystemExit("bundled libraries with unresolved links:\n" + "\n".join(missing))
    linux_dist.add_desktop_entry(app, icons)
    self_test(app / "StrongStride")
    size = folder_mb(app)
    print(f"size: {app} {size:.1f} MB (goal < {max_mb:.0f} MB)")
    if size > max_mb:
        raise SystemExit(f"{app} is {size:.1f} MB, over the {max_mb:.0f} MB goal")
    tarball = dist / f"StrongStride-{version}-linux-{platform.machine()}.tar.gz"
    linux_dist.make_tarball(app, tarball)
    print(f"size: {tarball.name} {file_mb(tarball):.1f} MB (goal < 60 MB)")
    return [app, tarball]


def finish_windows(dist: Path, version: str) -> list[Path]:
    import windows_dist

    app = dist / "StrongStride"
    windows_dist.sign(list(app.glob("*.exe")))
    windows_dist.add_command_shim(app)
    self_test(app / "strongstride-cli.exe")
    print(f"size: {app} {folder_mb(app):.1f} MB")
    setup = windows_dist.compile_installer(dist, version)
    if setup is not None:
        windows_dist.sign([setup])
        print(f"size: {setup.name} {file_mb(setup):.1f} MB")
        return [app, setup]
    return [app]


def finish_macos(dist: Path, version: str) -> list[Path]:
    import macos_dist

    app = dist / "StrongStride.app"
    macos_dist.codesign(app)
    self_test(app / "Contents" / "MacOS" / "StrongStride")
    print(f"size: {app} {folder_mb(app):.1f} MB")
    dmg = macos_dist.make_dmg(app, dist, version)
    macos_dist.notarize(dmg)
    print(f"size: {dmg.name} {file_mb(dmg):.1f} MB")
    return [app, dmg]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build this platform's StrongStride installers.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument(
        "--max-mb", type=float, default=LINUX_MAX_MB, help="Linux: fail over this folder size"
    )
    args = parser.parse_args(argv)

    from app_icons import make_icons

    from operations import __version__

    started = time.perf_counter()
    icons = make_icons(ROOT / "build" / "icons")
    generate_comtypes()
    run_pyinstaller(args.dist, args.work)
    if sys.platform == "win32":
        built = finish_windows(args.dist, __version__)
    elif sys.platform == "darwin":
        built = finish_macos(args.dist, __version__)
    else:
        built = finish_linux(args.dist, icons, __version__, args.max_mb)
    print(f"built in {time.perf_counter() - started:.0f} s:")
    for path in built:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
