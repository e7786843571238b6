"""State changes of the newsroom. The admin, the commands and the tests call these.

Pages themselves are written through Wagtail's own actions (create, submit for moderation,
approve, publish, which Wagtail records in each page's history); the functions here cover
what Wagtail does not: the library's documents, the sections every language gets, moving a
page with a clear refusal, and the demo content.
"""

from __future__ import annotations

import datetime
import random
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.search import index

from commonbonds.core import audit
from commonbonds.core.errors import DomainError, PermissionDeniedError

from . import content
from .models import (
    Author,
    DocumentKind,
    HomePage,
    InformativePage,
    LibraryDocument,
    NewsIndexPage,
    NewsItemPage,
    NewsKind,
    Theme,
    TopicIndexPage,
)
from .tasks import extract_document_text

PUBLISH_DOCUMENT = "newsroom.publish_librarydocument"
ADD_DOCUMENT = "newsroom.add_librarydocument"


def _first_error(exc: ValidationError) -> tuple[str, str]:
    errors = exc.error_dict if hasattr(exc, "error_dict") else {"": exc.error_list}
    for field_errors in errors.values():
        for error in field_errors:
            message = error.message % error.params if error.params else error.message
            return str(message), error.code or "invalid"
    return str(exc), "invalid"


# ---------------------------------------------------------------- the document library


def create_document(
    *,
    acting_user,
    upload: File,
    title: str,
    kind: str,
    author_organisation: str,
    date: datetime.date,
    language: str,
    summary: str = "",
    themes=(),
    publish: bool = False,
    is_demo: bool = False,
) -> LibraryDocument:
    """Add a PDF to the library (as a draft, or published by someone allowed to publish)."""
    if acting_user is not None and not acting_user.has_perm(ADD_DOCUMENT):
        raise PermissionDeniedError(gettext_lazy("You may not add documents to the library."))
    if publish and acting_user is not None and not acting_user.has_perm(PUBLISH_DOCUMENT):
        raise PermissionDeniedError(gettext_lazy("You may not publish documents."))
    document = LibraryDocument(
        title=title,
        kind=kind,
        author_organisation=author_organisation,
        date=date,
        language=language,
        summary=summary,
        is_demo=is_demo,
        live=publish,
    )
    document.file = upload
    document.themes.set(themes)  # written with the document (a ParentalManyToManyField)
    try:
        document.full_clean()
    except ValidationError as exc:
        message, code = _first_error(exc)
        raise DomainError(message, code=code) from exc
    stored = None
    try:
        with transaction.atomic():
            document.save()
            stored = document.file.name
            document.save_revision(user=acting_user, log_action=True)
            audit.log(
                "newsroom.document.created",
                actor=acting_user,
                obj=document,
                data={"kind": kind, "language": language, "published": publish},
            )
            transaction.on_commit(lambda: extract_document_text.enqueue(document.pk))
    except Exception:
        # Nothing saved halfway: a failed write leaves no file behind.
        if stored:
            document.file.storage.delete(stored)
        raise
    return document


def document_saved(
    *, acting_user, document: LibraryDocument, created: bool, was_live: bool = False
) -> None:
    """What the admin's create and edit views do after saving (inside their transaction)."""
    audit.log(
        "newsroom.document.created" if created else "newsroom.document.changed",
        actor=acting_user,
        obj=document,
        data={"kind": document.kind, "language": document.language},
    )
    if document.live and not was_live:
        audit.log("newsroom.document.published", actor=acting_user, obj=document)
    pk = document.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(pk))


def document_deleted(*, acting_user, document: LibraryDocument) -> None:
    audit.log("newsroom.document.deleted", actor=acting_user, obj=document)


def extract_text(document_id: int) -> int:
    """Store the text of the document's PDF for the search (again only when the file changed)."""
    from .extract import pdf_text

    document = LibraryDocument.objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return 0
    if document.text_source == document.file.name:
        return len(document.text)
    try:
        with document.file.open("rb") as fileobj:
            text = pdf_text(fileobj)
    except OSError:
        return 0
    with transaction.atomic():
        LibraryDocument.objects.filter(pk=document_id).update(
            text=text, text_source=document.file.name
        )
    document.refresh_from_db()
    index.insert_or_update_object(document)
    return len(text)


# ---------------------------------------------------------------- sections of the site


def _default_home() -> HomePage | None:
    return HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()


def ensure_sections(*, acting_user=None, locale: Locale) -> list[Page]:
    """Every language's home page gets a news index and a topic index (created once).

    The English ones are created first; other languages get translations of them (Wagtail's
    `copy_for_translation`), so the language switcher links each to the others.
    """
    english = _default_home()
    if english is None:
        return []
    created: list[Page] = []
    with transaction.atomic():
        sections = []
        for model, title, intro, slug in (
            (NewsIndexPage, content.NEWS_TITLE, content.NEWS_INTRO, "news"),
            (TopicIndexPage, content.TOPICS_TITLE, content.TOPICS_INTRO, "topics"),
        ):
            page = model.objects.child_of(english).order_by("path").first()
            if page is None:
                with translation.override(settings.LANGUAGE_CODE):
                    page = model(title=str(title), intro=str(intro), slug=slug)
                    english.add_child(instance=page)
                    page.save_revision(user=acting_user).publish(user=acting_user)
                created.append(page)
            sections.append((page, title, intro))
        if locale.language_code != settings.LANGUAGE_CODE:
            home = HomePage.objects.filter(locale=locale).first()
            if home is None:
                return created
            for page, title, intro in sections:
                if page.get_translations().filter(locale=locale).exists():
                    continue
                with translation.override(locale.language_code):
                    copy = page.copy_for_translation(locale)
                    copy.title = str(title)
                    copy.intro = str(intro)
                    copy.save_revision(user=acting_user).publish(user=acting_user)
                created.append(copy)
        if created:
            audit.log(
                "newsroom.sections.created",
                actor=acting_user,
                obj=created[0],
                data={"language": locale.language_code},
            )
    return created


# ---------------------------------------------------------------- moving pages


def check_move(page: Page, destination: Page) -> None:
    """Refuse, with a message an editor understands, a move the page types do not allow."""
    page = page.specific
    if page.can_move_to(destination):
        return
    allowed = sorted(
        {
            str(model._meta.verbose_name)
            for model in page.specific_class.allowed_parent_page_models()
        }
    )
    raise DomainError(
        _(
            "A %(type)s cannot be placed under “%(parent)s” (a %(parent_type)s). "
            "It can be placed under: %(allowed)s. Nothing was moved."
        )
        % {
            "type": page.specific_class._meta.verbose_name,
            "parent": destination.get_admin_display_title(),
            "parent_type": destination.specific_class._meta.verbose_name
            if destination.specific_class
            else _("page"),
            "allowed": ", ".join(allowed) or _("nowhere"),
        },
        code="page_type_not_allowed_here",
    )


def move_page(*, acting_user, page: Page, destination: Page) -> Page:
    check_move(page, destination)
    if not page.permissions_for_user(acting_user).can_move_to(destination):
        raise PermissionDeniedError(gettext_lazy("You may not move this page there."))
    with transaction.atomic():
        old_parent = page.get_parent()
        MovePageAction(page, destination, pos="last-child", user=acting_user).execute()
        audit.log(
            "newsroom.page.moved",
            actor=acting_user,
            obj=page,
            changes=audit.diff({"parent": old_parent.pk}, {"parent": destination.pk}),
        )
    return Page.objects.get(pk=page.pk).specific


# ---------------------------------------------------------------- demo content

# Fictional names only (DESIGN §7): no real state, person or organisation.
DEMO_PLACES = ["Avalonia", "Northmarch", "Veridia", "Lundmark", "Castellan Isles", "Ostravia"]
DEMO_ORGS = [
    "Demo Network for Fair Trials",
    "Demo Centre for Victims' Voices",
    "Demo Lawyers' Circle",
    "Demo Human Rights Forum",
]
DEMO_PEOPLE = ["Alex Demo", "Sam Example", "Robin Sample", "Jordan Placeholder"]
DEMO_SUBJECTS = [
    "reparations for victims",
    "cooperation with the Court",
    "the budget of the Court",
    "judicial elections",
    "outreach to affected communities",
    "witness protection",
    "national proceedings",
    "fair trial guarantees",
]
DEMO_VERBS = ["discussed", "reviewed", "called for progress on", "published a study of"]


def _demo_sentence(rng: random.Random) -> str:
    return (
        f"The {rng.choice(DEMO_ORGS)} {rng.choice(DEMO_VERBS)} {rng.choice(DEMO_SUBJECTS)} "
        f"in the fictional land of {rng.choice(DEMO_PLACES)}."
    )


def _demo_body(rng: random.Random, paragraphs: int = 3) -> list[tuple[str, str]]:
    return [
        (
            "rich_text",
            RichText("<p>" + " ".join(_demo_sentence(rng) for _ in range(4)) + "</p>"),
        )
        for _ in range(paragraphs)
    ]


@contextmanager
def _index_at_the_end(models):
    """Generated content: index each object once, at the end, in this process.

    The search index is normally updated by a background job per saved object; for thousands
    of generated pages that is thousands of jobs, and the search would miss them until a
    worker ran them all.
    """
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler

    saved: list = []

    def remember(sender, instance, **kwargs):
        saved.append(instance)

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(remember, sender=model, weak=False)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(remember, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
    seen = set()
    for instance in saved:
        key = (type(instance), instance.pk)
        if key not in seen:
            seen.add(key)
            index.insert_or_update_object(instance)


def generate_demo_content(
    *, acting_user=None, pages: int = 0, news: int = 0, documents: int = 0, seed: int = 1
) -> dict[str, int]:
    """Fictional pages, news items and documents, flagged `is_demo` (DESIGN §7)."""
    if min(pages, news, documents) < 0:
        raise DomainError(gettext_lazy("Numbers of items cannot be negative."), code="negative")
    home = _default_home()
    if home is None:
        raise DomainError(
            gettext_lazy("There is no home page: run `commonbonds migrate` first."),
            code="no_home",
        )
    rng = random.Random(seed)  # noqa: S311 - fictional text, not security
    now = timezone.now()
    ensure_sections(acting_user=acting_user, locale=home.locale)
    news_index = NewsIndexPage.objects.child_of(home).order_by("path").first()
    made = {"pages": 0, "news": 0, "documents": 0}
    start = LibraryDocument.objects.filter(is_demo=True).count()
    indexed = [InformativePage, NewsItemPage, LibraryDocument]
    with translation.override(settings.LANGUAGE_CODE), _index_at_the_end(indexed):
        if pages:
            section = InformativePage.objects.child_of(home).filter(is_demo=True).first()
            if section is None:
                section = InformativePage(
                    title="Demo pages",
                    slug="demo-pages",
                    intro="Generated pages for trying the site and for load tests. Fictional.",
                    is_demo=True,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
                home.add_child(instance=section)
            offset = InformativePage.objects.child_of(section).count()
            for n in range(offset + 1, offset + pages + 1):
                subject = rng.choice(DEMO_SUBJECTS)
                page = InformativePage(
                    title=f"Demo page {n}: {subject} in {rng.choice(DEMO_PLACES)}",
                    slug=f"demo-page-{n}",
                    intro=_demo_sentence(rng),
                    body=_demo_body(rng),
                    is_demo=True,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
                section.add_child(instance=page)
                made["pages"] += 1
        if news:
            author, _created = Author.objects.get_or_create(
                name=rng.choice(DEMO_PEOPLE), is_demo=True, defaults={"role": "Demo author"}
            )
            themes = list(Theme.objects.all()[:5])
            offset = NewsItemPage.objects.child_of(news_index).filter(is_demo=True).count()
            kinds = list(NewsKind.values)
            for n in range(offset + 1, offset + news + 1):
                subject = rng.choice(DEMO_SUBJECTS)
                item = NewsItemPage(
                    title=f"Demo news {n}: {subject.capitalize()}",
                    slug=f"demo-news-{n}",
                    kind=kinds[n % len(kinds)],
                    date=(now - datetime.timedelta(days=n % 365)).date(),
                    summary=_demo_sentence(rng),
                    body=_demo_body(rng, 2),
                    is_demo=True,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
                item.authors.set([author])
                if themes:
                    item.themes.set([rng.choice(themes)])
                news_index.add_child(instance=item)  # writes the tags too
                made["news"] += 1
        from .pdfgen import simple_pdf

        for n in range(start + 1, start + documents + 1):
            subject = rng.choice(DEMO_SUBJECTS)
            title = f"Demo report {n} on {subject}"
            data = simple_pdf([title, "", *(_demo_sentence(rng) for _ in range(20))], title=title)
            document = create_document(
                acting_user=None,
                upload=ContentFile(data, name=f"demo-report-{n}.pdf"),
                title=title,
                kind=DocumentKind.REPORT,
                author_organisation=rng.choice(DEMO_ORGS),
                date=(now - datetime.timedelta(days=n % 700)).date(),
                language=settings.LANGUAGE_CODE,
                summary=_demo_sentence(rng),
                publish=True,
                is_demo=True,
            )
            extract_text(document.pk)
            made["documents"] += 1
    with transaction.atomic():
        audit.log("newsroom.demo.created", actor=acting_user, obj=home, data=made)
    return made


def remove_demo_content(*, acting_user=None) -> int:
    """Delete every demo page (with what is below it), demo document and demo author."""
    from .models import BasePage

    count = 0
    with transaction.atomic():
        demo_ids = set()
        for model in _page_models(BasePage):
            demo_ids |= set(model.objects.filter(is_demo=True).values_list("pk", flat=True))
        # The topmost demo pages: deleting them deletes the pages below them too.
        for page in Page.objects.filter(pk__in=demo_ids).order_by("depth"):
            if not Page.objects.filter(pk=page.pk).exists():
                continue
            count += page.get_descendant_count() + 1
            page.delete()
        for document in LibraryDocument.objects.filter(is_demo=True):
            name, storage = document.file.name, document.file.storage
            document.delete()
            if name:
                transaction.on_commit(lambda n=name, s=storage: s.delete(n))
            count += 1
        count += Author.objects.filter(is_demo=True).delete()[0]
        audit.log("newsroom.demo.removed", actor=acting_user, data={"count": count})
    return count


def _page_models(base) -> list[type]:
    from django.apps import apps

    return [
        model
        for model in apps.get_app_config("newsroom").get_models()
        if issubclass(model, base) and not model._meta.abstract
    ]
