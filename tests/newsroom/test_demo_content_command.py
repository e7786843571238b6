from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commonbonds.newsroom.models import InformativePage, NewsItemPage

pytestmark = pytest.mark.django_db


def test_generate_and_remove(site):
    out = StringIO()
    call_command("demo_content", "--pages", "2", "--news", "3", stdout=out)
    assert "2 pages, 3 news items, 0 documents" in out.getvalue()
    assert InformativePage.objects.filter(is_demo=True).count() == 3  # their section and 2 pages
    assert NewsItemPage.objects.filter(is_demo=True).count() == 3
    call_command("demo_content", "--remove", stdout=out)
    assert not InformativePage.objects.filter(is_demo=True).exists()
    assert not NewsItemPage.objects.filter(is_demo=True).exists()


def test_says_how_to_use_it(site):
    with pytest.raises(CommandError):
        call_command("demo_content", stdout=StringIO())


def test_without_a_home_page_exits_with_status_2(db):
    from wagtail.models import Page

    from commonbonds.newsroom.models import HomePage

    HomePage.objects.all().delete()
    assert not Page.objects.filter(depth=2).exists()
    with pytest.raises(SystemExit) as exit_:
        call_command("demo_content", "--news", "1", stdout=StringIO(), stderr=StringIO())
    assert exit_.value.code == 2
