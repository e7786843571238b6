"""Atom and RSS feeds per kind, theme, state and instrument; never demo content."""

import datetime
import xml.etree.ElementTree as ET  # our own feeds: trusted input

import pytest
from django.test import Client

from commonbonds.newsroom.models import Theme

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _parse(content):
    return ET.fromstring(content)  # noqa: S314 - the site's own feed, not untrusted input


def _atom_titles(response):
    root = _parse(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.findall(f"{ATOM}entry")]


def _rss_titles(response):
    root = _parse(response.content)
    return [item.find("title").text for item in root.iter("item")]


@pytest.fixture
def items(site, make_news, treaty_data):
    theme = Theme.objects.create(slug="victims", name_en="Victims")
    make_news("A blog post", kind="blog", date=datetime.date(2026, 1, 2))
    statement = make_news(
        "A media statement", kind="media_statement", date=datetime.date(2026, 1, 3)
    )
    statement.themes.set([theme])
    statement.states.set([treaty_data["states"]["AAA"]])
    statement.instruments.set([treaty_data["rome"]])
    statement.save_revision().publish()
    make_news("Generated", is_demo=True)
    make_news("Draft", publish=False)
    return statement


def test_the_feed_of_everything_lists_published_items_newest_first(items, settings):
    settings.CB_DEMO = True  # even on a demo site, feeds leave demo content out
    response = Client().get("/feeds/all/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert _atom_titles(response) == ["A media statement", "A blog post"]
    rss = Client().get("/feeds/all/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert _rss_titles(rss) == ["A media statement", "A blog post"]


def test_feeds_per_kind_theme_state_and_instrument(items):
    client = Client()
    assert _atom_titles(client.get("/feeds/blog/atom/")) == ["A blog post"]
    assert _atom_titles(client.get("/feeds/theme/victims/atom/")) == ["A media statement"]
    assert _rss_titles(client.get("/feeds/state/aaa/rss/")) == ["A media statement"]
    assert _atom_titles(client.get("/feeds/state/BBB/atom/")) == []
    assert _atom_titles(client.get("/feeds/instrument/rome_statute/atom/")) == ["A media statement"]


def test_feed_entries_link_to_the_items(items):
    root = _parse(Client().get("/feeds/media_statement/atom/").content)
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{items.url}"
    assert entry.find(f"{ATOM}summary").text == "A summary of the item."


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/nonsense/atom/",
        "/feeds/all/json/",
        "/feeds/theme/none/rss/",
        "/feeds/state/ZZZ/atom/",
    ],
)
def test_unknown_feeds_are_404(site, url):
    assert Client().get(url).status_code == 404


def test_feeds_are_in_the_language_of_their_address(full_site):
    from commonbonds.newsroom.models import NewsIndexPage, NewsItemPage

    index = NewsIndexPage.objects.get(locale__language_code="fr")
    item = NewsItemPage(title="Un article", slug="un-article", summary="Résumé")
    index.add_child(instance=item)
    item.save_revision().publish()
    assert _atom_titles(Client().get("/fr/feeds/all/atom/")) == ["Un article"]
    assert _atom_titles(Client().get("/feeds/all/atom/")) == []
