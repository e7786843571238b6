"""The OpenAPI schema and the API's documentation page (no CDN, no JavaScript).

The schema is generated from the code by django-ninja, once per process and language; the
committed snapshot `docs/api/openapi-v1.json` must equal the English one (`commonbonds
api_schema --check`). The documentation page is rendered from the same schema.
"""

from __future__ import annotations

import json
import threading
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from .api import VERSION, api, error_response

PREFIX = f"/api/v{VERSION}/"
_lock = threading.Lock()
_schemas: dict[str, dict] = {}

#: Values used in the examples of the documentation page.
EXAMPLES = {
    "iso3": "PSE",
    "slug": "rome_statute",
    "filename": "treaties.json",
    "as_of": "2026-11-28",
    "state": "UGA",
    "instrument": "rome_statute",
    "since": "2025-01-01",
}


def openapi_schema(lang: str = "en") -> dict:
    """The OpenAPI document as plain JSON data, with its texts in `lang`."""
    with _lock:
        if lang not in _schemas:
            with translation.override(lang):
                raw = api.get_openapi_schema(path_prefix=PREFIX)
                _schemas[lang] = json.loads(json.dumps(raw, cls=DjangoJSONEncoder))
        return _schemas[lang]


def schema_text() -> str:
    """The English schema as committed in docs/api/openapi-v1.json."""
    return json.dumps(openapi_schema("en"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def openapi_json(request):
    return JsonResponse(openapi_schema("en"), json_dumps_params={"ensure_ascii": False})


def not_found(request, rest=""):
    return error_response(request, 404, "not_found", _("There is no such API address."))


def _type(schema: dict) -> str:
    if "anyOf" in schema:
        kinds = [_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " | ".join(kinds)
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "")
    if schema.get("format") == "date" or schema.get("pattern") == r"^\d{4}-\d{2}-\d{2}$":
        return _("date (YYYY-MM-DD)")
    if kind == "boolean":
        return "true | false"
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        return (
            f"{_('integer')} {low}–{high}" if low is not None and high is not None else _("integer")
        )
    return _("text") if kind == "string" else kind


def _operations(schema: dict) -> list[dict]:
    found = []
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            params = []
            example_query = {}
            example_path = path
            for p in op.get("parameters", []):
                params.append(
                    {
                        "name": p["name"],
                        "where": _("path") if p["in"] == "path" else _("query"),
                        "required": p.get("required", False),
                        "type": _type(p.get("schema", {})),
                        "description": p.get("description", ""),
                    }
                )
                if p["in"] == "path":
                    example_path = example_path.replace(
                        "{" + p["name"] + "}", EXAMPLES.get(p["name"], p["name"])
                    )
                elif p["name"] in ("as_of", "state", "since") and p["name"] in EXAMPLES:
                    example_query[p["name"]] = EXAMPLES[p["name"]]
            example = example_path + (f"?{urlencode(example_query)}" if example_query else "")
            found.append(
                {
                    "id": op.get("operationId", ""),
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": params,
                    "responses": sorted(op.get("responses", {})),
                    "example": example,
                }
            )
    return found


def docs(request):
    """The documentation page, in the request's language (?lang= or Accept-Language)."""
    lang = translation.get_language() or "en"
    schema = openapi_schema(lang if lang in ("en", "fr", "es", "ar") else "en")
    languages = [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "url": f"{request.path}?lang={code}",
        }
        for code in ("en", "fr", "es", "ar")
    ]
    return render(
        request,
        "api/docs.html",
        {
            "title": _("Common Bonds API"),
            "version": VERSION,
            "prefix": PREFIX,
            "description": schema["info"].get("description", ""),
            "operations": _operations(schema),
            "cb_languages": languages,
        },
    )
