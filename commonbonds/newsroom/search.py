"""Site search across pages, news, the document library and states.

Pages, news and documents go through Wagtail's search backend (settings.WAGTAILSEARCH_BACKENDS:
the database backend, full text on SQLite FTS5 and PostgreSQL; OpenSearch at scale, see
docs/newsroom.md). States are a short list matched on their names in the four languages.
Results of the kinds are merged by score; each kind is capped at `PER_KIND` results.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import (
    HomePage,
    InformativePage,
    LibraryDocument,
    NewsItemPage,
    TopicPage,
    demo_visible,
)

PAGES, NEWS, DOCUMENTS, STATES = "pages", "news", "documents", "states"
TYPE_CHOICES = [
    (PAGES, _("Pages")),
    (NEWS, _("News and statements")),
    (DOCUMENTS, _("Documents")),
    (STATES, _("States")),
]
PER_KIND = 100
MAX_QUERY_LENGTH = 200


@dataclass
class Result:
    type: str
    type_label: str
    title: str
    url: str | None
    summary: str
    date: datetime.date | None
    language: str
    is_demo: bool
    score: float


def _start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _fused(rank: int) -> float:
    """Reciprocal rank fusion: each kind comes back in its own relevance order, and raw scores
    of different kinds (and backends: SQLite's bm25 is better when lower, PostgreSQL's rank when
    higher) do not compare; ranks do."""
    return 1.0 / (60 + rank)


def _type_label(kind: str) -> str:
    return str(dict(TYPE_CHOICES)[kind])


def _pages(query, model, *, locale, date_from, date_to, include_demo, request, languages):
    qs = model.objects.live().public()
    if locale is not None:
        qs = qs.filter(locale=locale)
    if not include_demo:
        qs = qs.filter(is_demo=False)
    date_field = "date" if model is NewsItemPage else "first_published_at"
    if date_from:
        value = date_from if date_field == "date" else _start(date_from)
        qs = qs.filter(**{f"{date_field}__gte": value})
    if date_to:
        if date_field == "date":
            qs = qs.filter(date__lte=date_to)
        else:
            qs = qs.filter(first_published_at__lt=_start(date_to + datetime.timedelta(days=1)))
    found = list(qs.search(query)[:PER_KIND])
    kind = NEWS if model is NewsItemPage else PAGES
    results = []
    for rank, page in enumerate(found):
        if model is NewsItemPage:
            summary, day = page.summary, page.date
        else:
            summary = page.get_summary()
            day = page.first_published_at.date() if page.first_published_at else None
        results.append(
            Result(
                type=kind,
                type_label=str(page.get_kind_display()) if kind == NEWS else _type_label(kind),
                title=page.title,
                url=page.get_url(request),
                summary=Truncator(summary).words(40),
                date=day,
                language=languages.get(page.locale_id, ""),
                is_demo=page.is_demo,
                score=_fused(rank),
            )
        )
    return results


def _documents(query, *, language, date_from, date_to, include_demo):
    qs = LibraryDocument.objects.filter(live=True)
    if language:
        qs = qs.filter(language=language)
    if not include_demo:
        qs = qs.filter(is_demo=False)
    if date_from:
        qs = qs.filter(date__gte=date_from)
    if date_to:
        qs = qs.filter(date__lte=date_to)
    return [
        Result(
            type=DOCUMENTS,
            type_label=str(doc.get_kind_display()),
            title=doc.title,
            url=doc.get_absolute_url(),
            summary=doc.excerpt(40),
            date=doc.date,
            language=doc.language,
            is_demo=doc.is_demo,
            score=_fused(rank),
        )
        for rank, doc in enumerate(qs.search(query)[:PER_KIND])
    ]


def _states(query):
    if not apps.is_installed("commonbonds.treaties"):
        return []
    State = apps.get_model("treaties", "State")
    match = Q()
    for code, _name in settings.LANGUAGES:
        match |= Q(**{f"name_{code}__icontains": query})
    match |= Q(iso3__iexact=query)
    results = []
    for state in State.objects.filter(match)[:20]:
        url = state.get_absolute_url() if hasattr(state, "get_absolute_url") else None
        results.append(
            Result(
                type=STATES,
                type_label=_type_label(STATES),
                title=state.name(),
                url=url,
                summary="",
                date=None,
                language="",
                is_demo=False,
                # States named by the query come first: someone typing "Kenya" wants Kenya.
                score=float("inf"),
            )
        )
    return results


def site_search(
    query: str,
    *,
    types: list[str] | None = None,
    language: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    include_demo: bool | None = None,
    request=None,
) -> list[Result]:
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not query:
        return []
    types = types or [PAGES, NEWS, DOCUMENTS, STATES]
    if include_demo is None:
        include_demo = demo_visible()
    locale = None
    if language:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:  # no page in that language; documents may still be
            types = [t for t in types if t in (DOCUMENTS, STATES)]
    options = {
        "locale": locale,
        "date_from": date_from,
        "date_to": date_to,
        "include_demo": include_demo,
        "request": request,
        "languages": dict(Locale.objects.values_list("id", "language_code")),
    }
    results: list[Result] = []
    if PAGES in types:
        for model in (InformativePage, TopicPage, HomePage):
            results += _pages(query, model, **options)
    if NEWS in types:
        results += _pages(query, NewsItemPage, **options)
    if DOCUMENTS in types:
        results += _documents(
            query,
            language=language,
            date_from=date_from,
            date_to=date_to,
            include_demo=include_demo,
        )
    if STATES in types and not (date_from or date_to):
        results += _states(query)
    results.sort(key=lambda r: (-r.score, -(r.date or datetime.date.min).toordinal()))
    return results
