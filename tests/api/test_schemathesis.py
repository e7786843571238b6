"""Schemathesis over the generated OpenAPI schema, against the WSGI app and the test
database: no answer may be a 5xx, and every answer must match the schema (status code,
content type, headers, body). Bounded, so the suite stays fast."""

from __future__ import annotations

import warnings

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

with warnings.catch_warnings():
    # schemathesis 3.x subclasses jsonschema's deprecated RefResolver when imported.
    warnings.filterwarnings("ignore", "jsonschema.RefResolver is deprecated", DeprecationWarning)
    import schemathesis
    from schemathesis.checks import ALL_CHECKS

    from commonbonds.api.views import openapi_schema
    from commonbonds.wsgi import application

    # django-ninja writes OpenAPI 3.1, which schemathesis 3.x supports as an opt-in.
    schemathesis.experimental.OPEN_API_3_1.enable()
    schema = schemathesis.from_dict(openapi_schema("en"), app=application)


@pytest.fixture
def _keep_the_test_connection():
    """Schemathesis calls the WSGI app directly, not through Django's test client: keep
    Django from closing the test's database connection (its transaction) after each request,
    as the test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("real_data", "_keep_the_test_connection")
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_5xx_and_every_answer_matches_the_schema(case):
    response = case.call_and_validate(checks=ALL_CHECKS)
    assert response.status_code < 500
