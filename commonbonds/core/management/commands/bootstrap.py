"""`commonbonds bootstrap`: what `make run` needs after `migrate`, safe to run again.

- the site in every language (Wagtail locales and a translation of the home page);
- the data the project ships (each app's loader, which keeps staff corrections);
- on a demo site (CB_DEMO=1), one demo account per role.
It never overwrites what staff changed.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale, Page

from commonbonds.core.roles import ROLES
from commonbonds.newsroom.content import HOME_INTRO, HOME_TITLE
from commonbonds.newsroom.models import HomePage

DEMO_PASSWORD = "commonbonds-demo"  # noqa: S105 - printed to the console on demo sites only
DEMO_DOMAIN = "demo.example.org"
# Loaders of shipped data, run in this order when their app is installed.
DATA_LOADERS = [
    ("import_treaties", [str(settings.DATA_DIR)]),
    ("import_court", [str(settings.DATA_DIR)]),
    ("demo_members", ["--count", "40", "--if-demo-site"]),  # fictional; only when CB_DEMO
]


class Command(BaseCommand):
    help = "Create locales, translated home pages, load shipped data and demo accounts."

    def add_arguments(self, parser):
        parser.add_argument("--no-data", action="store_true", help="Skip loading the data.")

    def handle(self, *args, no_data=False, **options):
        self.ensure_locales_and_home()
        if not no_data:
            available = get_commands()
            for name, args_ in DATA_LOADERS:
                if name in available:
                    call_command(name, *args_, stdout=self.stdout, stderr=self.stderr)
        if getattr(settings, "CB_DEMO", False):
            self.ensure_demo_accounts()

    def ensure_locales_and_home(self):
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        for code, _name in settings.LANGUAGES:
            locale, _ = Locale.objects.get_or_create(language_code=code)
            if home is None or code == settings.LANGUAGE_CODE:
                continue
            if Page.objects.filter(translation_key=home.translation_key, locale=locale).exists():
                continue
            with translation.override(code), transaction.atomic():
                copy = home.copy_for_translation(locale)
                copy.title = str(HOME_TITLE)
                copy.intro = str(HOME_INTRO)
                copy.save_revision().publish()
            self.stdout.write(f"Home page translated into {code}.")

    def ensure_demo_accounts(self):
        User = get_user_model()
        self.stdout.write(self.style.WARNING("Demo accounts (generated; not real people):"))
        for role in ROLES.values():
            email = f"{role.slug.replace('_', '-')}@{DEMO_DOMAIN}"
            user, created = User.objects.get_or_create(
                email=email,
                defaults={
                    "first_name": "Demo",
                    "last_name": str(role.label),
                    "is_demo": True,
                    "is_staff": role.staff,
                    "is_superuser": role.slug == "administrator",
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=role.group_name))
            if role.staff and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
            self.stdout.write(f"  {email:45} {role.slug}")
        self.stdout.write(
            f"Password for all: {DEMO_PASSWORD}. Staff accounts ask for a two-factor code: "
            "get it with `commonbonds demo_code EMAIL` (or .venv/bin/commonbonds demo_code EMAIL)."
        )
