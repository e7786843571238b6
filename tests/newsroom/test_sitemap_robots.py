import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_language_and_published_documents_but_no_demo(
    full_site, make_news, make_page
):
    make_page("Public page", slug="public-page")
    make_page("Draft page", slug="draft-page", publish=False)
    make_news("Generated", slug="generated", is_demo=True)
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "http://testserver/public-page/" in xml
    assert "http://testserver/fr/" in xml and "http://testserver/ar/news/" in xml
    assert "draft-page" not in xml
    assert "generated" not in xml


def test_robots_txt_points_to_the_sitemap(site, settings):
    settings.CB_DEMO = False
    response = Client().get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /\n" not in text


def test_robots_txt_keeps_a_demo_site_out_of_search_engines(site, settings):
    settings.CB_DEMO = True
    assert "Disallow: /\n" in Client().get("/robots.txt").content.decode()
