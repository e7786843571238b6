"""The public JSON API, version 1: read-only, open to every origin, documented by OpenAPI.

Routers live with their domain (`treaties/api.py`) and are mounted here. Errors always answer
`{"error": {"code": ..., "message": ...}}` with a 4xx status: a `DomainError` keeps its own
status, bad parameters get 400. See docs/api.md for the versioning policy.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from commonbonds.core.errors import DomainError
from commonbonds.court.api import router as court_router
from commonbonds.treaties.api import router as treaties_router

from .schemas import Renderer

VERSION = "1"

DESCRIPTION = gettext_lazy(
    "Read-only data of the Rome Statute system: states, treaty instruments, treaty events with "
    "their sources, and where every state stands on any date, derived from the events by the "
    "rules in docs/treaty-rules.md. Every answer is JSON; errors are "
    '{"error": {"code", "message"}} with a 4xx status. Requests are limited per client '
    "address (429 with Retry-After when over). Paths answer with and without a trailing slash."
)

api = NinjaAPI(
    title="Common Bonds API",
    version=VERSION,
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url=None,  # served by commonbonds.api.views, cached per process
    docs_url=None,  # our own page, without a CDN: commonbonds.api.views.docs
    renderer=Renderer(),
)
api.add_router("/", treaties_router)
api.add_router("/court/", court_router)


def error_response(request, status: int, code: str, message: str):
    return api.create_response(
        request, {"error": {"code": code, "message": str(message)}}, status=status
    )


@api.exception_handler(DomainError)
def domain_error(request, exc: DomainError):
    return error_response(request, exc.status, exc.code, str(exc.message))


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    parts = []
    for error in exc.errors:
        where = ".".join(str(p) for p in error.get("loc", ())[1:]) or _("request")
        parts.append(f"{where}: {error.get('msg', '')}")
    message = _("Bad parameters: %(details)s") % {"details": "; ".join(parts)}
    return error_response(request, 400, "invalid_parameter", message)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(request, 404, "not_found", _("Nothing is here."))


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return error_response(request, exc.status_code, "error", str(exc))
