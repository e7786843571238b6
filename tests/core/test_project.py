"""Promises about the project's own files."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_environment_variable_is_listed_in_env_example():
    listed = set(re.findall(r"^(CB_[A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    used = set()
    for path in (ROOT / "commonbonds").rglob("*.py"):
        used |= set(re.findall(r"""env\.\w+\(\s*["'](CB_[A-Z_]+)""", path.read_text()))
        used |= set(re.findall(r"""environ\.get\(\s*["'](CB_[A-Z_]+)""", path.read_text()))
    assert used, "the pattern found no settings at all"
    assert used - listed == set()


def test_vendored_javascript_has_a_manifest_with_version_and_licence():
    vendor = ROOT / "commonbonds/core/static/core/vendor"
    manifest = json.loads((vendor / "manifest.json").read_text())
    listed = set()
    for package in manifest["packages"]:
        assert (
            package["version"] and package["license"] and package["integrity"].startswith("sha512-")
        )
        for target in package["files"].values():
            assert (vendor / target).is_file(), target
            listed.add(target)
    shipped = {str(p.relative_to(vendor)) for p in vendor.rglob("*") if p.is_file()}
    assert shipped - {"manifest.json"} == listed


def test_the_data_the_project_ships_is_in_the_repository():
    for name in ["treaty_actions.csv", "states.csv", "instruments.csv", "README.md"]:
        assert (ROOT / "data" / name).is_file(), name
