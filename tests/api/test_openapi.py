"""The OpenAPI schema is generated from the code, and the committed snapshot matches it."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from commonbonds.api.views import schema_text

SNAPSHOT = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi-v1.json"


def test_the_committed_snapshot_equals_the_generated_schema():
    assert SNAPSHOT.read_text(encoding="utf-8") == schema_text(), (
        "Run `.venv/bin/commonbonds api_schema --write` and commit docs/api/openapi-v1.json"
    )


def test_the_check_command_agrees():
    out = StringIO()
    call_command("api_schema", "--check", stdout=out)
    assert "up to date" in out.getvalue()


def test_the_schema_lists_every_endpoint_once_with_the_slash():
    paths = json.loads(schema_text())["paths"]
    assert sorted(paths) == [
        "/api/v1/court/budget/",
        "/api/v1/court/cases/",
        "/api/v1/court/cases/{slug}/",
        "/api/v1/court/elections/",
        "/api/v1/court/elections/{slug}/",
        "/api/v1/court/situations/",
        "/api/v1/court/situations/{slug}/",
        "/api/v1/downloads/",
        "/api/v1/downloads/{filename}/",
        "/api/v1/events/",
        "/api/v1/instruments/",
        "/api/v1/instruments/{slug}/",
        "/api/v1/instruments/{slug}/counts/",
        "/api/v1/instruments/{slug}/participants/",
        "/api/v1/states/",
        "/api/v1/states/{iso3}/",
    ]
    for methods in paths.values():
        assert set(methods) == {"get"}
        assert {"400", "429"} <= set(methods["get"]["responses"])


@pytest.mark.django_db
def test_the_schema_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json() == json.loads(schema_text())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "Common Bonds API, version 1"), ("ar", 'dir="rtl"')]
)
def test_the_documentation_page(client, public_site, lang, heading):
    response = client.get(f"/api/v1/docs/?lang={lang}")
    assert response.status_code == 200
    page = response.content.decode()
    assert heading in page
    assert "/api/v1/instruments/{slug}/participants/" in page
    assert "cdn" not in page.lower() and "<script" not in page
    assert client.get("/api/v1/docs").status_code == 200
