"""Read-only queries other apps and the templates use. No state changes here.

`latest_news_for_state(state, limit)` is the entry point for the state pages (issue 4): the
newest live news items tagged with the state, in the active language.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Locale

from .models import LibraryDocument, NewsIndexPage, NewsItemPage, demo_visible


def _locale(locale: Locale | None) -> Locale | None:
    if locale is not None:
        return locale
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def news_queryset(
    *,
    locale: Locale | int | None = None,
    kind: str | None = None,
    theme=None,
    state=None,
    instrument=None,
    include_demo: bool | None = None,
) -> QuerySet[NewsItemPage]:
    """Live, public news items of one language, newest first."""
    qs = NewsItemPage.objects.live().public()
    if isinstance(locale, int):
        qs = qs.filter(locale_id=locale)  # a page's locale_id: no query for the locale
    else:
        locale = _locale(locale)
        if locale is not None:
            qs = qs.filter(locale=locale)
    if include_demo is None:
        include_demo = demo_visible()
    if not include_demo:
        qs = qs.filter(is_demo=False)
    if kind:
        qs = qs.filter(kind=kind)
    if theme is not None:
        qs = qs.filter(themes=theme)
    if state is not None:
        qs = qs.filter(states=state)
    if instrument is not None:
        qs = qs.filter(instruments=instrument)
    return qs.order_by("-date", "-first_published_at", "-id")


def latest_news(
    *, locale: Locale | int | None = None, limit: int = 6, **filters
) -> list[NewsItemPage]:
    """The newest items, with what their cards show fetched in a fixed number of queries."""
    qs = news_queryset(locale=locale, **filters).select_related("image")
    return list(qs.prefetch_related("themes", "authors")[:limit])


def latest_news_for_state(state, limit: int = 5) -> list[NewsItemPage]:
    """The newest live news items tagged with `state` (a treaties.State), in the active language.

    For the state pages: `{% for item in news %}` with `item.url`, `item.title`, `item.date`,
    `item.get_kind_display`, `item.summary`, `item.is_demo`.
    """
    return latest_news(locale=None, state=state, limit=limit)


def news_index(locale: Locale | None = None) -> NewsIndexPage | None:
    """The first news index of a language (the one the main navigation links to)."""
    locale = _locale(locale)
    qs = NewsIndexPage.objects.live().public().filter(is_demo=False)
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs.order_by("path").first()


def documents(*, include_demo: bool | None = None) -> QuerySet[LibraryDocument]:
    """Published library documents, newest first."""
    qs = LibraryDocument.objects.filter(live=True)
    if include_demo is None:
        include_demo = demo_visible()
    if not include_demo:
        qs = qs.filter(is_demo=False)
    return qs.order_by("-date", "-id")
