"""The newsroom's page types, its document library and the vocabularies they are tagged with.

Page tree (one per language; `wagtail.contrib.simple_translation` copies pages between them):

    HomePage
    ├── InformativePage (and InformativePage below it, any depth)
    ├── NewsIndexPage
    │   └── NewsItemPage (news, blog post, media statement, press release)
    └── TopicIndexPage
        └── TopicPage (one theme) └── InformativePage

Every page type has `is_demo`: set only by `commonbonds demo_content`, shown with a banner,
left out of feeds and the sitemap always, and of listings and search unless the site is a
demo site (settings.CB_DEMO). See docs/newsroom.md.
"""

from __future__ import annotations

import contextlib
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, RevisionMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from .blocks import BodyBlock

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def demo_visible() -> bool:
    """Demo content shows in listings and search only on a demo site."""
    return bool(getattr(settings, "CB_DEMO", False))


def _language() -> str:
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


# ---------------------------------------------------------------- vocabularies


class Theme(index.Indexed, models.Model):
    """A theme news, pages and documents are tagged with (victims' rights, budget…).

    Its name is kept in the four languages on the row itself: a small, shared vocabulary
    that every language's pages point to, so a feed per theme covers every language.
    """

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100)
    name_fr = models.CharField(_("name in French"), max_length=100, blank=True)
    name_es = models.CharField(_("name in Spanish"), max_length=100, blank=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=100, blank=True)

    panels = [
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("name_fr"), FieldPanel("name_es"), FieldPanel("name_ar")]),
    ]
    search_fields = [
        index.SearchField("name_en"),
        index.SearchField("name_fr"),
        index.SearchField("name_es"),
        index.SearchField("name_ar"),
        index.AutocompleteField("name_en"),
    ]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        return getattr(self, f"name_{lang or _language()}", "") or self.name_en


class Author(index.Indexed, models.Model):
    """Someone who writes for the site, shown on the news items they wrote."""

    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(
        _("role or organisation"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “Legal adviser, Coalition secretariat”."),
    )
    is_demo = models.BooleanField(_("demo"), default=False, editable=False)

    panels = [FieldPanel("name"), FieldPanel("role")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# ---------------------------------------------------------------- pages


class BasePage(Page):
    """What every newsroom page shares: the demo flag, translations and metadata."""

    is_demo = models.BooleanField(_("demo"), default=False, editable=False)

    search_fields = [*Page.search_fields, index.FilterField("is_demo")]
    og_type = "website"

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from . import metadata

        context = super().get_context(request, *args, **kwargs)
        context["cb_languages"] = metadata.language_links(self, request)
        context["meta"] = metadata.for_page(self, request, context["cb_languages"])
        context["feeds"] = metadata.feed_links(kind=self.feed_kind(request))
        return context

    def feed_kind(self, request) -> str:
        return "all"

    def serve(self, request, *args, **kwargs):
        from . import cache

        return cache.serve(
            self, request, lambda: super(BasePage, self).serve(request, *args, **kwargs)
        )

    def get_sitemap_urls(self, request=None):
        if self.is_demo:
            return []
        urls = super().get_sitemap_urls(request)
        if request is not None:
            # The address the sitemap was asked on, like the pages' canonical links.
            for url in urls:
                url["location"] = request.build_absolute_uri(self.get_url(request))
        return urls

    # Text for social cards and search results when the editor wrote none.
    def get_summary(self) -> str:
        return self.search_description or ""

    def get_image(self):
        return None


class HomePage(BasePage):
    """The root page of the public site, one per language (Wagtail locales)."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    sections = StreamField(
        BodyBlock(),
        verbose_name=_("sections"),
        blank=True,
        help_text=_("Blocks shown below the latest news: live figures, calls to action…"),
    )
    news_count = models.PositiveSmallIntegerField(
        _("number of news items shown"), default=6, help_text=_("0 hides the latest news.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("news_count"),
        FieldPanel("sections"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "newsroom.InformativePage",
        "newsroom.NewsIndexPage",
        "newsroom.TopicIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_summary(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        from . import queries

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            queries.latest_news(locale=self.locale_id, limit=self.news_count)
            if self.news_count
            else []
        )
        return context


class InformativePage(BasePage):
    """A page of information (about the Court, a campaign, how to take part…)."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
    ]
    parent_page_types = ["newsroom.HomePage", "newsroom.InformativePage", "newsroom.TopicPage"]
    subpage_types = ["newsroom.InformativePage"]

    class Meta:
        verbose_name = _("informative page")
        verbose_name_plural = _("informative pages")

    def get_summary(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = self.get_ancestors().filter(depth__gte=2)
        children = InformativePage.objects.child_of(self).live().public()
        if not demo_visible():
            children = children.filter(is_demo=False)
        context["children"] = children[:100]
        return context


class NewsIndexPage(BasePage):
    """The list of news items below it, newest first, filtered by kind and theme."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.NewsItemPage"]
    page_size = 20

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_summary(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from . import queries

        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        if kind not in NewsKind.values:
            kind = ""
        slug = request.GET.get("theme", "")
        theme = Theme.objects.filter(slug=slug).first() if slug else None
        items = queries.news_queryset(locale=self.locale_id, kind=kind or None, theme=theme)
        items = items.descendant_of(self)
        paginator = Paginator(items, self.page_size)
        context.update(
            {
                "items": paginator.get_page(request.GET.get("page")),
                "kinds": NewsKind.choices,
                "kind": kind,
                "theme": theme,
                "themes": Theme.objects.all(),
            }
        )
        return context

    def feed_kind(self, request) -> str:
        kind = request.GET.get("kind", "")
        return kind if kind in NewsKind.values else "all"


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    BLOG = "blog", _("Blog post")
    MEDIA_STATEMENT = "media_statement", _("Media statement")
    PRESS_RELEASE = "press_release", _("Press release")


class NewsItemPage(BasePage):
    """An article: news, blog post, media statement or press release."""

    kind = models.CharField(_("kind"), max_length=20, choices=NewsKind, default=NewsKind.NEWS)
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The date readers see. To publish later, set “Go-live date” (Settings)."),
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences, shown in lists.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    authors = ParentalManyToManyField(Author, verbose_name=_("authors"), blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    states = ParentalManyToManyField(
        "treaties.State",
        verbose_name=_("states"),
        blank=True,
        related_name="news_items",
        help_text=_("The item shows the current status of each state for the Rome Statute."),
    )
    instruments = ParentalManyToManyField(
        "treaties.Instrument", verbose_name=_("treaties"), blank=True, related_name="news_items"
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("image")),
        FieldPanel("body"),
        FieldPanel("authors"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("states"),
                FieldPanel("instruments", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("tags"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.RelatedFields("authors", [index.SearchField("name")]),
    ]
    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types: list[str] = []
    og_type = "article"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [models.Index(fields=["-date"])]

    def get_summary(self) -> str:
        return self.search_description or self.summary

    def get_image(self):
        return self.image

    def tagged_states(self):
        return list(self.states.all())

    def get_context(self, request, *args, **kwargs):
        from . import live_data

        context = super().get_context(request, *args, **kwargs)
        states = self.tagged_states()
        context["state_standings"] = live_data.standings_of_states([s.iso3 for s in states])
        context["instruments"] = list(self.instruments.all())
        parent = self.get_parent()
        context["parent_url"] = parent.get_url(request) if parent else ""
        return context


class TopicIndexPage(BasePage):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.TopicPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("topic index")
        verbose_name_plural = _("topic indexes")

    def get_summary(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = TopicPage.objects.child_of(self).live().public()
        if not demo_visible():
            topics = topics.filter(is_demo=False)
        context["topics"] = topics
        return context


class TopicPage(BasePage):
    """A topic: its introduction, then the news and documents tagged with its theme."""

    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        related_name="topic_pages",
        help_text=_("News items and documents tagged with this theme are listed on the page."),
    )
    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
    ]
    parent_page_types = ["newsroom.TopicIndexPage"]
    subpage_types = ["newsroom.InformativePage"]

    class Meta:
        verbose_name = _("topic page")
        verbose_name_plural = _("topic pages")

    def get_summary(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        from . import queries

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = queries.latest_news(
            locale=self.locale_id, theme=self.theme, limit=10
        )
        context["documents"] = queries.documents().filter(themes=self.theme)[:10]
        context["theme_feed_url"] = reverse("newsroom:feed_theme", args=[self.theme.slug, "atom"])
        return context


# ---------------------------------------------------------------- the document library


class DocumentKind(models.TextChoices):
    REPORT = "report", _("Report")
    STATEMENT = "statement", _("Statement")
    LETTER = "letter", _("Letter")
    SUBMISSION = "submission", _("Submission")
    LEGAL_TEXT = "legal_text", _("Legal text")
    RESOLUTION = "resolution", _("Resolution")
    BRIEFING = "briefing", _("Briefing paper")
    OTHER = "other", _("Other")


def max_upload_bytes() -> int:
    return int(getattr(settings, "CB_LIBRARY_MAX_UPLOAD_MB", 25)) * 1024 * 1024


def validate_pdf(upload) -> None:
    """A PDF (by its first bytes, not only its name) no larger than the limit."""
    if getattr(upload, "_committed", False):
        return  # stored already: checked when it was uploaded
    limit = max_upload_bytes()
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise ValidationError(
            _("This file is %(size)s; the largest file accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(1024)
    finally:
        upload.seek(position)
    if b"%PDF-" not in head[:1024]:
        raise ValidationError(
            _("This file is not a PDF. Save it as PDF and upload it again."), code="not_pdf"
        )
    from .extract import is_readable_pdf

    if not is_readable_pdf(upload):
        raise ValidationError(
            _("This PDF is damaged or protected by a password; it cannot be read."),
            code="unreadable_pdf",
        )


def _library_upload_to(instance: LibraryDocument, filename: str) -> str:
    stem = PurePath(filename).stem[:80] or "document"
    from django.utils.text import slugify

    return f"library/{timezone.now():%Y/%m}/{slugify(stem) or 'document'}.pdf"


class LibraryDocumentQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class LibraryDocument(RevisionMixin, index.Indexed, ClusterableModel):
    """A document of the library: typed, dated, in one language, with a stable citation URL.

    The text of the PDF is extracted (`newsroom.tasks.extract_document_text`) so the site
    search finds words inside it. Editors add documents unpublished; publishers publish them
    (the "published" box shows only to those with `newsroom.publish_librarydocument`).
    """

    live = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Published documents are public, listed and found by the search."),
    )

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("type"), max_length=20, choices=DocumentKind)
    author_organisation = models.CharField(_("author organisation"), max_length=200)
    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name=_("topics"), blank=True)
    states = ParentalManyToManyField(
        "treaties.State", verbose_name=_("states"), blank=True, related_name="library_documents"
    )
    file = models.FileField(
        _("PDF file"),
        upload_to=_library_upload_to,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF file. The largest size accepted is shown if a file is too large."),
    )
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    # The file whose text `text` holds: extraction runs again when the file changes.
    text_source = models.CharField(max_length=255, blank=True, editable=False)
    is_demo = models.BooleanField(_("demo"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = LibraryDocumentQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("language")]),
        FieldPanel("author_organisation"),
        FieldPanel("summary"),
        FieldPanel("file"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("states"),
        FieldPanel("live", permission="newsroom.publish_librarydocument"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=1.5),
        index.SearchField("author_organisation"),
        index.SearchField("text"),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("date"),
        index.FilterField("live"),
        index.FilterField("is_demo"),
    ]

    class Meta:
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["live", "-date"])]
        permissions = [("publish_librarydocument", "Can publish library document")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            with contextlib.suppress(OSError, ValueError):
                self.file_size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("newsroom:document", args=[self.pk])

    @property
    def citation_url(self) -> str:
        """The stable address to cite: the same in every language, whatever the title."""
        with translation.override(settings.LANGUAGE_CODE):
            return settings.SITE_URL + reverse("newsroom:document", args=[self.pk])

    def get_file_url(self) -> str:
        return reverse("newsroom:document_file", args=[self.pk])

    @cached_property
    def language_name(self) -> str:
        return str(dict(settings.LANGUAGES).get(self.language, self.language))

    def excerpt(self, length: int = 40) -> str:
        return Truncator(strip_tags(self.summary or self.text)).words(length)

    def json_ld(self) -> str:
        from .metadata import json_ld_script

        return json_ld_script(
            {
                "@context": "https://schema.org",
                "@type": "DigitalDocument",
                "name": self.title,
                "datePublished": self.date.isoformat(),
                "inLanguage": self.language,
                "author": {"@type": "Organization", "name": self.author_organisation},
                "url": self.citation_url,
                "encodingFormat": "application/pdf",
            }
        )
