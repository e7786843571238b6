"""`commonbonds api_schema`: the OpenAPI schema of the public API, generated from the code.

commonbonds api_schema            print it
commonbonds api_schema --write    update the committed snapshot docs/api/openapi-v1.json
commonbonds api_schema --check    exit with status 1 when the snapshot is out of date
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from commonbonds.api.views import schema_text

SNAPSHOT = Path(settings.BASE_DIR) / "docs" / "api" / "openapi-v1.json"


class Command(BaseCommand):
    help = "Print, write or check the OpenAPI schema snapshot of the public API (version 1)."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--write", action="store_true", help=f"write {SNAPSHOT}")
        group.add_argument("--check", action="store_true", help="compare with the snapshot")

    def handle(self, *args, write=False, check=False, **options):
        text = schema_text()
        if write:
            SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
            SNAPSHOT.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {SNAPSHOT}.")
        elif check:
            committed = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
            if committed != text:
                raise CommandError(
                    f"{SNAPSHOT} is out of date: run `commonbonds api_schema --write` and "
                    "commit it (a change to version 1 must only add, see docs/api.md).",
                    returncode=1,
                )
            self.stdout.write("The OpenAPI snapshot is up to date.")
        else:
            self.stdout.write(text, ending="")
