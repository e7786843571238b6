"""Portal links: apps add entries to the account page, shown to those who may follow them."""

import pytest

from commonbonds.core import navigation


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(navigation, "_PORTAL_LINKS", {})
    return navigation


def test_links_show_to_signed_in_people_with_the_permission(registry, make_user):
    registry.register_portal_link("Everyone's link", "core:password_reset", order=20)
    registry.register_portal_link(
        "Invite link", "core:account", permission="core.add_invitation", order=10
    )
    registry.register_portal_link("Broken", "nowhere:at_all")
    admin = make_user("administrator")
    delegate = make_user("delegate")
    assert [link["label"] for link in registry.portal_links(admin)] == [
        "Invite link",
        "Everyone's link",
    ]
    assert registry.portal_links(delegate) == [
        {"label": "Everyone's link", "url": "/account/password-reset/"}
    ]


def test_no_links_for_the_anonymous(registry):
    from django.contrib.auth.models import AnonymousUser

    registry.register_portal_link("Everyone's link", "core:password_reset")
    assert registry.portal_links(AnonymousUser()) == []
    assert registry.portal_links(None) == []


def test_the_account_page_lists_them(registry, client, make_user):
    registry.register_portal_link("Somewhere useful", "core:password_reset")
    client.force_login(make_user("delegate"), backend="commonbonds.core.backends.ModelBackend")
    html = client.get("/fr/account/").content.decode()
    assert '<a href="/fr/account/password-reset/">Somewhere useful</a>' in html


def test_without_links_the_account_page_has_no_portal_section(registry, client, make_user):
    client.force_login(make_user("delegate"), backend="commonbonds.core.backends.ModelBackend")
    assert 'class="portal-links"' not in client.get("/account/").content.decode()
