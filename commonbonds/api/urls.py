"""URLs of the public API, mounted at /api/ outside the language prefixes (machine URLs).

Every view, ninja's operations included, is wrapped by `http.api_view` (rate limit, language,
cache headers). Anything else under /api/ answers a JSON 404.
"""

from django.urls import URLPattern, URLResolver, path, re_path

from . import views
from .api import VERSION, api
from .http import api_view


def _wrapped(patterns):
    # Last-Modified comes from the treaty data's snapshot, so only treaty answers carry it;
    # the others (court/...) are revalidated by their ETag alone.
    result = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            result.append(pattern)
        else:
            result.append(
                URLPattern(
                    pattern.pattern,
                    api_view(
                        pattern.callback, data=not str(pattern.pattern).startswith("court/")
                    ),
                    pattern.default_args,
                    pattern.name,
                )
            )
    return result


ninja_patterns, app_name, namespace = api.urls

urlpatterns = [
    path(
        f"v{VERSION}/",
        (
            [
                path("openapi.json", api_view(views.openapi_json, data=False), name="openapi-json"),
                path("docs/", api_view(views.docs, data=False), name="docs"),
                path("docs", api_view(views.docs, data=False)),
                *_wrapped(ninja_patterns),
            ],
            app_name,
            namespace,
        ),
    ),
    re_path(r"^(?P<rest>.*)$", api_view(views.not_found, data=False)),
]
