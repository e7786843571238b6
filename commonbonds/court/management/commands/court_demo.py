"""`commonbonds court_demo`: a fictional judicial election for trying the live page.

Its candidates, judges and countries are invented (court/demo.py); it is flagged `is_demo`,
bannered on every page that shows it and left out of the API. `--remove` removes every
demonstration election.
"""

from django.core.management.base import BaseCommand

from commonbonds.court import actions


class Command(BaseCommand):
    help = "Create (or, with --remove, remove) the fictional demonstration election."

    def add_arguments(self, parser):
        parser.add_argument("--remove", action="store_true", help="remove demonstration elections")

    def handle(self, *args, remove=False, **options):
        if remove:
            count = actions.remove_demo_elections()
            self.stdout.write(f"Removed {count} demonstration elections.")
            return
        election = actions.create_demo_election()
        self.stdout.write(f"Demonstration election: /court/elections/{election.slug}/")
