"""Schemathesis over the Court's operations with the ICC data and an election loaded: no 5xx,
every answer matches the schema. (tests/api/test_schemathesis.py covers the whole API with the
treaty data; this one gives the Court's operations data to answer with.)"""

from __future__ import annotations

import warnings

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "jsonschema.RefResolver is deprecated", DeprecationWarning)
    import schemathesis
    from schemathesis.checks import ALL_CHECKS

    from commonbonds.api.views import openapi_schema
    from commonbonds.wsgi import application

    schemathesis.experimental.OPEN_API_3_1.enable()
    schema = schemathesis.from_dict(openapi_schema("en"), app=application).include(tag="court")


@pytest.fixture
def _keep_the_test_connection():
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("court_data", "election_2013", "_keep_the_test_connection")
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_5xx_and_every_answer_matches_the_schema(case):
    response = case.call_and_validate(checks=ALL_CHECKS)
    assert response.status_code < 500


@pytest.mark.django_db
@pytest.mark.usefixtures("court_data", "election_2013", "_keep_the_test_connection")
@pytest.mark.parametrize(
    ("path", "slug"),
    [
        ("/api/v1/court/situations/{slug}/", "uganda"),
        ("/api/v1/court/cases/{slug}/", "laurent-gbagbo-and-charles-ble-goude"),
        ("/api/v1/court/elections/{slug}/", "judges-2013"),
    ],
)
def test_detail_answers_with_real_slugs_match_the_schema(path, slug):
    case = schema[path]["GET"].make_case(path_parameters={"slug": slug})
    response = case.call_and_validate(checks=ALL_CHECKS)
    assert response.status_code == 200
