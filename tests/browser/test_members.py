"""Members' journeys in Chromium: apply → approval → the focal point's portal → the directory
after consenting; and axe on every public and portal page of the members, in English and
Arabic."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from tests.conftest import login_verified
from tests.members.factories import (
    OrganisationFactory,
    PersonFactory,
    RegionFactory,
    RoleFactory,
    make_commitments,
    make_states,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(translated_site):
    states = make_states()
    RegionFactory(
        slug="africa",
        name_en="Africa",
        name_ar="أفريقيا",
        states=[states["KEN"], states["UGA"]],
    )
    RegionFactory(slug="mena", name_en="Middle East and North Africa", states=[states["JOR"]])
    make_commitments()
    return translated_site


def sign_in(page, live_server, user, *, verified=False):
    """Put a signed-in session of `user` in the browser (a second factor for staff)."""
    client = Client()
    if verified:
        login_verified(client, user)
    else:
        client.force_login(user, backend="commonbonds.core.backends.ModelBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def test_apply_approve_portal_and_directory_after_consent(
    page, site, live_server, make_user, axe_check
):
    # 1. An organisation applies on the public form.
    page.goto("/members/apply/")
    axe_check(page)
    page.get_by_label("Name of the organisation").fill("تحالف الفنار للعدالة")
    page.get_by_label("Name in Latin letters").fill("Tahaluf al-Fanar lil-Adala")
    page.get_by_label("Country").select_option("JOR")
    page.get_by_label("Type of organisation").select_option("national_coalition")
    page.get_by_label("Why does the organisation want to join the coalition?").fill(
        "We campaign for accession to the Rome Statute."
    )
    page.get_by_label("Your full name").fill("Rana Example")
    page.get_by_label("Your email address").fill("rana@fanar.example.org")
    page.get_by_label("Language for our emails").select_option("en")
    page.get_by_label("On behalf of the organisation, I accept the commitments above.").check()
    page.get_by_role("button", name="Send the application").click()
    page.wait_for_url("**/members/apply/thanks/")
    assert "we have your application" in page.locator("h1").inner_text()
    axe_check(page)

    # 2. Staff (with a verified second factor) approve it in the review queue.
    editor = make_user("editor")
    sign_in(page, live_server, editor, verified=True)
    page.goto("/admin/members/applications/")
    page.get_by_role("link", name="Tahaluf al-Fanar lil-Adala").first.click()
    assert "We support the Rome Statute system (v1)." in page.locator("main").inner_text()
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_url("**/admin/members/applications/")
    page.context.clear_cookies()

    # 3. The focal point accepts the invitation, signs in and edits the profile.
    invitation = next(
        m
        for m in mail.outbox
        if m.to == ["rana@fanar.example.org"] and "/account/invitation/" in m.body
    )
    token = re.search(r"/account/invitation/([^/\s]+)/", invitation.body).group(1)
    page.goto(f"/account/invitation/{token}/")
    page.get_by_label("First name").fill("Rana")
    page.get_by_label("Last name").fill("Example")
    page.get_by_label("Password", exact=True).fill("a long enough secret")
    page.get_by_label("Password again").fill("a long enough secret")
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/account/")
    page.get_by_role("link", name="My organisation").click()
    page.wait_for_url(re.compile(r".*/members/my-organisation/\d+/$"))
    portal_url = page.url
    axe_check(page)
    page.get_by_role("link", name="Edit the profile").click()
    page.get_by_label("City").fill("Amman")
    page.get_by_label("Description").fill("Advocacy for justice.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(portal_url)
    assert "The profile is saved." in page.locator(".messages").inner_text()

    # 4. Not in the public directory until the organisation consents.
    page.goto("/members/")
    assert "Tahaluf al-Fanar" not in page.locator("main").inner_text()
    page.goto(portal_url)
    page.get_by_label("List our organisation in the public directory").check()
    page.get_by_role("button", name="Save the choice").click()
    page.wait_for_url(portal_url)
    page.goto("/members/?country=JOR")
    page.get_by_role("link", name="تحالف الفنار للعدالة").click()
    assert "Amman" in page.locator("main").inner_text()
    assert "Advocacy for justice." in page.locator("main").inner_text()
    axe_check(page)


@pytest.fixture
def member_pages(site, make_user):
    """A listed member with a focal point and a colleague; the URLs of the members' pages."""
    organisation = OrganisationFactory(
        name="منتدى الزيتون للعدالة",
        name_latin="Muntada al-Zaytun lil-Adala",
        country_id="JOR",
        listed_publicly=True,
        description="وصف قصير.",
    )
    OrganisationFactory(name="Quiet Lantern Forum", country_id="KEN", listed_publicly=True)
    user = make_user("focal_point")
    RoleFactory(organisation=organisation, person=PersonFactory(user=user, email=user.email))
    colleague = RoleFactory(organisation=organisation, kind="communications").person
    portal = f"/members/my-organisation/{organisation.pk}/"
    return {
        "user": user,
        "public": [
            "/members/",
            "/members/?region=africa",
            "/members/apply/",
            "/members/apply/thanks/",
            f"/members/{organisation.pk}/",
        ],
        "portal": [
            portal,
            portal + "profile/",
            portal + "people/add/",
            portal + f"people/{colleague.pk}/",
            portal + "handover/",
        ],
    }


@pytest.mark.parametrize("language", ["", "/ar"])
def test_public_member_pages_have_no_axe_violations(page, member_pages, axe_check, language):
    for path in member_pages["public"]:
        page.goto(language + path)
        assert page.locator("html").get_attribute("dir") == ("rtl" if language else "ltr")
        axe_check(page)


@pytest.mark.parametrize("language", ["", "/ar"])
def test_portal_pages_have_no_axe_violations(page, live_server, member_pages, axe_check, language):
    sign_in(page, live_server, member_pages["user"])
    for path in member_pages["portal"]:
        response = page.goto(language + path)
        assert response.status == 200, path
        axe_check(page)


def test_the_directory_reads_without_javascript_and_on_a_phone(chromium, live_server, member_pages):
    context = chromium.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto("/ar/members/")
    text = page.locator("main").inner_text()
    assert "منتدى الزيتون للعدالة" in text and "Quiet Lantern Forum" in text
    # Nothing overflows sideways at phone width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
