"""Public views of the newsroom that are not Wagtail pages: search, the document library,
robots.txt, the sitemap, and the entry of the main navigation to the news."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import View
from wagtail.views import serve as wagtail_serve

from commonbonds.core.permissions import PermissionRequiredMixin
from commonbonds.treaties.models import State

from . import queries
from .forms import LibraryFilterForm, SearchForm
from .models import DocumentKind, LibraryDocument, Theme
from .search import site_search

PAGE_SIZE = 20


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        results = Paginator(
            site_search(
                data["q"],
                types=data["type"],
                language=data["language"],
                date_from=data["date_from"],
                date_to=data["date_to"],
                request=request,
            ),
            PAGE_SIZE,
        ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "newsroom/search.html",
        {
            "form": form,
            "results": results,
            "query_prefix": (query.urlencode() + "&") if query else "",
            "title": _("Search"),
        },
    )


@require_GET
def news(request):
    """The main navigation's "News": the news index of the current language."""
    index = queries.news_index()
    if index is None:
        raise Http404
    url = index.get_url(request)
    if url != request.path:
        return redirect(url)
    home = index.get_parent()
    return wagtail_serve(request, index.url_path[len(home.url_path) :])


def _facet(qs, field: str) -> dict:
    return dict(qs.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n"))


@require_GET
def library(request):
    form = LibraryFilterForm(request.GET or None)
    documents = queries.documents()
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if filters.get("q"):
        ids = [d.pk for d in documents.search(filters["q"])[:1000]]
        documents = documents.filter(pk__in=ids)
    facet_base = documents
    if filters.get("kind"):
        documents = documents.filter(kind=filters["kind"])
    if filters.get("language"):
        documents = documents.filter(language=filters["language"])
    theme = None
    if filters.get("theme"):
        theme = Theme.objects.filter(slug=filters["theme"]).first()
        documents = documents.filter(themes=theme) if theme else documents.none()
    state = None
    if filters.get("state"):
        state = State.objects.filter(iso3=filters["state"].upper()).first()
        documents = documents.filter(states=state) if state else documents.none()
    if filters.get("year"):
        documents = documents.filter(date__year=filters["year"])
    kinds = _facet(facet_base, "kind")
    languages = _facet(facet_base, "language")
    theme_counts = _facet(facet_base.filter(themes__isnull=False), "themes")
    years = sorted(
        {d.year for d in facet_base.order_by().values_list("date", flat=True).distinct()},
        reverse=True,
    )
    page = Paginator(documents.prefetch_related("themes"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    language_names = dict(settings.LANGUAGES)
    return render(
        request,
        "newsroom/library/list.html",
        {
            "form": form,
            "documents": page,
            "items": page,
            "query_prefix": (query.urlencode() + "&") if query else "",
            "facets": {
                "kind": [
                    (k, label, kinds.get(k, 0)) for k, label in DocumentKind.choices if k in kinds
                ],
                "language": [
                    (k, language_names[k], n)
                    for k, n in sorted(languages.items())
                    if k in language_names
                ],
                "theme": [
                    (t.slug, t.name(), theme_counts[t.pk])
                    for t in Theme.objects.filter(pk__in=theme_counts)
                ],
                "year": years,
            },
            "selected": {"theme": theme, "state": state},
            "title": _("Document library"),
        },
    )


class DocumentView(PermissionRequiredMixin, View):
    """A document's stable citation page (`/library/<id>/`): the same address forever."""

    permission = "newsroom.read_document"
    login_required = False
    hide_existence = True

    def get_permission_object(self):
        if not hasattr(self, "_document"):
            self._document = get_object_or_404(LibraryDocument, pk=self.kwargs["pk"])
        return self._document

    def get(self, request, pk: int):
        document = self.get_permission_object()
        return render(
            request,
            "newsroom/library/detail.html",
            {
                "document": document,
                "themes": document.themes.all(),
                "states": document.states.all(),
                "title": document.title,
            },
        )


class DocumentFileView(DocumentView):
    def get(self, request, pk: int):
        document = self.get_permission_object()
        if not document.file:
            raise Http404
        try:
            handle = document.file.open("rb")
        except (FileNotFoundError, OSError) as exc:
            raise Http404 from exc
        filename = f"{slugify(document.title)[:80] or 'document'}.pdf"
        response = FileResponse(handle, content_type="application/pdf", filename=filename)
        response["X-Robots-Tag"] = "noindex" if document.is_demo else "all"
        return response


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *"]
    if getattr(settings, "CB_DEMO", False):
        # A demonstration site holds generated content: keep it out of search engines.
        lines.append("Disallow: /")
    else:
        lines += [
            "Disallow: /admin/",
            "Disallow: /account/",
            "Disallow: /private/",
            "Disallow: /search/",
            *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES[1:]),
            *(f"Disallow: /{code}/account/" for code, _name in settings.LANGUAGES[1:]),
        ]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('newsroom_sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request):
    from django.contrib.sitemaps.views import sitemap as django_sitemap

    from .sitemaps import sitemaps_for

    return django_sitemap(request, sitemaps=sitemaps_for(request))
