"""The honeypot and the per-address rate limit of public forms."""

import pytest
from django import forms
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.views.generic import FormView

from commonbonds.core.forms_protection import (
    HONEYPOT_FIELD,
    ProtectedFormMixin,
    client_ip,
    count_attempt,
    honeypot_tripped,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


class NameForm(forms.Form):
    name = forms.CharField()


class ProtectedView(ProtectedFormMixin, FormView):
    form_class = NameForm
    rate_limit_scope = "test.form"
    rate_limit = (2, 60)
    rate_limited_message = "Slow down."
    saved: list = []

    def get_success_url(self):
        return "/done/"

    def form_valid(self, form):
        self.saved.append(form.cleaned_data["name"])
        return HttpResponse("saved")

    def form_invalid(self, form):
        return HttpResponse(" ".join(form.non_field_errors()) or "invalid")


def post(data, ip="198.51.100.1", **meta):
    return RequestFactory().post("/form/", data, REMOTE_ADDR=ip, **meta)


def test_the_honeypot_answers_like_success_and_saves_nothing():
    ProtectedView.saved = []
    response = ProtectedView.as_view()(post({"name": "x", HONEYPOT_FIELD: "http://spam"}))
    assert response.status_code == 302 and response["Location"] == "/done/"
    assert ProtectedView.saved == []
    assert honeypot_tripped(post({HONEYPOT_FIELD: " "})) is False


def test_over_the_limit_the_form_comes_back_with_429():
    ProtectedView.saved = []
    view = ProtectedView.as_view()
    assert view(post({"name": "a"})).content == b"saved"
    assert view(post({"name": "b"})).content == b"saved"
    refused = view(post({"name": "c"}))
    assert refused.status_code == 429 and refused.content == b"Slow down."
    assert view(post({"name": "d"}, ip="198.51.100.2")).content == b"saved"
    assert ProtectedView.saved == ["a", "b", "d"]


def test_attempts_are_counted_per_scope():
    request = post({})
    assert [count_attempt(request, "one", limit=1, window=60) for _ in range(2)] == [False, True]
    assert count_attempt(request, "two", limit=1, window=60) is False


def test_addresses_are_not_stored_in_clear():
    count_attempt(post({}, ip="192.0.2.44"), "scope", limit=5, window=60)
    assert not any("192.0.2.44" in str(key) for key in cache._cache)


def test_client_ip_behind_trusted_proxies():
    request = post({}, ip="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.2")
    assert client_ip(request) == "10.0.0.1"  # no proxy trusted: the connection's address
    with override_settings(CB_API_TRUSTED_PROXIES=1):
        assert client_ip(request) == "10.0.0.2"
    with override_settings(CB_API_TRUSTED_PROXIES=2):
        assert client_ip(request) == "203.0.113.9"
    with override_settings(CB_API_TRUSTED_PROXIES=3):  # fewer hops than trusted: do not guess
        assert client_ip(request) == "10.0.0.1"
