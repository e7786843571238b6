"""`commonbonds demo_members --count N` / `--remove`: demo organisations (DESIGN §7).

Fictional names, flagged `is_demo`, bannered on pages, never counted. `--count N` tops the demo
set up to N (running it twice makes no more). On a demo site, the demo focal point account gets
the first demo organisation and the demo regional coordinator its region.
"""

from io import StringIO

from django.conf import settings
from django.core.management.base import BaseCommand

from commonbonds.members import actions


class Command(BaseCommand):
    help = "Create (or remove) demo member organisations with fictional names."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=40, help="How many should exist.")
        parser.add_argument("--remove", action="store_true", help="Remove every demo organisation.")
        parser.add_argument(
            "--if-demo-site",
            action="store_true",
            help="Do nothing unless settings.CB_DEMO is on (used by `commonbonds bootstrap`).",
        )

    def handle(self, *args, count: int, remove: bool, if_demo_site: bool, **options):
        if if_demo_site and not getattr(settings, "CB_DEMO", False):
            return
        if remove:
            removed = actions.remove_demo_organisations()
            self.stdout.write(f"{removed} demo organisations removed.")
            return
        created = actions.create_demo_organisations(count=max(count, 0))
        self.stdout.write(f"{created} demo organisations created (fictional, flagged as demo).")
        if getattr(settings, "CB_DEMO", False):
            self._link_demo_accounts()

    def _link_demo_accounts(self):
        from django.contrib.auth import get_user_model

        from commonbonds.core.management.commands.bootstrap import DEMO_DOMAIN
        from commonbonds.core.management.commands.bootstrap import Command as Bootstrap

        Bootstrap(stdout=StringIO()).ensure_demo_accounts()  # idempotent
        users = get_user_model().objects.filter(
            is_demo=True,
            email__in=[f"focal-point@{DEMO_DOMAIN}", f"regional-coordinator@{DEMO_DOMAIN}"],
        )
        actions.link_demo_accounts(
            users={u.email.split("@")[0].replace("-", "_"): u for u in users}
        )
