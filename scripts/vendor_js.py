"""Fetch the JavaScript listed in the vendor manifest from the npm registry.

Each package is fetched with `npm pack NAME@VERSION`, checked against the manifest's
sha512 integrity, and only the listed files are copied. Run it after changing a version
(update the integrity from `npm view NAME@VERSION dist.integrity`).
"""

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "commonbonds/core/static/core/vendor"


def main() -> int:
    manifest = json.loads((VENDOR / "manifest.json").read_text())
    for package in manifest["packages"]:
        spec = f"{package['name']}@{package['version']}"
        with tempfile.TemporaryDirectory() as tmp:
            out = (
                subprocess.run(
                    ["npm", "pack", spec, "--silent"],
                    cwd=tmp,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            tarball = Path(tmp) / out
            digest = (
                "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
            )
            if digest != package["integrity"]:
                print(f"{spec}: integrity mismatch ({digest})", file=sys.stderr)
                return 1
            with tarfile.open(tarball) as archive:
                archive.extractall(tmp, filter="data")
            for source, target in package["files"].items():
                destination = VENDOR / target
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(tmp) / "package" / source, destination)
        print(f"{spec}: {len(package['files'])} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
