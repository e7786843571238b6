"""Pieces every router of the public API shares: the error body, parameters, responses."""

from __future__ import annotations

import datetime
import re
from typing import Literal

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Schema
from ninja.renderers import JSONRenderer

from commonbonds.core.errors import DomainError

Lang = Literal["en", "fr", "es", "ar"]
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATE = re.compile(DATE_PATTERN)

LANG_DESCRIPTION = gettext_lazy(
    "Language of names and titles: en, fr, es or ar. Without it, the Accept-Language header "
    "decides. Codes (ISO3, slugs, statuses) never change with the language."
)

#: The ?lang= parameter of every endpoint that returns names.
LANG_QUERY = Query(None, description=LANG_DESCRIPTION)


class ErrorDetail(Schema):
    code: str
    message: str


class ErrorOut(Schema):
    error: ErrorDetail


class BadParameter(DomainError):
    code = "invalid_parameter"
    status = 400


class NotFound(DomainError):
    code = "not_found"
    status = 404


#: Error answers every operation documents (the rate limit applies to all of them).
ERRORS = {400: ErrorOut, 429: ErrorOut}
ERRORS_404 = {**ERRORS, 404: ErrorOut}


class Renderer(JSONRenderer):
    """JSON in UTF-8 as it is (Arabic names stay readable and half the size)."""

    json_dumps_params = {"ensure_ascii": False}


_RENDERER = Renderer()


def json_response(data, status: int = 200) -> HttpResponse:
    """The answer, rendered directly.

    The operations declare their response schema for OpenAPI; building the JSON here skips
    django-ninja's validation of the output, which cost most of the time of a large answer
    (the participants of the Rome Statute). The tests (shapes written out, and schemathesis'
    schema conformance check) hold the answers to the schema instead.
    """
    content = _RENDERER.render(None, data, response_status=status)
    return HttpResponse(content, status=status, content_type="application/json; charset=utf-8")


def parse_date(value: str | None, name: str, default: datetime.date | None = None):
    """A YYYY-MM-DD query parameter, or a 400 that says what is wrong with it."""
    if value is None or value == "":
        return default
    if not _DATE.match(value):
        raise BadParameter(
            _("%(name)s must be a date written YYYY-MM-DD, such as 2026-11-28.") % {"name": name},
            code="invalid_date",
        )
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(
            _("%(name)s: %(value)s is not a date in the calendar.")
            % {"name": name, "value": value},
            code="invalid_date",
        ) from None


def language(lang: str | None) -> str:
    """The language of the answer: ?lang= when given, else the request's (Accept-Language)."""
    if lang:
        return lang
    code = (translation.get_language() or "en").split("-")[0]
    return code if code in ("en", "fr", "es", "ar") else "en"
