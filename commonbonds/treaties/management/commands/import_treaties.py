"""`commonbonds import_treaties [DATA_DIR]`: load data/{states,instruments,treaty_actions}.csv.

Every row of every file is checked first (unknown state or instrument, unknown action,
malformed date, duplicate event_id, an event the treaty rules do not allow...); one problem
anywhere and nothing is written: the command lists each problem with its file and line and
exits with status 2. Rows are keyed on their ids (ISO3, slug, event_id), so a second run
changes nothing; rows staff corrected in the admin are reported as conflicts and left alone.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from commonbonds.core.errors import DomainError
from commonbonds.treaties import actions
from commonbonds.treaties.importer import DatasetError, read_dataset


class Command(BaseCommand):
    help = "Check and import the treaty data files (states, instruments, treaty events)."

    def add_arguments(self, parser):
        parser.add_argument(
            "data_dir", nargs="?", default=str(settings.DATA_DIR), help="folder of the CSV files"
        )
        parser.add_argument(
            "--check", action="store_true", help="check the files only; write nothing"
        )

    def handle(self, *args, data_dir, check=False, verbosity=1, **options):
        try:
            dataset = read_dataset(data_dir)
        except DatasetError as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                _("%(count)s problems in the treaty data: nothing was written.")
                % {"count": len(exc.problems)},
                returncode=2,
            ) from exc
        if check:
            self.stdout.write(
                _(
                    "The treaty data in %(dir)s is valid: %(states)s states, %(instruments)s "
                    "instruments, %(events)s events."
                )
                % {
                    "dir": data_dir,
                    "states": len(dataset.states),
                    "instruments": len(dataset.instruments),
                    "events": len(dataset.events),
                }
            )
            return
        show_progress = verbosity >= 2 or (verbosity >= 1 and self.stdout.isatty())

        def progress(what: str, done: int, total: int) -> None:
            if done == total or done % 50 == 0:
                ending = "\n" if done == total else ""
                self.stdout.write(f"\r{_('Writing events')}: {done}/{total}", ending=ending)
                self.stdout.flush()

        try:
            report = actions.import_treaty_data(
                dataset=dataset, progress=progress if show_progress else None
            )
        except DomainError as exc:
            for problem in exc.params.get("problems", [exc.message]):
                self.stderr.write(str(problem))
            raise CommandError(
                _("The data files contradict the data in the database: nothing was written."),
                returncode=2,
            ) from exc
        self.report(report, verbosity)

    def report(self, report: actions.ImportReport, verbosity: int) -> None:
        if verbosity < 1:
            return
        line = _(
            "Treaty data of %(date)s: states %(sc)s created, %(sx)s changed; instruments %(ic)s "
            "created, %(ix)s changed; events %(ec)s created, %(ex)s changed, %(eu)s unchanged; "
            "%(conflicts)s conflicts."
        ) % {
            "date": report.data_date or "?",
            "sc": report.states.created,
            "sx": report.states.changed,
            "ic": report.instruments.created,
            "ix": report.instruments.changed,
            "ec": report.events.created,
            "ex": report.events.changed,
            "eu": report.events.unchanged,
            "conflicts": len(report.conflicts),
        }
        self.stdout.write(line)
        for conflict in report.conflicts:
            self.stdout.write(self.style.WARNING(f"  {conflict}"))
        if report.not_in_files:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "%(count)s imported events are no longer in the files; left as they are: "
                        "%(ids)s"
                    )
                    % {"count": len(report.not_in_files), "ids": ", ".join(report.not_in_files)}
                )
            )
