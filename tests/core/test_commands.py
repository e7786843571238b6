from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from commonbonds.core.models import User


def test_bootstrap_is_idempotent_and_keeps_staff_edits(public_site, settings):
    settings.CB_DEMO = True
    call_command("bootstrap", "--no-data", stdout=StringIO())
    french = Page.objects.get(locale__language_code="fr", depth=2).specific
    french.intro = "Texte corrigé par le secrétariat"
    french.save_revision().publish()
    out = StringIO()
    call_command("bootstrap", "--no-data", stdout=out)
    french.refresh_from_db()
    assert french.intro == "Texte corrigé par le secrétariat"
    assert Page.objects.filter(depth=2).count() == 4  # en, fr, es, ar
    assert User.objects.filter(is_demo=True).count() == 8
    assert "translated" not in out.getvalue()


def test_demo_code_prints_a_code_only_for_demo_accounts(public_site, settings):
    settings.CB_DEMO = True
    call_command("bootstrap", "--no-data", stdout=StringIO())
    out = StringIO()
    call_command("demo_code", "editor@demo.example.org", stdout=out)
    assert out.getvalue().strip().isdigit() and len(out.getvalue().strip()) == 6
    with pytest.raises(CommandError):
        call_command("demo_code", "nobody@example.org")
    settings.CB_DEMO = False
    with pytest.raises(CommandError):
        call_command("demo_code", "editor@demo.example.org")


def test_no_demo_accounts_unless_asked(public_site, settings):
    settings.CB_DEMO = False
    call_command("bootstrap", "--no-data", stdout=StringIO())
    assert not User.objects.filter(is_demo=True).exists()
