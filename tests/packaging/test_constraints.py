"""The installer build's constraints file pins every dependency to a version the app accepts."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
CONSTRAINTS = REPO / "packaging" / "constraints.txt"


def pins() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, version = line.partition("==")
        assert sep and version, f"constraints.txt: '{line}' is not an exact pin (name==version)"
        out[canonicalize_name(name)] = version
    return out


def requirements() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    listed = project["dependencies"] + extras["package"] + extras["test"]
    return [Requirement(text) for text in listed]


def test_every_dependency_of_the_app_the_build_and_the_tests_is_pinned_to_an_accepted_version():
    pinned = pins()
    for req in requirements():
        if req.marker is not None and not req.marker.evaluate():
            continue  # a rule for another Python version than this one
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req.name} is not pinned in {CONSTRAINTS.name}"
        assert req.specifier.contains(pinned[name], prereleases=True), (
            f"{req.name}=={pinned[name]} does not satisfy '{req}'"
        )


def test_the_constraints_name_no_local_or_editable_package():
    text = CONSTRAINTS.read_text(encoding="utf-8")
    body = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert not [line for line in body if line.startswith("-") or "@" in line]
    assert "strongstride" not in pins()
