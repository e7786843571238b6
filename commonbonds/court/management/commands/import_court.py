"""`commonbonds import_court [DATA_DIR]`: load the ICC data files of data/ (README_icc.md).

asp_sessions.csv, icc_situations.csv, icc_cases.csv and icc_budget.csv are read and checked
first (unknown state, situation, stage or status; a malformed date; a key date without a
label; figures that do not add up...); one problem anywhere and nothing is written: the
command lists each problem with its file and line and exits with status 2. Rows are keyed on
stable keys (session number, situation and case names, year and programme), so a second run
changes nothing; rows staff corrected in the admin are reported as conflicts and left alone.
The states come from the treaty data: run `import_treaties` first (bootstrap does).
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from commonbonds.court import actions
from commonbonds.court.csvimport import DatasetError
from commonbonds.court.importer import DATA_AS_OF, read_court_data
from commonbonds.treaties.models import State


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--as-of must be a date written YYYY-MM-DD, not {value!r}") from exc


class Command(BaseCommand):
    help = "Check and import the ICC data files (sessions, situations, cases, budget)."

    def add_arguments(self, parser):
        parser.add_argument(
            "data_dir", nargs="?", default=str(settings.DATA_DIR), help="folder of the CSV files"
        )
        parser.add_argument(
            "--as-of",
            type=_date,
            default=DATA_AS_OF,
            help=f"the last day the files cover (default {DATA_AS_OF}, from data/README_icc.md)",
        )
        parser.add_argument(
            "--check", action="store_true", help="check the files only; write nothing"
        )

    def handle(self, *args, data_dir, as_of, check=False, verbosity=1, **options):
        states = set(State.objects.values_list("iso3", flat=True))
        try:
            data = read_court_data(data_dir, states=states, data_as_of=as_of)
        except DatasetError as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                _("%(count)s problems in the ICC data: nothing was written.")
                % {"count": len(exc.problems)},
                returncode=2,
            ) from exc
        if check:
            self.stdout.write(
                _(
                    "The ICC data in %(dir)s is valid: %(sessions)s sessions, %(situations)s "
                    "situations, %(cases)s cases, %(budget)s budget figures."
                )
                % {
                    "dir": data_dir,
                    "sessions": len(data.sessions),
                    "situations": len(data.situations),
                    "cases": len(data.cases),
                    "budget": len(data.budget),
                }
            )
            return
        report = actions.import_court_data(data=data)
        if verbosity < 1:
            return
        t = report.tallies
        self.stdout.write(
            _(
                "ICC data as of %(date)s: %(created)s created, %(changed)s changed "
                "(sessions %(sc)s/%(sx)s, situations %(tc)s/%(tx)s, cases %(cc)s/%(cx)s, budget "
                "%(bc)s/%(bx)s created/changed); %(conflicts)s conflicts."
            )
            % {
                "date": report.data_as_of.isoformat(),
                "created": report.created,
                "changed": report.changed,
                "sc": t["asp_sessions"].created,
                "sx": t["asp_sessions"].changed,
                "tc": t["icc_situations"].created,
                "tx": t["icc_situations"].changed,
                "cc": t["icc_cases"].created,
                "cx": t["icc_cases"].changed,
                "bc": t["icc_budget"].created,
                "bx": t["icc_budget"].changed,
                "conflicts": len(report.conflicts),
            }
        )
        for conflict in report.conflicts:
            self.stdout.write(self.style.WARNING(f"  {conflict}"))
        if report.not_in_files:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "%(count)s imported rows are no longer in the files; left as they are: "
                        "%(rows)s"
                    )
                    % {"count": len(report.not_in_files), "rows": ", ".join(report.not_in_files)}
                )
            )
