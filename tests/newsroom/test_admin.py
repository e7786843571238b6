"""The staff screens: bad input gets a clear message and nothing is saved halfway."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from commonbonds.core.models import AuditEntry
from commonbonds.newsroom.models import InformativePage, LibraryDocument, NewsItemPage

from ..conftest import login_verified
from .conftest import minimal_pdf

pytestmark = pytest.mark.django_db
ADD_DOCUMENT = "/admin/snippets/newsroom/librarydocument/add/"


@pytest.fixture
def as_role(site, make_user):
    def sign_in(role):
        return login_verified(Client(), make_user(role))

    return sign_in


def _document_form(upload, **extra):
    data = {
        "title": "Submission to the Assembly",
        "kind": "submission",
        "date": "2026-11-01",
        "language": "en",
        "author_organisation": "Coalition",
        "summary": "",
        "file": upload,
    }
    data.update(extra)
    return data


def test_an_editor_uploads_a_pdf_from_the_admin(as_role, django_capture_on_commit_callbacks):
    client = as_role("editor")
    upload = SimpleUploadedFile("submission.pdf", minimal_pdf("Words inside"), "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_DOCUMENT, _document_form(upload, live="on"))
    assert response.status_code == 302, response.content.decode()[:3000]
    document = LibraryDocument.objects.get()
    assert document.live is False  # the box is not on an editor's form: "on" is ignored
    assert "Words inside" in document.text
    assert AuditEntry.objects.filter(
        action="newsroom.document.created", actor__isnull=False
    ).exists()


def test_a_publisher_publishes_from_the_admin(as_role, django_capture_on_commit_callbacks):
    client = as_role("publisher")
    upload = SimpleUploadedFile("s.pdf", minimal_pdf(), "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADD_DOCUMENT, _document_form(upload, live="on"))
    assert LibraryDocument.objects.get().live is True
    assert AuditEntry.objects.filter(action="newsroom.document.published").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("letter.docx", b"PK\x03\x04", "File extension “docx” is not allowed."),
        ("letter.pdf", b"PK\x03\x04 renamed", "This file is not a PDF."),
    ],
)
def test_a_non_pdf_upload_is_refused_clearly(as_role, settings, name, content, message):
    client = as_role("editor")
    response = client.post(ADD_DOCUMENT, _document_form(SimpleUploadedFile(name, content)))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LibraryDocument.objects.exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*")) or not list(
        Path(settings.MEDIA_ROOT).rglob("*.pdf")
    )


def test_an_oversized_upload_is_refused_with_the_limit(as_role, settings):
    settings.CB_LIBRARY_MAX_UPLOAD_MB = 1
    client = as_role("editor")
    big = minimal_pdf() + b"%" + b"0" * (1024 * 1024 + 10)
    response = client.post(ADD_DOCUMENT, _document_form(SimpleUploadedFile("big.pdf", big)))
    html = response.content.decode()
    assert "the largest file accepted is 1.0\xa0MB" in html
    assert not LibraryDocument.objects.exists()


def test_the_form_says_the_limit_up_front(as_role):
    html = as_role("editor").get(ADD_DOCUMENT).content.decode()
    assert "A PDF file of at most 25.0\xa0MB." in html


def test_a_broken_embed_is_refused_and_the_page_not_created(as_role, site):
    client = as_role("editor")
    data = nested_form_data(
        {
            "title": "With a video",
            "slug": "with-a-video",
            "intro": "",
            "body": streamfield([("video", "https://video.invalid/watch?v=nothing")]),
            "action-submit": "Submit",
        }
    )
    response = client.post(f"/admin/pages/add/newsroom/informativepage/{site.pk}/", data)
    assert response.status_code == 200
    assert "Cannot find an embed for this URL." in response.content.decode()
    assert not InformativePage.objects.filter(slug="with-a-video").exists()


def test_an_editor_creates_and_submits_a_page_from_the_admin(as_role, site):
    client = as_role("editor")
    data = nested_form_data(
        {
            "title": "Join the campaign",
            "slug": "join",
            "intro": "Why it matters",
            "body": streamfield([("rich_text", rich_text("<p>Text</p>"))]),
            "action-submit": "Submit",
        }
    )
    response = client.post(f"/admin/pages/add/newsroom/informativepage/{site.pk}/", data)
    assert response.status_code == 302
    page = InformativePage.objects.get(slug="join")
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"


def test_moving_a_page_under_a_parent_that_does_not_allow_it(as_role, site, make_news, make_page):
    client = as_role("publisher")
    item = make_news("Stays")
    page = make_page("Informative")
    for url in (
        f"/admin/pages/{item.pk}/move/{site.pk}/confirm/",
        f"/admin/pages/{item.pk}/move/{page.pk}/confirm/",
    ):
        response = client.post(url, follow=True)
        html = response.content.decode()
        assert "A news item cannot be placed under" in html
        assert "Nothing was moved" in html
    assert (
        NewsItemPage.objects.get(pk=item.pk).get_parent().specific_class.__name__ == "NewsIndexPage"
    )


def test_moving_a_page_where_it_may_go_works_from_the_admin(as_role, make_page):
    client = as_role("publisher")
    section = make_page("Section")
    page = make_page("Child")
    response = client.post(f"/admin/pages/{page.pk}/move/{section.pk}/confirm/")
    assert response.status_code == 302
    assert InformativePage.objects.get(pk=page.pk).get_parent().pk == section.pk


def test_the_user_guide_is_linked_from_the_admin(as_role):
    client = as_role("editor")
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/user-guide/" in dashboard
    html = client.get("/admin/user-guide/").content.decode()
    assert "User guide" in html
    assert "<h1>" in html or "<h2>" in html
    assert client.get("/admin/user-guide/publishing/").status_code == 200
    assert client.get("/admin/user-guide/no-such-chapter/").status_code == 404


def test_staff_screens_of_the_newsroom(as_role):
    client = as_role("editor")
    for url in (
        "/admin/snippets/newsroom/librarydocument/",
        "/admin/snippets/newsroom/theme/",
        "/admin/snippets/newsroom/author/",
        "/admin/redirects/",
    ):
        assert client.get(url).status_code == 200, url


def test_redirects_managed_by_staff_send_old_links_on(as_role, make_page):
    from wagtail.contrib.redirects.models import Redirect

    page = make_page("New home of an old page", slug="new-home")
    client = as_role("publisher")
    response = client.post(
        "/admin/redirects/add/",
        {
            "old_path": "/old-site/page.html",
            "site": "",
            "is_permanent": "on",
            "redirect_page": page.pk,
            "redirect_link": "",
        },
    )
    assert response.status_code == 302
    assert Redirect.objects.count() == 1
    public = Client().get("/old-site/page.html")
    assert public.status_code == 301 and public["Location"].endswith("/new-home/")


def test_library_document_dates_and_draft_visibility(site, make_user):
    draft = LibraryDocument.objects.create(
        title="Draft",
        kind="report",
        author_organisation="X",
        date=datetime.date(2026, 1, 1),
        language="en",
        file="library/draft.pdf",
    )
    assert Client().get(f"/library/{draft.pk}/").status_code == 404
    staff = login_verified(Client(), make_user("editor"))
    response = staff.get(f"/library/{draft.pk}/")
    assert (
        response.status_code == 200
        and "Draft: this document is not published" in response.content.decode()
    )
