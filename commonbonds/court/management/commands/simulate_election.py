"""``commonbonds simulate_election FILE.json [--options FILE]``: replay an ICC judicial election.

A thin wrapper: the work is done by the pure function
:func:`commonbonds.court.elections.cli.run`. This command only adds translation (messages and
explanations in the active language) and Django's exit handling: bad input ends with exit
status 2 through ``CommandError(returncode=2)``. It touches no database.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from commonbonds.court.elections.cli import EXIT_BAD_INPUT, dumps, run
from commonbonds.court.elections.errors import ElectionInputError


class Command(BaseCommand):
    # argparse formats help text itself and cannot take lazy translations; like Django's own
    # commands, the help stays in English.
    help = (
        "Replay an election of ICC judges from a JSON file: the minimum voting requirements, "
        "majorities and who is elected in each ballot. See docs/elections.md."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help="The election as JSON.")
        parser.add_argument(
            "--options",
            dest="options_file",
            metavar="FILE",
            help="A JSON object of engine options (see docs/elections.md).",
        )

    def handle(self, *args, file, options_file=None, **kwargs):
        try:
            result = run(file, options_file, translate=gettext)
        except ElectionInputError as exc:
            raise CommandError(
                gettext("Bad election input [%(code)s]: %(message)s")
                % {"code": exc.code, "message": exc.render(gettext)},
                returncode=EXIT_BAD_INPUT,
            ) from exc
        self.stdout.write(dumps(result), ending="")
