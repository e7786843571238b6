"""Site search: pages, news, documents and states, with filters by type, language and date."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import translation

from commonbonds.newsroom import actions
from commonbonds.newsroom.models import NewsIndexPage, NewsItemPage
from commonbonds.newsroom.search import site_search

from .conftest import minimal_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(site, make_news, make_page, make_user, django_capture_on_commit_callbacks):
    make_page("Complementarity explained", body_text="National courts come first")
    make_news(
        "Budget talks",
        body_text="The assembly discussed complementarity",
        date=datetime.date(2025, 6, 1),
    )
    make_news("Unrelated item", body_text="Nothing to see", date=datetime.date(2026, 6, 1))
    with django_capture_on_commit_callbacks(execute=True):
        actions.create_document(
            acting_user=make_user("publisher"),
            upload=ContentFile(minimal_pdf("Complementarity in practice"), name="c.pdf"),
            title="A study",
            kind="report",
            author_organisation="Coalition",
            date=datetime.date(2024, 3, 1),
            language="fr",
            publish=True,
        )
    return site


def _titles(results):
    return {r.title for r in results}


def test_search_finds_pages_news_and_words_inside_pdfs(corpus):
    assert _titles(site_search("complementarity")) == {
        "Complementarity explained",
        "Budget talks",
        "A study",  # only its PDF's text has the word
    }


def test_filters_by_type_language_and_date(corpus):
    assert _titles(site_search("complementarity", types=["news"])) == {"Budget talks"}
    assert _titles(site_search("complementarity", types=["documents"])) == {"A study"}
    assert _titles(site_search("complementarity", language="fr")) == {"A study"}
    assert _titles(
        site_search(
            "complementarity", date_from=datetime.date(2025, 1, 1), types=["news", "documents"]
        )
    ) == {"Budget talks"}
    assert _titles(
        site_search(
            "complementarity", date_to=datetime.date(2024, 12, 31), types=["news", "documents"]
        )
    ) == {"A study"}


def test_drafts_and_unpublished_documents_are_not_found(site, make_news):
    make_news("Secret draft about complementarity", publish=False)
    assert site_search("secret") == []


def test_demo_content_is_found_only_on_demo_sites(site, make_news, settings):
    make_news("Generated complementarity", is_demo=True)
    settings.CB_DEMO = False
    assert site_search("generated") == []
    settings.CB_DEMO = True
    assert _titles(site_search("generated")) == {"Generated complementarity"}


def test_states_are_found_by_their_name_in_any_language(site, treaty_data):
    with translation.override("en"):
        assert _titles(site_search("Alphaland")) == {"Alphaland"}
        assert _titles(site_search("Betaland (fr)")) == {"Betaland"}
        assert _titles(site_search("Alphaland", types=["news"])) == set()
    with translation.override("fr"):
        assert _titles(site_search("Alphaland")) == {"Alphaland (fr)"}


def test_search_page(corpus, django_assert_max_num_queries):
    client = Client()
    with django_assert_max_num_queries(20):
        response = client.get("/search/", {"q": "complementarity", "type": ["pages", "news"]})
    html = response.content.decode()
    assert "2 results" in html
    assert "Complementarity explained" in html and "Budget talks" in html
    assert "A study" not in html


def test_search_page_refuses_a_start_after_the_end(site):
    html = (
        Client()
        .get("/search/", {"q": "x", "date_from": "2026-02-01", "date_to": "2026-01-01"})
        .content.decode()
    )
    assert "The start date is after the end date." in html


def test_an_empty_search_shows_the_form_only(site):
    response = Client().get("/search/")
    assert response.status_code == 200
    assert "results" not in response.content.decode().split("<main", 1)[1].split("</form>", 1)[1]


def test_search_in_french_finds_french_pages(full_site):
    french_index = NewsIndexPage.objects.get(locale__language_code="fr")
    item = NewsItemPage(title="Réparations pour les victimes", slug="reparations", summary="Résumé")
    french_index.add_child(instance=item)
    item.save_revision().publish()
    html = Client().get("/fr/search/", {"q": "réparations", "language": "fr"}).content.decode()
    assert "Réparations pour les victimes" in html
    assert 'href="/fr/news/reparations/"' in html
