"""The read-only queries other apps use."""

import datetime

import pytest
from django.utils import translation

from commonbonds.newsroom.models import NewsIndexPage, NewsItemPage
from commonbonds.newsroom.queries import latest_news_for_state

pytestmark = pytest.mark.django_db


def test_latest_news_for_a_state_newest_first_in_the_active_language(
    full_site, make_news, treaty_data
):
    alphaland = treaty_data["states"]["AAA"]
    old = make_news("Old news on Alphaland", date=datetime.date(2025, 1, 1))
    new = make_news("New news on Alphaland", date=datetime.date(2026, 1, 1))
    other = make_news("On Betaland", date=datetime.date(2026, 2, 1))
    draft = make_news("Draft on Alphaland", publish=False)
    for item in (old, new, draft):
        item.states.set([alphaland])
        item.save_revision()
    old.save_revision().publish()
    new.save_revision().publish()
    other.states.set([treaty_data["states"]["BBB"]])
    other.save_revision().publish()
    with translation.override("en"):
        assert [i.title for i in latest_news_for_state(alphaland, 5)] == [
            "New news on Alphaland",
            "Old news on Alphaland",
        ]
        assert [i.title for i in latest_news_for_state(alphaland, 1)] == ["New news on Alphaland"]
    french = NewsItemPage(title="Article sur Alphaland", slug="alpha", summary="Résumé")
    NewsIndexPage.objects.get(locale__language_code="fr").add_child(instance=french)
    french.states.set([alphaland])
    french.save_revision().publish()
    with translation.override("fr"):
        assert [i.title for i in latest_news_for_state(alphaland, 5)] == ["Article sur Alphaland"]


def test_latest_news_for_a_state_leaves_out_demo_news_on_real_sites(
    site, make_news, treaty_data, settings
):
    settings.CB_DEMO = False
    item = make_news("Generated", is_demo=True)
    item.states.set([treaty_data["states"]["AAA"]])
    item.save_revision().publish()
    with translation.override("en"):
        assert latest_news_for_state(treaty_data["states"]["AAA"], 5) == []
