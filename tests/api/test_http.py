"""What every API URL gets: rate limit, cache headers, CORS, language."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from commonbonds.api.http import client_address, parse_rate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_data")]


def test_the_rate_limit_answers_429_with_retry_after(client, settings):
    settings.CB_API_RATE_LIMIT = "3/m"
    cache.clear()
    answers = [client.get("/api/v1/instruments/apic/counts") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[0]["RateLimit-Limit"] == "3" and answers[2]["RateLimit-Remaining"] == "0"
    limited = answers[3]
    assert 1 <= int(limited["Retry-After"]) <= 61
    assert limited.json()["error"]["code"] == "rate_limited"
    # Another client address has its own allowance; the docs and schema are limited too.
    assert client.get("/api/v1/states/", REMOTE_ADDR="10.0.0.2").status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 429
    cache.clear()


def test_the_limit_is_off_when_empty(client, settings):
    settings.CB_API_RATE_LIMIT = ""
    assert all(client.get("/api/v1/states/").status_code == 200 for _ in range(5))


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("120/m", (120, 60)), ("5000/h", (5000, 3600)), ("10/s", (10, 1)), ("", None)],
)
def test_rates(text, parsed):
    assert parse_rate(text) == parsed


def test_a_bad_rate_is_refused():
    with pytest.raises(ValueError):
        parse_rate("lots")


def test_client_address_behind_trusted_proxies(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    settings.CB_API_TRUSTED_PROXIES = 0
    assert client_address(request) == "10.0.0.1"  # the header is not trusted by default
    settings.CB_API_TRUSTED_PROXIES = 1
    assert client_address(request) == "203.0.113.9"  # what our proxy saw, not what was sent


def test_answers_are_cacheable_with_an_etag(client):
    response = client.get("/api/v1/instruments/rome_statute/participants?as_of=2026-11-28")
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]
    assert "Accept-Language" in response["Vary"]
    again = client.get(
        "/api/v1/instruments/rome_statute/participants?as_of=2026-11-28",
        HTTP_IF_NONE_MATCH=response["ETag"],
    )
    assert again.status_code == 304 and again.content == b""
    assert client.get("/api/v1/states/XYZ/").get("Cache-Control") is None  # errors are not


def test_cors_is_open_for_get(client):
    response = client.get("/api/v1/states/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_head_answers_like_get_without_a_body(client):
    get = client.get("/api/v1/instruments/apic/counts?as_of=2026-11-28")
    head = client.head("/api/v1/instruments/apic/counts?as_of=2026-11-28")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))
