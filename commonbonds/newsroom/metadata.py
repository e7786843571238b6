"""What goes in the head of a page: language links, social (Open Graph) and JSON-LD metadata.

JSON-LD is a `<script type="application/ld+json">` data block: browsers never execute it, so
the content security policy (no inline scripts) does not block it. Its text is escaped so that
nothing in a title can close the element.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from wagtail.models import Page

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def absolute(url: str, request=None) -> str:
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.SITE_URL + url


def language_links(page: Page, request) -> list[dict]:
    """The language switcher of a page: each language goes to the translation of this page.

    A language without a published translation goes to the nearest translated ancestor (in the
    end, that language's home page), never to a page that does not exist.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    found: dict[str, Page] = {}
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        found[translation.locale.language_code] = translation
    missing = [c for c in codes if c not in found]
    exact = set(found)
    if missing:
        ancestors = list(
            page.get_ancestors().filter(depth__gte=2).values_list("translation_key", "depth")
        )
        depth_of = dict(ancestors)
        best: dict[str, tuple[int, Page]] = {}
        for candidate in (
            Page.objects.live()
            .filter(translation_key__in=depth_of, locale__language_code__in=missing)
            .select_related("locale")
        ):
            code = candidate.locale.language_code
            depth = depth_of[candidate.translation_key]
            if code not in best or depth > best[code][0]:
                best[code] = (depth, candidate)
        for code, (_depth, candidate) in best.items():
            found[code] = candidate
    links = []
    # The page's own language, read by for_page (saves a query for the locale).
    page._cb_language = next(
        (code for code, found_page in found.items() if found_page.pk == page.pk and code in exact),
        None,
    )
    for code in codes:
        target = found.get(code)
        url = target.get_url(request) if target is not None else None
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url or translate_url("/", code),
                "translated": code in exact,
            }
        )
    return links


def feed_links(kind: str = "all") -> list[dict]:
    """The Atom and RSS feeds of the news (of one kind) in the active language."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from .models import NewsKind

    label = dict(NewsKind.choices).get(kind) or _("News and statements")
    return [
        {
            "type": "application/atom+xml",
            "title": _("%(kind)s (Atom)") % {"kind": label},
            "url": reverse("newsroom:feed_kind", args=[kind, "atom"]),
        },
        {
            "type": "application/rss+xml",
            "title": _("%(kind)s (RSS)") % {"kind": label},
            "url": reverse("newsroom:feed_kind", args=[kind, "rss"]),
        },
    ]


def for_page(page: Page, request, languages: list[dict]) -> dict:
    """Title, description, canonical address, alternates, Open Graph and JSON-LD of a page."""
    specific = page.specific if type(page) is Page else page
    url = absolute(specific.get_url(request) or "/", request)
    description = strip_tags(specific.get_summary() if hasattr(specific, "get_summary") else "")
    image = specific.get_image() if hasattr(specific, "get_image") else None
    image_url = image_alt = ""
    if image is not None:
        rendition = image.get_rendition("fill-1200x630")
        image_url = absolute(rendition.url, request)
        image_alt = getattr(specific, "image_alt", "") or image.title
    title = specific.seo_title or specific.title
    language = getattr(page, "_cb_language", None) or specific.locale.language_code
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": title,
        "url": url,
        "inLanguage": language,
    }
    if description:
        data["description"] = description
    if specific.og_type == "article":
        data.update(
            {
                "@type": "NewsArticle",
                "headline": title[:110],
                "datePublished": specific.date.isoformat(),
                "dateModified": (specific.last_published_at or specific.latest_revision_created_at)
                .date()
                .isoformat()
                if (specific.last_published_at or specific.latest_revision_created_at)
                else specific.date.isoformat(),
                "author": [{"@type": "Person", "name": a.name} for a in specific.authors.all()],
                "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
                "mainEntityOfPage": url,
            }
        )
        del data["name"]
        if image_url:
            data["image"] = [image_url]
    return {
        "title": title,
        "description": description,
        "url": url,
        "type": specific.og_type,
        "image": image_url,
        "image_alt": image_alt,
        "locale": language,
        "alternates": [
            {"code": link["code"], "url": absolute(link["url"], request)}
            for link in languages
            if link["translated"]
        ],
        "json_ld": json_ld_script(data),
        "noindex": getattr(specific, "is_demo", False),
    }
