"""`commonbonds import_organisations FILE.csv`: the same import as the admin's screen.

All or nothing: on any error (listed with line numbers) nothing is written and the command exits
with status 2; possible duplicates are listed and stop the import unless --accept-warnings.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from commonbonds.members import actions


class Command(BaseCommand):
    help = "Import organisations from a CSV file (see docs/members.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--as",
            dest="acting_email",
            required=True,
            help="Email of the staff account the import is recorded under (audit log).",
        )
        parser.add_argument(
            "--accept-warnings",
            action="store_true",
            help="Import even when some organisations look like duplicates.",
        )

    def handle(self, *args, file: Path, acting_email: str, accept_warnings: bool, **options):
        user = get_user_model().objects.filter(email=acting_email.lower(), is_active=True).first()
        if user is None:
            raise CommandError(f"No active account {acting_email}.", returncode=2)
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {file}: {exc}", returncode=2) from exc
        try:
            report = actions.import_organisations(
                acting_user=user, text=text, filename=file.name, accept_warnings=accept_warnings
            )
        except actions.ImportRefused as exc:
            for line in exc.report.errors:
                self.stderr.write(f"error: {line}")
            for line in exc.report.warnings:
                self.stderr.write(f"warning: {line}")
            hint = "" if exc.report.errors else " (--accept-warnings to import anyway)"
            raise CommandError(f"{exc.message}{hint}", returncode=2) from exc
        except actions.DomainError as exc:
            raise CommandError(str(exc.message), returncode=2) from exc
        for line in report.warnings:
            self.stdout.write(f"warning: {line}")
        self.stdout.write(self.style.SUCCESS(f"{len(report.created)} organisations imported."))
