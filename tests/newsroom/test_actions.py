"""The newsroom's actions: audit written, refusals clear, nothing saved halfway."""

import datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from commonbonds.core.errors import DomainError, PermissionDeniedError
from commonbonds.core.models import AuditEntry
from commonbonds.newsroom import actions
from commonbonds.newsroom.models import LibraryDocument, NewsIndexPage, NewsItemPage

from .conftest import minimal_pdf

pytestmark = pytest.mark.django_db


def _document(user, upload, **kwargs):
    values = {
        "acting_user": user,
        "upload": upload,
        "title": "Report on reparations",
        "kind": "report",
        "author_organisation": "Coalition secretariat",
        "date": datetime.date(2026, 10, 1),
        "language": "en",
    }
    values.update(kwargs)
    return actions.create_document(**values)


def test_an_editor_adds_a_pdf_and_its_text_is_extracted(
    site, make_user, django_capture_on_commit_callbacks
):
    editor = make_user("editor")
    with django_capture_on_commit_callbacks(execute=True):
        document = _document(editor, ContentFile(minimal_pdf("Reparations matter"), name="r.pdf"))
    document.refresh_from_db()
    assert document.live is False  # editors add; publishers publish
    assert "Reparations matter" in document.text
    assert document.file_size == len(minimal_pdf("Reparations matter"))
    entry = AuditEntry.objects.get(action="newsroom.document.created")
    assert entry.actor == editor and entry.object_id == str(document.pk)
    assert document.revisions.count() == 1


def test_only_publishers_publish_documents(site, make_user):
    with pytest.raises(PermissionDeniedError):
        _document(make_user("editor"), ContentFile(minimal_pdf(), name="r.pdf"), publish=True)
    document = _document(
        make_user("publisher"), ContentFile(minimal_pdf(), name="r.pdf"), publish=True
    )
    assert document.live is True


def test_people_without_the_permission_add_nothing(site, make_user):
    with pytest.raises(PermissionDeniedError):
        _document(make_user("focal_point"), ContentFile(minimal_pdf(), name="r.pdf"))
    assert not LibraryDocument.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"PK\x03\x04 a word document", "report.pdf", "not_pdf"),
        (minimal_pdf(), "report.docx", "invalid_extension"),
        (b"%PDF-1.4 but nothing else", "broken.pdf", "unreadable_pdf"),
    ],
)
def test_a_file_that_is_not_a_readable_pdf_is_refused_and_nothing_is_saved(
    site, make_user, settings, content, name, code
):
    with pytest.raises(DomainError) as caught:
        _document(make_user("publisher"), ContentFile(content, name=name))
    assert caught.value.code == code
    assert not LibraryDocument.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="newsroom.document").exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


def test_an_oversized_file_is_refused_with_the_limit(site, make_user, settings):
    settings.CB_LIBRARY_MAX_UPLOAD_MB = 1
    big = minimal_pdf() + b"%" + b"x" * (1024 * 1024)
    with pytest.raises(DomainError) as caught:
        _document(make_user("publisher"), ContentFile(big, name="big.pdf"))
    assert caught.value.code == "file_too_large"
    assert "1.0\xa0MB" in str(caught.value)
    assert not LibraryDocument.objects.exists()


def test_a_failure_after_the_file_was_written_removes_the_file(
    site, make_user, settings, monkeypatch
):
    from commonbonds.core import audit

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(audit, "log", broken)
    with pytest.raises(RuntimeError):
        _document(make_user("publisher"), ContentFile(minimal_pdf(), name="r.pdf"))
    assert not LibraryDocument.objects.exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


def test_text_is_extracted_again_only_when_the_file_changes(
    site, make_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = _document(
            make_user("publisher"), ContentFile(minimal_pdf("First"), name="a.pdf")
        )
    assert "First" in LibraryDocument.objects.get(pk=document.pk).text
    LibraryDocument.objects.filter(pk=document.pk).update(text="kept")
    assert actions.extract_text(document.pk) == len("kept")  # same file: not read again
    document.file.save("b.pdf", ContentFile(minimal_pdf("Second")))
    actions.extract_text(document.pk)
    assert "Second" in LibraryDocument.objects.get(pk=document.pk).text


def test_ensure_sections_is_idempotent_and_audited(site):
    from wagtail.models import Locale

    before = NewsIndexPage.objects.count()
    assert actions.ensure_sections(locale=Locale.objects.get(language_code="en")) == []
    assert NewsIndexPage.objects.count() == before
    assert AuditEntry.objects.filter(action="newsroom.sections.created").count() == 1


def test_moving_a_news_item_under_the_home_page_is_refused_clearly(site, make_news, make_user):
    item = make_news("Stays put")
    publisher = make_user("publisher")
    with pytest.raises(DomainError) as caught:
        actions.move_page(acting_user=publisher, page=item, destination=site)
    message = str(caught.value)
    assert caught.value.code == "page_type_not_allowed_here"
    assert "A news item cannot be placed under “Common Bonds” (a home page)" in message
    assert "news index" in message and "Nothing was moved" in message
    item.refresh_from_db()
    assert item.get_parent().specific_class is NewsIndexPage
    assert not AuditEntry.objects.filter(action="newsroom.page.moved").exists()


def test_moving_a_page_where_it_may_go_is_audited(site, make_page, make_user):
    section = make_page("Section")
    page = make_page("Child")
    publisher = make_user("publisher")
    moved = actions.move_page(acting_user=publisher, page=page, destination=section)
    assert moved.get_parent().pk == section.pk
    entry = AuditEntry.objects.get(action="newsroom.page.moved")
    assert entry.changes == {"parent": [site.pk, section.pk]}


def test_an_editor_may_not_move_pages(site, make_page, make_user):
    section = make_page("Section")
    page = make_page("Child")
    with pytest.raises(PermissionDeniedError):
        actions.move_page(acting_user=make_user("editor"), page=page, destination=section)


def test_demo_content_is_flagged_fictional_and_removed_in_one_go(site):
    made = actions.generate_demo_content(pages=3, news=4, documents=2)
    assert made == {"pages": 3, "news": 4, "documents": 2}
    assert NewsItemPage.objects.filter(is_demo=True).count() == 4
    assert LibraryDocument.objects.filter(is_demo=True, live=True).count() == 2
    real_names = {"Kenya", "France", "Uganda", "United Nations", "Amnesty"}
    for page in NewsItemPage.objects.filter(is_demo=True):
        assert not any(name in page.title + page.summary for name in real_names)
    # A second run adds more instead of failing on taken slugs.
    actions.generate_demo_content(news=2)
    assert NewsItemPage.objects.filter(is_demo=True).count() == 6
    removed = actions.remove_demo_content()
    assert removed >= 3 + 1 + 6 + 2
    assert not NewsItemPage.objects.filter(is_demo=True).exists()
    assert not LibraryDocument.objects.exists()
    assert NewsIndexPage.objects.filter(locale__language_code="en").exists()  # real pages stay
    assert AuditEntry.objects.filter(action="newsroom.demo.removed").exists()


def test_demo_content_refuses_negative_numbers(site):
    with pytest.raises(DomainError):
        actions.generate_demo_content(pages=-1)
