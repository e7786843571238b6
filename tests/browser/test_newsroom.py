"""The newsroom's journeys: an editor writes, a publisher approves, readers find it.

Staff sign in with their second factor verified server-side (tests/browser/staff.py).
"""

import re

import pytest

from tests.browser.staff import sign_in, sign_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(translated_site):
    from tests.newsroom.fixtures import grant_newsroom_permissions

    grant_newsroom_permissions()
    return translated_site


@pytest.fixture
def csp_violations(page):
    """Every content-security-policy violation Chromium reports on the console."""
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return found


def _more_actions(page):
    page.locator("footer .w-dropdown__toggle").first.click()


def _submit(page):
    _more_actions(page)
    page.get_by_role("button", name="Submit to Editors → publishers").click()


def _approve(page):
    _more_actions(page)
    page.get_by_role("button", name="Approve and Publish", exact=True).click()


def test_editor_writes_publisher_approves_readers_find_it(
    page, site, make_user, live_server, axe_check, csp_violations
):
    from commonbonds.newsroom.models import NewsIndexPage, NewsItemPage

    editor, publisher = make_user("editor"), make_user("publisher")
    news_index = NewsIndexPage.objects.get(locale__language_code="en")

    # The editor writes a media statement and submits it for review.
    sign_in(page, live_server, editor)
    page.goto(f"/admin/pages/add/newsroom/newsitempage/{news_index.pk}/")
    page.fill("#id_title", "Coalition welcomes the new ratification")
    page.select_option("#id_kind", "media_statement")
    page.fill("#id_summary", "The coalition welcomes a ratification of the Rome Statute.")
    page.fill("#id_slug", "welcomes-ratification") if page.locator(
        "#id_slug"
    ).is_visible() else None
    _submit(page)
    page.wait_for_url("**/admin/pages/**")
    item = NewsItemPage.objects.get(title="Coalition welcomes the new ratification")
    assert not item.live
    assert page.context.request.get(f"{live_server.url}{'/news/'}{item.slug}/").status == 404

    # … and its French translation, which goes through the same review.
    page.goto(f"/admin/translation/submit/page/{item.pk}/")
    page.get_by_label("French").check()
    page.get_by_role("button", name=re.compile("Submit")).click()
    page.wait_for_url("**/admin/pages/*/edit/**")
    french = NewsItemPage.objects.get(
        translation_key=item.translation_key, locale__language_code="fr"
    )
    page.goto(f"/admin/pages/{french.pk}/edit/")
    page.fill("#id_title", "La coalition salue la nouvelle ratification")
    page.fill("#id_summary", "La coalition salue une ratification du Statut de Rome.")
    _submit(page)
    page.wait_for_url("**/admin/pages/**")

    # The publisher approves both.
    sign_out(page)
    sign_in(page, live_server, publisher)
    for pk in (item.pk, french.pk):
        page.goto(f"/admin/pages/{pk}/edit/")
        _approve(page)
        page.wait_for_url("**/admin/pages/**")
    item.refresh_from_db()
    french.refresh_from_db()
    assert item.live and french.live

    # Readers see the page and its translation, linked by the language switcher.
    sign_out(page)
    csp_violations.clear()  # the admin's own (avatars from gravatar.com) are not ours
    page.goto(item.url)
    assert page.locator("h1").inner_text() == "Coalition welcomes the new ratification"
    assert "Media statement" in page.locator("main").inner_text()
    axe_check(page)
    page.get_by_role("link", name="français").click()
    page.wait_for_url(f"**/fr/news/{french.slug}/")
    assert page.locator("h1").inner_text() == "La coalition salue la nouvelle ratification"
    assert "Déclaration aux médias" in page.locator("main").inner_text()
    axe_check(page)

    # The search finds it, the feed lists it.
    page.goto("/search/?q=ratification")
    assert "Coalition welcomes the new ratification" in page.locator("main").inner_text()
    axe_check(page)
    feed = page.context.request.get(f"{live_server.url}/feeds/all/atom/").text()
    assert "<title>Coalition welcomes the new ratification</title>" in feed
    french_feed = page.context.request.get(f"{live_server.url}/fr/feeds/all/atom/").text()
    assert "<title>La coalition salue la nouvelle ratification</title>" in french_feed
    assert csp_violations == []


@pytest.fixture
def content(site):
    """Content on every kind of public page of the newsroom."""
    import datetime

    from django.core.files.base import ContentFile
    from wagtail.models import Locale
    from wagtail.rich_text import RichText

    from commonbonds.newsroom import actions
    from commonbonds.newsroom.models import (
        InformativePage,
        NewsIndexPage,
        NewsItemPage,
        Theme,
        TopicIndexPage,
        TopicPage,
    )
    from tests.newsroom.conftest import minimal_pdf

    theme = Theme.objects.create(slug="victims", name_en="Victims", name_ar="الضحايا")
    document = actions.create_document(
        acting_user=None,
        upload=ContentFile(minimal_pdf("Reparations"), name="r.pdf"),
        title="Report on reparations",
        kind="report",
        author_organisation="Coalition",
        date=datetime.date(2026, 5, 1),
        language="en",
        publish=True,
        themes=[theme],
    )
    made = {"document": document}
    for code in ("en", "ar"):
        locale = Locale.objects.get(language_code=code)
        home = InformativePage.objects.none()
        news_index = NewsIndexPage.objects.get(locale=locale)
        item = NewsItemPage(
            title=f"Item {code}",
            slug=f"item-{code}",
            summary="Summary",
            kind="press_release",
            body=[("quote", {"quote": "Justice", "attribution": "Someone"})],
        )
        item.themes.set([theme])
        news_index.add_child(instance=item)
        item.save_revision().publish()
        home = news_index.get_parent()
        page = InformativePage(
            title=f"About {code}",
            slug=f"about-{code}",
            intro="Intro",
            body=[
                ("rich_text", RichText("<h2>Section</h2><p>Text</p>")),
                (
                    "call_to_action",
                    {
                        "heading": "Act",
                        "text": "Now",
                        "button_label": "Join",
                        "page": None,
                        "url": "https://example.org/",
                    },
                ),
                ("live_data", {"kind": "count", "instrument": "", "region": ""}),
                ("documents", {"heading": "Read", "documents": [document]}),
            ],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        topic = TopicPage(
            title=f"Victims {code}", slug=f"victims-{code}", theme=theme, intro="Intro"
        )
        TopicIndexPage.objects.get(locale=locale).add_child(instance=topic)
        topic.save_revision().publish()
        made[code] = {"item": item, "page": page, "topic": topic}
    return made


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_public_page_of_the_newsroom_has_no_axe_violations(
    page, content, language, axe_check, csp_violations
):
    prefix = "" if language == "en" else "/ar"
    pages = content[language]
    urls = [
        f"{prefix}/",
        f"{prefix}/news/",
        f"{prefix}/news/?kind=press_release",
        pages["item"].url,
        pages["page"].url,
        f"{prefix}/topics/",
        pages["topic"].url,
        f"{prefix}/library/",
        f"{prefix}/library/{content['document'].pk}/",
        f"{prefix}/search/",
        f"{prefix}/search/?q=justice&type=news&type=pages",
    ]
    for url in urls:
        page.goto(url)
        assert page.locator("html").get_attribute("dir") == (
            "rtl" if language == "ar" else "ltr"
        ), url
        axe_check(page)
    assert csp_violations == []


def test_json_ld_is_not_blocked_by_the_content_security_policy(page, content, csp_violations):
    violations = []
    page.expose_function("reportViolation", lambda directive: violations.append(directive))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => window.reportViolation(e.violatedDirective))"
    )
    page.goto(content["en"]["item"].url)
    data = page.locator("script[type='application/ld+json']").text_content()
    assert '"@type":"NewsArticle"' in data
    assert violations == [] and csp_violations == []


def test_the_page_reads_and_filters_without_javascript(chromium, live_server, content):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/library/")
    page.get_by_label("Report").check()
    page.get_by_role("button", name="Show").click()
    assert "Report on reparations" in page.locator("main").inner_text()
    page.goto("/news/")
    page.select_option("#filter-kind", "press_release")
    page.get_by_role("button", name="Show").click()
    assert "Item en" in page.locator("main").inner_text()
    context.close()


def test_phone_width_has_no_horizontal_scroll(page, content):
    page.set_viewport_size({"width": 390, "height": 800})
    for url in ("/library/", content["ar"]["page"].url, "/search/?q=justice"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), url
