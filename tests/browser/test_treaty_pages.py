"""Journeys through the public treaty pages (issue 4): the table, the date, the language and
the CSV download, with axe in English and Arabic."""

import csv
import io
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def data(translated_site):
    from commonbonds.treaties import snapshot
    from tests.treaties.fixtures import import_data

    import_data()
    snapshot.reset()
    yield
    snapshot.reset()


def test_table_date_language_and_csv(page, data, axe_check):
    page.goto("/states/")
    axe_check(page)
    page.get_by_label("Instrument", exact=True).select_option("rome_statute")
    page.get_by_label("Status", exact=True).select_option("withdrawn")
    page.get_by_label("As of", exact=True).fill("2018-01-01")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**status=withdrawn**")
    rows = page.locator("#treaties-rows tbody tr")
    # On 1 Jan 2018 only Burundi had left (effective 27 Oct 2017); the Philippines left in 2019.
    assert rows.count() == 1
    assert "Burundi" in rows.first.inner_text()
    page.get_by_label("As of", exact=True).fill("2020-01-01")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**2020-01-01**")
    assert rows.count() == 2
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    content = Path(download_info.value.path()).read_text(encoding="utf-8")
    found = list(csv.DictReader(io.StringIO(content)))
    assert sorted(r["state_iso3"] for r in found) == ["BDI", "PHL"]
    assert {r["status"] for r in found} == {"withdrawn"}
    # Into Arabic, the filters kept; then a state page.
    page.get_by_role("link", name="العربيّة").click()
    page.wait_for_url("**/ar/states/**")
    assert page.locator("html").get_attribute("dir") == "rtl"
    axe_check(page)
    page.locator("#treaties-rows tbody tr").first.get_by_role("link").click()
    page.wait_for_url("**/ar/states/BDI/**")
    axe_check(page)


@pytest.mark.parametrize(
    "path",
    [
        "/states/PHL/",
        "/ar/states/PHL/",
        "/treaties/rome_statute/",
        "/ar/treaties/rome_statute/",
        "/treaties/changes/",
        "/ar/treaties/changes/",
    ],
)
def test_treaty_pages_have_no_axe_violations(page, data, axe_check, path):
    page.goto(path)
    axe_check(page)


def test_the_table_pages_through_without_javascript(chromium, live_server, data):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/states/")
    first = page.locator("#treaties-rows tbody tr").first.inner_text()
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url("**page=2**")
    assert page.locator("#treaties-rows tbody tr").first.inner_text() != first
    context.close()
