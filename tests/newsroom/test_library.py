"""The document library: faceted list, stable citation page, the file."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from commonbonds.newsroom import actions
from commonbonds.newsroom.models import LibraryDocument, Theme

from .conftest import minimal_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(site, make_user, treaty_data):
    publisher = make_user("publisher")
    budget = Theme.objects.create(slug="budget", name_en="Budget", name_fr="Budget (fr)")
    made = []
    for title, kind, language, year in (
        ("Budget report", "report", "en", 2025),
        ("Lettre ouverte", "letter", "fr", 2026),
        ("Joint statement", "statement", "en", 2026),
    ):
        made.append(
            actions.create_document(
                acting_user=publisher,
                upload=ContentFile(minimal_pdf(title), name="x.pdf"),
                title=title,
                kind=kind,
                author_organisation="Coalition",
                date=datetime.date(year, 5, 1),
                language=language,
                publish=True,
                themes=[budget] if kind == "report" else [],
            )
        )
    made[1].states.set([treaty_data["states"]["AAA"]])
    made[1].save()
    actions.create_document(
        acting_user=publisher,
        upload=ContentFile(minimal_pdf(), name="d.pdf"),
        title="Unpublished draft",
        kind="report",
        author_organisation="Coalition",
        date=datetime.date(2026, 1, 1),
        language="en",
    )
    return made


def test_the_library_lists_published_documents_with_facet_counts(
    library, django_assert_max_num_queries
):
    client = Client()
    with django_assert_max_num_queries(12):
        html = client.get("/library/").content.decode()
    assert "3 documents" in html
    assert "Unpublished draft" not in html
    assert 'Report <span class="count">(1)</span>' in html
    assert 'English <span class="count">(2)</span>' in html
    assert 'Budget <span class="count">(1)</span>' in html


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({"kind": "letter"}, {"Lettre ouverte"}),
        ({"language": "en"}, {"Budget report", "Joint statement"}),
        ({"theme": "budget"}, {"Budget report"}),
        ({"year": "2026"}, {"Lettre ouverte", "Joint statement"}),
        ({"state": "aaa"}, {"Lettre ouverte"}),
        ({"q": "Joint"}, {"Joint statement"}),
        ({"theme": "nonexistent"}, set()),
    ],
)
def test_facets_filter_the_list(library, query, titles):
    html = Client().get("/library/", query).content.decode()
    results = html[html.index('id="documents-heading"') :]
    for document in library:
        assert (document.title in results) == (document.title in titles), document.title


def test_each_document_has_a_stable_citation_page_and_its_file(library):
    document = library[0]
    client = Client()
    html = client.get(f"/library/{document.pk}/").content.decode()
    assert f"http://127.0.0.1:8000/library/{document.pk}/" in html or document.citation_url in html
    assert '<link rel="canonical" href="' + document.citation_url + '">' in html
    assert '"@type":"DigitalDocument"' in html
    # The same address in French, and the file itself.
    assert client.get(f"/fr/library/{document.pk}/").status_code == 200
    response = client.get(f"/library/{document.pk}/file/")
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert 'filename="budget-report.pdf"' in response["Content-Disposition"]


def test_an_unpublished_or_unknown_document_is_not_found(library):
    draft = LibraryDocument.objects.get(title="Unpublished draft")
    client = Client()
    assert client.get(f"/library/{draft.pk}/").status_code == 404
    assert client.get(f"/library/{draft.pk}/file/").status_code == 404
    assert client.get("/library/999999/").status_code == 404


def test_citation_url_does_not_change_with_the_title(library, settings):
    document = library[0]
    before = document.citation_url
    document.title = "Renamed report"
    document.save()
    assert document.citation_url == before == f"{settings.SITE_URL}/library/{document.pk}/"
