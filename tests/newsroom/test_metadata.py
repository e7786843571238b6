"""Language switcher, Open Graph and JSON-LD in the head of the pages."""

import datetime
import json
import re

import pytest
from django.test import Client

from commonbonds.newsroom.metadata import json_ld_script
from commonbonds.newsroom.models import InformativePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def _switcher(html):
    nav = html[html.index('class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    return dict(re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav))


def _json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_the_switcher_goes_to_the_translation_of_the_page(full_site, make_page):
    from wagtail.models import Locale

    page = make_page("About us", slug="about")
    french = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title, french.slug = "À propos", "a-propos"
    french.save_revision().publish()
    html = Client().get("/about/").content.decode()
    links = {lang: url for url, lang in _switcher(html).items()}
    assert links["fr"] == "/fr/a-propos/"
    # Not translated into Spanish or Arabic: to the nearest translated page above, the home.
    assert links["es"] == "/es/" and links["ar"] == "/ar/"
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/a-propos/">' in html
    assert 'hreflang="es"' not in html.split("</head>")[0]
    back = Client().get("/fr/a-propos/").content.decode()
    assert {lang: url for url, lang in _switcher(back).items()}["en"] == "/about/"


def test_the_switcher_of_a_news_index_goes_to_each_languages_index(full_site):
    html = Client().get("/news/").content.decode()
    links = {lang: url for url, lang in _switcher(html).items()}
    assert links == {"fr": "/fr/news/", "es": "/es/news/", "ar": "/ar/news/"}


def test_news_item_has_open_graph_and_news_article_json_ld(
    site, make_news, django_capture_on_commit_callbacks
):
    from commonbonds.newsroom.models import Author

    author = Author.objects.create(name="Ana Writer")
    item = make_news(
        "Court budget </script><script>alert(1)</script>", date=datetime.date(2026, 5, 4)
    )
    item.authors.set([author])
    item.save_revision().publish()
    html = Client().get(item.url).content.decode()
    head = html.split("</head>")[0]
    assert '<meta property="og:type" content="article">' in head
    assert f'<meta property="og:url" content="http://testserver{item.url}">' in head
    assert '<meta property="og:description" content="A summary of the item.">' in head
    assert "<script>alert(1)</script>" not in html  # escaped everywhere, JSON-LD included
    data = _json_ld(head)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Court budget </script><script>alert(1)</script>"
    assert data["datePublished"] == "2026-05-04"
    assert data["author"] == [{"@type": "Person", "name": "Ana Writer"}]
    assert data["inLanguage"] == "en"


def test_pages_have_web_page_json_ld_and_a_canonical_link(site, make_page):
    page = make_page("Plain", intro="Intro text")
    head = Client().get(page.url).content.decode().split("</head>")[0]
    assert f'<link rel="canonical" href="http://testserver{page.url}">' in head
    assert _json_ld(head)["@type"] == "WebPage"
    assert '<meta name="description" content="Intro text">' in head
    assert 'type="application/atom+xml"' in head


def test_json_ld_escapes_what_could_end_the_element():
    text = str(json_ld_script({"name": "a</script>&<b>"}))
    inner = text[len('<script type="application/ld+json">') : -len("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == {"name": "a</script>&<b>"}


def test_a_page_of_a_language_without_its_home_falls_back_to_the_language_root(site, make_page):
    page = make_page("Only English")
    html = Client().get(page.url).content.decode()
    links = {lang: url for url, lang in _switcher(html).items()}
    assert links["fr"] == "/fr/"


def test_non_page_views_keep_the_translated_url(site):
    html = Client().get("/search/").content.decode()
    assert {lang: url for url, lang in _switcher(html).items()}["fr"] == "/fr/search/"


def test_the_informative_page_lists_its_children_without_demo_on_real_sites(
    site, make_page, settings
):
    settings.CB_DEMO = False
    parent = make_page("Parent")
    make_page("Visible child", parent=parent)
    make_page("Generated child", parent=parent, is_demo=True)
    html = Client().get(InformativePage.objects.get(pk=parent.pk).url).content.decode()
    assert "Visible child" in html and "Generated child" not in html
    assert NewsIndexPage.objects.exists()
