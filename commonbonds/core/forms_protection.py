"""Protection for public forms (DESIGN §8 security): a honeypot and a per-address rate limit.

A public form view mixes in `ProtectedFormMixin` and includes the honeypot in its form:

    class ApplyView(ProtectedFormMixin, FormView):
        rate_limit_scope = "members.apply"
        rate_limit = (5, 3600)              # at most 5 submissions an hour from one address
        rate_limited_message = _("Too many applications from your network; try again later.")

    {% include "core/includes/honeypot.html" %}   (inside the <form>)

- The honeypot is a text field people never see (inside an element with the `hidden`
  attribute, so no CSS is needed and screen readers skip it too) and bots fill in. A submission
  that fills it is answered as if it had succeeded (`honeypot_response()`), and nothing is saved.
- The rate limit counts submissions (POST) per client address and scope in the cache (fixed
  windows); over the limit, the form is shown again with the app's message and status 429.
  Behind load balancers, the client address is read from X-Forwarded-For as many hops from the
  right as `CB_API_TRUSTED_PROXIES` says (the same proxies stand before every page).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseRedirect

HONEYPOT_FIELD = "website_url"  # a name bots like to fill


def client_ip(request) -> str:
    """The client's address: the connection's, or the one the trusted proxies saw."""
    hops = int(getattr(settings, "CB_API_TRUSTED_PROXIES", 0) or 0)
    if hops > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def honeypot_tripped(request) -> bool:
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def count_attempt(request, scope: str, *, limit: int, window: int) -> bool:
    """Count one attempt from this client in `scope`; True when it is over `limit` per `window`
    seconds. Addresses are stored hashed, never in clear."""
    address = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    slot = int(time.time()) // window
    key = f"cb:ratelimit:{scope}:{address}:{slot}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count > limit


class ProtectedFormMixin:
    """For a Django FormView (or any view with `form_invalid`): honeypot and rate limit on POST."""

    rate_limit_scope: str = ""
    rate_limit: tuple[int, int] = (10, 3600)  # (submissions, seconds)
    rate_limited_message = None  # the app's translated message; required

    def post(self, request, *args, **kwargs):
        if honeypot_tripped(request):
            return self.honeypot_response()
        limit, window = self.rate_limit
        if count_attempt(
            request, self.rate_limit_scope or type(self).__name__, limit=limit, window=window
        ):
            form = self.get_form()
            form.is_valid()  # keep what the person typed, with its own errors
            form.add_error(None, self.rate_limited_message)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)

    def honeypot_response(self):
        """What a bot sees: the same as success, with nothing saved."""
        return HttpResponseRedirect(self.get_success_url())
