"""macOS: sign the .app with the hardened runtime, pack it in a .dmg, notarize and staple.

Each step that needs Apple credentials runs only when they are given through environment
variables (a release workflow passes its secrets this way):

    STRONGSTRIDE_CODESIGN_IDENTITY   "Developer ID Application: Name (TEAMID)" in the keychain
    STRONGSTRIDE_NOTARY_PROFILE      a `notarytool store-credentials` profile, or else
    STRONGSTRIDE_APPLE_ID, STRONGSTRIDE_APPLE_TEAM_ID, STRONGSTRIDE_APPLE_PASSWORD
                                     an Apple ID with an app-specific password

Without them the .dmg holds an ad-hoc signed app and Gatekeeper asks on first start (README,
"Install"). One build per architecture: run build.py on an arm64 and on an x86_64 Mac; the
file names carry the architecture.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ENTITLEMENTS = HERE / "macos" / "entitlements.plist"
MACHO_MAGICS = {b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"\xce\xfa\xed\xfe"}


def _identity() -> str | None:
    return os.environ.get("STRONGSTRIDE_CODESIGN_IDENTITY") or None


def _is_macho(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) in MACHO_MAGICS


def codesign(app: Path) -> None:
    """Sign every binary inside the app, deepest first, then the app itself."""
    identity = _identity()
    if identity is None:
        print("signing: no STRONGSTRIDE_CODESIGN_IDENTITY, the app stays ad-hoc signed")
        return
    base = ["codesign", "--force", "--timestamp", "--options", "runtime", "--sign", identity]
    binaries = [p for p in app.rglob("*") if p.is_file() and not p.is_symlink() and _is_macho(p)]
    for path in sorted(binaries, key=lambda p: len(p.parts), reverse=True):
        subprocess.run([*base, "--entitlements", str(ENTITLEMENTS), str(path)], check=True)
    subprocess.run([*base, "--entitlements", str(ENTITLEMENTS), str(app)], check=True)
    subprocess.run(["codesign", "--verify", "--deep", "--strict", str(app)], check=True)


def make_dmg(app: Path, dist: Path, version: str) -> Path:
    """dist/StrongStride-<version>-macos-<arch>.dmg with an Applications link (dmgbuild)."""
    dmg = dist / f"StrongStride-{version}-macos-{platform.machine()}.dmg"
    dmg.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "dmgbuild", "-s", str(HERE / "macos" / "dmg_settings.py"),
         "-D", f"app={app}", "-D", f"icon={ROOT / 'build' / 'icons' / 'strongstride.icns'}",
         "StrongStride", str(dmg)],
        check=True,
    )  # fmt: skip
    identity = _identity()
    if identity is not None:
        subprocess.run(
            ["codesign", "--force", "--timestamp", "--sign", identity, str(dmg)], check=True
        )
    return dmg


def _notary_credentials() -> list[str] | None:
    if os.environ.get("STRONGSTRIDE_NOTARY_PROFILE"):
        return ["--keychain-profile", os.environ["STRONGSTRIDE_NOTARY_PROFILE"]]
    names = ("STRONGSTRIDE_APPLE_ID", "STRONGSTRIDE_APPLE_TEAM_ID", "STRONGSTRIDE_APPLE_PASSWORD")
    if all(os.environ.get(n) for n in names):
        apple_id, team, password = (os.environ[n] for n in names)
        return ["--apple-id", apple_id, "--team-id", team, "--password", password]
    return None


def notarize(dmg: Path) -> bool:
    """Submit the signed .dmg to Apple's notary service, wait, and staple the ticket."""
    credentials = _notary_credentials()
    if credentials is None or _identity() is None:
        print("notarization: no identity or notary credentials, skipped")
        return False
    subprocess.run(["xcrun", "notarytool", "submit", str(dmg), "--wait", *credentials], check=True)
    subprocess.run(["xcrun", "stapler", "staple", str(dmg)], check=True)
    subprocess.run(["xcrun", "stapler", "validate", str(dmg)], check=True)
    return True
