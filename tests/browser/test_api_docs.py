"""The API documentation page: readable without JavaScript, no CDN, axe-clean in English and
Arabic."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_in_english_has_no_axe_violations(page, axe_check):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/api/v1/docs/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == "Common Bonds API, version 1"
    assert page.get_by_role("link", name="OpenAPI schema (JSON)").is_visible()
    axe_check(page)
    # Everything comes from this site: no CDN.
    assert all(url.startswith(page.url.split("/api/")[0]) for url in requests), requests


def test_api_docs_in_arabic_right_to_left_has_no_axe_violations(page, axe_check):
    page.goto("/api/v1/docs/")
    page.get_by_role("link", name="العربيّة").click()
    page.wait_for_url("**/api/v1/docs/?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    axe_check(page)
