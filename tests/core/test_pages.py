import pytest


def test_home_page_in_every_language(client, translated_site):
    for prefix, lang, direction, text in [
        ("", "en", "ltr", "The Rome Statute system"),
        ("/fr", "fr", "ltr", "Le système du Statut de Rome"),
        ("/es", "es", "ltr", "El sistema del Estatuto de Roma"),
        ("/ar", "ar", "rtl", "منظومة نظام روما الأساسي"),
    ]:
        response = client.get(f"{prefix}/")
        html = response.content.decode()
        assert response.status_code == 200, prefix
        assert f'<html lang="{lang}" dir="{direction}">' in html
        assert text in html


def test_translated_home_page_content(client, translated_site):
    html = client.get("/fr/").content.decode()
    assert "Une coalition d’organisations de la société civile" in html


def test_language_switcher_links_to_the_same_page(client, translated_site):
    html = client.get("/account/login/").content.decode()
    for href in [
        'href="/fr/account/login/"',
        'href="/es/account/login/"',
        'href="/ar/account/login/"',
    ]:
        assert href in html
    assert 'lang="ar"' in html and "العربيّة" in html


def test_home_page_query_count_is_pinned(client, translated_site, django_assert_max_num_queries):
    client.get("/")  # warm Wagtail's site-root cache, as a running server has
    # Wagtail's routing (5), the page's translations for the language switcher, and the
    # latest news with its view-restriction check (newsroom, issue 9).
    with django_assert_max_num_queries(8):
        assert client.get("/").status_code == 200


def test_friendly_404_in_the_visitors_language(client, public_site):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert "Nous n’avons pas trouvé cette page" in response.content.decode()


def test_500_page_needs_nothing_that_could_have_failed(rf):
    from commonbonds.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content and "حدث خطأ".encode() in response.content


@pytest.mark.parametrize("path", ["/account/login/", "/account/password-reset/"])
def test_portal_pages_render(client, public_site, path):
    assert client.get(path).status_code == 200


def test_password_reset_mails_a_link_in_the_chosen_language(client, make_user, mailoutbox):
    user = make_user(email="reset@example.org")
    response = client.post("/es/account/password-reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Restablezca su contraseña de Common Bonds"
    assert "/es/account/password-reset/" in mailoutbox[0].body


def test_language_preference_is_saved_and_audited(client, make_user):
    from commonbonds.core.models import AuditEntry

    user = make_user("focal_point")
    client.force_login(user)
    response = client.post("/account/", {"preferred_language": "ar"})
    assert response.status_code == 302 and response["Location"] == "/ar/account/"
    user.refresh_from_db()
    assert user.preferred_language == "ar"
    assert AuditEntry.objects.get(action="core.user.language_changed").changes == {
        "preferred_language": ["en", "ar"]
    }
    bad = client.post("/account/", {"preferred_language": "xx"})
    assert bad.status_code == 200
    user.refresh_from_db()
    assert user.preferred_language == "ar"


def test_apps_add_their_entries_to_the_navigation(client, public_site, monkeypatch):
    from commonbonds.core import navigation

    monkeypatch.setattr(navigation, "_ITEMS", {})
    navigation.register("Sign in here", "core:login", order=10)
    navigation.register("Gone", "no-such:url", order=20)  # an app not installed: left out
    html = client.get("/account/login/").content.decode()
    assert '<a href="/account/login/" aria-current="page">Sign in here</a>' in html
    assert "Gone" not in html
