"""`/sitemap.xml`: every live public page in every language, and the library's documents.

Wagtail's own sitemap lists only the pages below the site's root page, which is the English
home page; the home pages of the other languages are its siblings, so this one lists the tree
of each. Demo content is never listed.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from .models import LibraryDocument


class PagesSitemap(WagtailSitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        within = Q()
        for path in roots.values_list("path", flat=True):
            within |= Q(path__startswith=path)
        return (
            Page.objects.filter(within)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


class DocumentsSitemap(Sitemap):
    def __init__(self, request=None):
        self.request = request

    def items(self):
        return LibraryDocument.objects.filter(live=True, is_demo=False).order_by("pk")

    def location(self, obj):
        return obj.get_absolute_url()

    def lastmod(self, obj):
        return obj.updated_at


def sitemaps_for(request) -> dict:
    return {"pages": PagesSitemap(request), "documents": DocumentsSitemap(request)}
