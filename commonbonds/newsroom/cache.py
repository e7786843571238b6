"""A cache of rendered public pages in Django's cache, emptied whenever content changes.

Off unless settings.CB_PAGE_CACHE_SECONDS > 0. Only anonymous GET requests without a query
string and without cookies are served from it (a signed-in visitor sees their own menu), and
only responses that set no cookie are stored. Any publish, unpublish, move or deletion of a
page, any change to the library, and any change to the treaty data (the live figures) starts a
new "generation": every cached page is then stale at once.

With Redis as the cache (production) every web process sees the new generation immediately.
With the local-memory cache (the embedded default) each process has its own cache, so other
processes may serve a page up to CB_PAGE_CACHE_SECONDS old: keep the setting short there, or
off. A CDN or nginx in front can cache the same pages (docs/newsroom.md).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

GENERATION_KEY = "newsroom:pages:generation"
TREATY_VERSION_KEY = "treaties:data-version"
HEADER = "X-Page-Cache"


def seconds() -> int:
    return int(getattr(settings, "CB_PAGE_CACHE_SECONDS", 0) or 0)


def new_generation(**kwargs) -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _key(request, page) -> str:
    generation = cache.get_many([GENERATION_KEY, TREATY_VERSION_KEY])
    return ":".join(
        [
            "newsroom:page",
            generation.get(GENERATION_KEY, "0"),
            str(generation.get(TREATY_VERSION_KEY, "0")),
            str(page.pk),
            translation.get_language() or "",
            request.get_host(),
            request.path,
        ]
    )


def cacheable(request) -> bool:
    return (
        seconds() > 0
        and request.method == "GET"
        and not request.GET
        and not request.COOKIES
        and not getattr(request, "is_preview", False)
    )


def serve(page, request, render):
    """`render()` makes the response; it is stored when it can be and served from the cache."""
    if not cacheable(request):
        return render()
    key = _key(request, page)
    hit = cache.get(key)
    if hit is not None:
        content, content_type, status = hit
        response = HttpResponse(content, content_type=content_type, status=status)
        response[HEADER] = "hit"
        return response
    response = render()

    def store(rendered):
        if rendered.status_code == 200 and not rendered.cookies:
            # The key again, after rendering: rendering may have set the treaty data's version
            # (the page then shows that version's figures).
            cache.set(
                _key(request, page),
                (rendered.content, rendered["Content-Type"], rendered.status_code),
                seconds(),
            )
        rendered[HEADER] = "miss"

    if hasattr(response, "add_post_render_callback") and not response.is_rendered:
        response.add_post_render_callback(store)
    else:
        store(response)
    return response
