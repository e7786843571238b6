"""Fail when a string a person reads has no French, Spanish or Arabic translation.

1. Extracts the strings of the code afresh (GNU gettext's xgettext, through Django's
   makemessages) into a scratch copy, so a string added without `make messages` is caught.
2. Every entry of every catalogue must have a translation that is not fuzzy.
3. The committed .mo files must match their .po files (`--compile` writes them).
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "commonbonds"
LANGUAGES = ("fr", "es", "ar")


def catalogues(base: Path) -> list[Path]:
    return sorted(base.glob("**/locale/*/LC_MESSAGES/django.po"))


def extract_into_copy() -> Path:
    scratch = Path(tempfile.mkdtemp(prefix="cb-i18n-")) / "commonbonds"
    shutil.copytree(PACKAGE, scratch, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    cmd = [
        sys.executable,
        "-m",
        "django",
        "makemessages",
        "--no-obsolete",
        "--no-location",
        *[f"-l{lang}" for lang in LANGUAGES],
        "--settings=commonbonds.settings.development",
        f"--pythonpath={ROOT}",
    ]
    subprocess.run(cmd, cwd=scratch, check=True, capture_output=True)
    return scratch


def problems_in(po_path: Path) -> list[str]:
    po = polib.pofile(str(po_path))
    found = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                found.append(f"untranslated plural: {entry.msgid!r}")
        elif not entry.msgstr:
            found.append(f"untranslated: {entry.msgid!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--compile", action="store_true", help="write the .mo files")
    parser.add_argument("--no-extract", action="store_true", help="skip step 1")
    args = parser.parse_args()
    failures: list[str] = []

    if args.compile:
        for po_path in catalogues(PACKAGE):
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))

    checked = catalogues(PACKAGE)
    if not args.no_extract and shutil.which("xgettext"):
        scratch = extract_into_copy()
        checked = catalogues(scratch)
        for po_path in checked:
            relative = po_path.relative_to(scratch)
            if not (PACKAGE / relative).exists():
                failures.append(
                    f"{relative}: a new catalogue; run `make messages` and translate it"
                )
    elif not args.no_extract:
        print("xgettext not found (apt install gettext): checking the committed catalogues only")

    for po_path in checked:
        for problem in problems_in(po_path):
            app = po_path.parent.parent.parent.parent.name
            failures.append(f"{app} [{po_path.parts[-3]}]: {problem}")
    for po_path in catalogues(PACKAGE):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            failures.append(f"{mo_path.relative_to(ROOT)} is missing: run `make messages`")
            continue
        compiled = {e.msgid: e.msgstr for e in polib.mofile(str(mo_path))}
        written = {
            e.msgid: e.msgstr
            for e in polib.pofile(str(po_path))
            if e.msgstr and not e.obsolete and "fuzzy" not in e.flags
        }
        if any(compiled.get(k) != v for k, v in written.items()):
            failures.append(
                f"{mo_path.relative_to(ROOT)} is older than its .po: run `make messages`"
            )

    for failure in failures:
        print(failure)
    langs = {p.parts[-3] for p in catalogues(PACKAGE)}
    if not set(LANGUAGES) <= langs:
        print(f"catalogues missing for {set(LANGUAGES) - langs}")
        return 1
    print(f"{len(catalogues(PACKAGE))} catalogues checked, {len(failures)} problems.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
