"""Last-Modified is the treaty data's; court answers must not borrow it."""

import pytest


@pytest.mark.django_db
def test_court_answers_have_an_etag_but_no_treaty_last_modified(client):
    response = client.get("/api/v1/court/situations/")
    assert response.status_code == 200
    assert response["ETag"]
    assert "Last-Modified" not in response


@pytest.mark.django_db
def test_treaty_answers_carry_last_modified(client):
    response = client.get("/api/v1/instruments/")
    assert response.status_code == 200
    assert response["Last-Modified"] and response["ETag"]
