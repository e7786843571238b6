"""What every URL under /api/ gets: the rate limit, the language, and cache headers.

- Rate limit: `CB_API_RATE_LIMIT` requests ("120/m") per client address and fixed window,
  counted in Django's cache; over it, 429 with `Retry-After` and a JSON error. Empty: off.
- Language: `?lang=` (en, fr, es, ar) wins over `Accept-Language` for names and messages.
- Caching: a 200 answer carries `Cache-Control: public, max-age=...`, an ETag (a hash of the
  body; `If-None-Match` gets a 304) and `Vary: Accept-Language`; answers built from the treaty
  data also carry `Last-Modified`.
"""

from __future__ import annotations

import datetime
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils import timezone, translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

MAX_AGE = 300
LANGS = ("en", "fr", "es", "ar")
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(text: str) -> tuple[int, int] | None:
    """ "120/m" -> (120, 60); empty -> None (no limit)."""
    text = (text or "").strip()
    if not text:
        return None
    count, _slash, period = text.partition("/")
    unit = period.strip()[:1].lower()
    if not count.strip().isdigit() or unit not in _PERIODS:
        raise ValueError(f"CB_API_RATE_LIMIT must look like 120/m, not {text!r}")
    return int(count), _PERIODS[unit]


def client_address(request) -> str:
    """The client's IP address; behind N trusted proxies, the Nth from the right of
    X-Forwarded-For (the proxies append, so what a client sends itself is ignored)."""
    hops = getattr(settings, "CB_API_TRUSTED_PROXIES", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops > 0 and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if addresses:
            return addresses[-min(hops, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request):
    """A 429 response when the client is over the limit, else None."""
    limit = parse_rate(getattr(settings, "CB_API_RATE_LIMIT", ""))
    if limit is None:
        return None
    count, period = limit
    now = time.time()
    window = int(now // period)
    key = f"api-rate:{client_address(request)}:{period}:{window}"
    cache.add(key, 0, timeout=period + 5)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period + 5)
        used = 1
    if used <= count:
        request.rate_limit = (count, count - used, period)
        return None
    retry_after = max(1, int(period - now % period) + 1)
    response = JsonResponse(
        {
            "error": {
                "code": "rate_limited",
                "message": _(
                    "Too many requests: the limit is %(count)s per %(seconds)s seconds. Try "
                    "again in %(retry)s seconds."
                )
                % {"count": count, "seconds": period, "retry": retry_after},
            }
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    response["RateLimit-Limit"] = str(count)
    response["RateLimit-Remaining"] = "0"
    return response


def accepted_language(request) -> str:
    """The first of our languages in Accept-Language, else English.

    /api/ has no language prefix, so LocaleMiddleware chose English; the API reads the header
    itself, and only the header (not the site's language cookie), so that `Vary:
    Accept-Language` is enough for shared caches.
    """
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _quality in parse_accept_lang_header(header):
        base = code.split("-")[0].lower()
        if base in LANGS:
            return base
    return "en"


def api_view(view, *, data: bool = True):
    """Wrap one view of the API with the rate limit, the language and the cache headers."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        limited = rate_limited(request)
        if limited is not None:
            return limited
        lang = request.GET.get("lang", "")
        if lang not in LANGS:
            lang = accepted_language(request)
        head = request.method == "HEAD"
        if head:  # answered as GET without the body (CORS allows HEAD)
            request.method = "GET"
        with translation.override(lang):
            response = view(request, *args, **kwargs)
            language = translation.get_language()
        if head:
            request.method = "HEAD"
        if hasattr(request, "rate_limit"):
            count, remaining, _period = request.rate_limit
            response["RateLimit-Limit"] = str(count)
            response["RateLimit-Remaining"] = str(remaining)
        response["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if response.streaming:
            return response
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        set_response_etag(response)
        last_modified = None
        if data:
            from commonbonds.treaties import snapshot

            # Answers without ?as_of= are about today, so they may change at midnight even
            # when the data does not.
            midnight = datetime.datetime.combine(
                timezone.localdate(), datetime.time(), tzinfo=timezone.get_current_timezone()
            )
            modified = max(filter(None, (snapshot.current().last_modified, midnight)))
            last_modified = int(modified.timestamp())
            response["Last-Modified"] = http_date(last_modified)
        response = get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
        if head and response.status_code == 200:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    wrapped.csrf_exempt = True
    return wrapped
