"""requirements.lock, which the Dockerfile installs, is in step with pyproject.toml: every production
dependency, and everything those need, is pinned with hashes at a version pyproject allows, and
nothing for development is. After changing pyproject.toml's dependencies, run `make lock`."""

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
LOCK = (ROOT / "requirements.lock").read_text()
REGENERATE = "requirements.lock is out of date with pyproject.toml: run `make lock`"


def pins():
    """{canonical name: (version, number of hashes)} from the lock."""
    entries = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", LOCK, re.M)
    return {canonicalize_name(name): (version, hashes.count("--hash=")) for name, version, hashes in entries}


def production_requirements():
    return [Requirement(line) for line in PYPROJECT["project"]["dependencies"]]


def test_every_production_dependency_is_pinned_at_an_allowed_version():
    locked = pins()
    for requirement in production_requirements():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not in the lock. {REGENERATE}"
        version = locked[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{requirement.name}=={version} is outside {requirement.specifier}. {REGENERATE}"
        )


def test_everything_the_dependencies_need_is_pinned_too():
    """The closure of the production dependencies, extras included, as the installed packages declare
    it (packages not installed here are not followed)."""
    locked = pins()
    environment = default_environment()
    missing = set()
    seen = set()
    pending = production_requirements()
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        key = (name, frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        if name not in locked:
            missing.add(requirement.name)
            continue
        try:
            declared = metadata.requires(requirement.name) or []
        except metadata.PackageNotFoundError:
            continue
        for line in declared:
            needed = Requirement(line)
            extras = requirement.extras or {""}
            if needed.marker is None or any(needed.marker.evaluate({**environment, "extra": e}) for e in extras):
                pending.append(needed)
    assert not missing, f"Not in the lock: {sorted(missing)}. {REGENERATE}"
    assert len(seen) > 20


def test_every_pin_has_hashes():
    unhashed = [name for name, (_version, hashes) in pins().items() if hashes == 0]
    assert not unhashed


def test_development_tools_are_left_out():
    locked = pins()
    development = [Requirement(line) for line in PYPROJECT["project"]["optional-dependencies"]["dev"]]
    assert development
    production = {canonicalize_name(requirement.name) for requirement in production_requirements()}
    leaked = [r.name for r in development if canonicalize_name(r.name) in locked and r.name not in production]
    assert not leaked, f"{leaked} are development tools: {REGENERATE}"


def test_the_lock_says_how_to_regenerate_it():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^lock:", makefile, re.M)
    assert "piptools compile" in makefile and "--generate-hashes" in makefile
    assert "make lock" in (ROOT / "README.md").read_text()
