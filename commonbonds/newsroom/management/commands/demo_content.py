"""`commonbonds demo_content --pages N --news N [--documents N]` and `--remove`.

Generated, fictional pages, news items and library documents for trying the site and for load
tests (DESIGN §7): flagged `is_demo`, bannered, never in feeds or the sitemap, in listings and
search only on a demo site (CB_DEMO=1), removed in one command.
"""

from django.core.management.base import BaseCommand, CommandError

from commonbonds.core.errors import DomainError
from commonbonds.newsroom import actions


class Command(BaseCommand):
    help = "Generate fictional demo pages, news and documents, or remove them (--remove)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=0, help="informative pages to add")
        parser.add_argument("--news", type=int, default=0, help="news items to add")
        parser.add_argument("--documents", type=int, default=0, help="PDF documents to add")
        parser.add_argument("--seed", type=int, default=1, help="for the same text every time")
        parser.add_argument(
            "--remove", action="store_true", help="delete every piece of demo content"
        )

    def handle(self, *args, pages, news, documents, seed, remove, **options):
        try:
            if remove:
                count = actions.remove_demo_content(acting_user=None)
                self.stdout.write(self.style.SUCCESS(f"Removed {count} demo items."))
                return
            if not (pages or news or documents):
                raise CommandError("Say how many: --pages N, --news N and/or --documents N.")
            made = actions.generate_demo_content(
                acting_user=None, pages=pages, news=news, documents=documents, seed=seed
            )
        except DomainError as exc:
            self.stderr.write(str(exc))
            raise SystemExit(2) from exc
        self.stdout.write(
            self.style.SUCCESS(
                "Demo content added: {pages} pages, {news} news items, "
                "{documents} documents (fictional; remove with --remove).".format(**made)
            )
        )
