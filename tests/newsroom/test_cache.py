"""The page cache: anonymous readers get stored pages, a publish empties it."""

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.CB_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_off_by_default(site, make_news):
    item = make_news("Item")
    assert "X-Page-Cache" not in Client().get(item.url)


def test_anonymous_readers_get_the_stored_page_until_something_is_published(
    site, make_news, page_cache, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client = Client()
    assert client.get("/")["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(6):  # Wagtail's routing only; rendering needs ~15
        response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert "Content-Security-Policy" in response
    with django_capture_on_commit_callbacks(execute=True):
        make_news("Fresh news")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss" and "Fresh news" in response.content.decode()


def test_signed_in_visitors_and_queries_are_never_served_from_the_cache(
    site, page_cache, client_for
):
    Client().get("/")
    signed_in = client_for("focal_point")
    response = signed_in.get("/")
    assert "X-Page-Cache" not in response and "My account" in response.content.decode()
    assert "X-Page-Cache" not in Client().get("/news/?kind=blog")
