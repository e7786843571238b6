"""Keep personal data out of error reports (DESIGN §5: never in an error report)."""

from typing import Any

REDACTED = "[redacted]"
_KEEP_HEADERS = {"accept", "accept-language", "content-type", "user-agent", "referer", "host"}


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (v if isinstance(v, int | float | bool) else REDACTED) for k, v in value.items()}
    return REDACTED


def scrub_sentry_event(event: dict, hint: dict) -> dict:
    """Sentry `before_send`: drop the user, cookies, bodies and every free-form extra."""
    event.pop("user", None)
    request = event.get("request") or {}
    request.pop("cookies", None)
    request.pop("query_string", None)
    if "data" in request:
        request["data"] = REDACTED
    if "headers" in request:
        request["headers"] = {
            k: v for k, v in request["headers"].items() if k.lower() in _KEEP_HEADERS
        }
    if "extra" in event:
        event["extra"] = _scrub(event["extra"])
    for exception in (event.get("exception") or {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)  # local variables can hold anything
    return event
