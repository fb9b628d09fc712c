"""Windows: sign the executables, add the `strongstride` command shim, compile the installer.

Signing runs only when a certificate is given, through environment variables (a release
workflow passes its secrets this way; nothing is stored in the repository):

    STRONGSTRIDE_SIGN_CERT       path to a .pfx code-signing certificate
    STRONGSTRIDE_SIGN_PASSWORD   its password
    STRONGSTRIDE_SIGN_TIMESTAMP  RFC 3161 timestamp server (default: DigiCert's)

Without them the build is unsigned and SmartScreen warns on first start (README, "Install").
The installer is compiled with Inno Setup's ISCC.exe (found on PATH, in its default folder,
or named by the ISCC variable) from packaging/windows/strongstride.iss.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_TIMESTAMP = "http://timestamp.digicert.com"
SHIM = '@"%~dp0..\\strongstride-cli.exe" %*\r\n'


def _find(tool: str, env_var: str, patterns: list[str]) -> str | None:
    if os.environ.get(env_var):
        return os.environ[env_var]
    found = shutil.which(tool)
    if found:
        return found
    for pattern in patterns:
        matches = sorted(glob.glob(pattern))
        if matches:
            return matches[-1]  # the newest SDK sorts last
    return None


def sign(files: list[Path]) -> bool:
    """Sign `files` with signtool when STRONGSTRIDE_SIGN_CERT is set; False when unsigned."""
    cert = os.environ.get("STRONGSTRIDE_SIGN_CERT")
    if not cert:
        print("signing: no STRONGSTRIDE_SIGN_CERT, the build stays unsigned")
        return False
    signtool = _find(
        "signtool", "SIGNTOOL", [r"C:\Program Files (x86)\Windows Kits\10\bin\*\x64\signtool.exe"]
    )
    if signtool is None:
        raise SystemExit(
            "signing: signtool.exe not found (install the Windows SDK or set SIGNTOOL)"
        )
    command = [signtool, "sign", "/f", cert, "/fd", "SHA256", "/td", "SHA256"]
    command += ["/tr", os.environ.get("STRONGSTRIDE_SIGN_TIMESTAMP", DEFAULT_TIMESTAMP)]
    if os.environ.get("STRONGSTRIDE_SIGN_PASSWORD"):
        command += ["/p", os.environ["STRONGSTRIDE_SIGN_PASSWORD"]]
    subprocess.run([*command, *map(str, files)], check=True)
    return True


def add_command_shim(app: Path) -> Path:
    """bin\\strongstride.cmd: the folder the installer may add to PATH holds only this."""
    folder = app / "bin"
    folder.mkdir(exist_ok=True)
    shim = folder / "strongstride.cmd"
    shim.write_text(SHIM, newline="")
    return shim


def compile_installer(dist: Path, version: str) -> Path | None:
    """dist/StrongStride-<version>-windows-x64-setup.exe, or None without Inno Setup."""
    iscc = _find(
        "iscc",
        "ISCC",
        [
            r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe",
            r"C:\Program Files\Inno Setup 6\ISCC.exe",
        ],
    )
    if iscc is None:
        print("installer: Inno Setup 6 (ISCC.exe) not found; only the folder was built")
        return None
    subprocess.run(
        [iscc, f"/DAppVersion={version}", f"/DSourceDir={dist / 'StrongStride'}",
         f"/DOutputDir={dist}", f"/DIconFile={ROOT / 'build' / 'icons' / 'strongstride.ico'}",
         str(HERE / "windows" / "strongstride.iss")],
        check=True,
    )  # fmt: skip
    return dist / f"StrongStride-{version}-windows-x64-setup.exe"
