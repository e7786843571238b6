"""Public pages and the portal, through the test client."""

import pytest
from django.core.cache import cache

from commonbonds.core.forms_protection import HONEYPOT_FIELD
from commonbonds.core.models import AuditEntry
from commonbonds.members.models import MembershipApplication, Organisation, Person
from tests.conftest import login_verified
from tests.members.factories import (
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    make_commitments,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def form_data(**changes):
    data = {
        "name": "Kestrel Rights Collective",
        "name_latin": "",
        "acronym": "KRC",
        "country": "KEN",
        "city": "Nairobi",
        "type": "national_ngo",
        "website": "krc.example.org",
        "email": "",
        "description": "",
        "motivation": "We document crimes.",
        "contact_name": "Amani Example",
        "contact_email": "amani@example.org",
        "contact_title": "",
        "language": "fr",
        "commitments_version": "1",
        "accept_commitments": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# ---------------------------------------------------------------- directory


def test_the_directory_shows_only_members_that_consented(
    client, public_site, regions, django_assert_max_num_queries
):
    OrganisationFactory(name="Listed Member", country_id="KEN", listed_publicly=True)
    OrganisationFactory(name="Hidden Member", country_id="KEN", listed_publicly=False)
    OrganisationFactory(name="Listed Applicant", status="applicant", listed_publicly=True)
    OrganisationFactory(name="Former Member", status="former", listed_publicly=True)
    OrganisationFactory(name="Suspended Member", status="suspended", listed_publicly=True)
    for n in range(30):
        OrganisationFactory(name=f"Filler {n}", country_id="FRA", listed_publicly=True)
    with django_assert_max_num_queries(12):
        response = client.get("/members/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Listed Member" in html
    for hidden in ("Hidden Member", "Listed Applicant", "Former Member", "Suspended Member"):
        assert hidden not in html
    assert "31 organisations listed" in html


def test_the_directory_filters_by_region_and_country(client, public_site, regions):
    OrganisationFactory(name="Kenyan One", country_id="KEN", listed_publicly=True)
    OrganisationFactory(name="French One", country_id="FRA", listed_publicly=True)
    by_region = client.get("/members/?region=africa").content.decode()
    assert "Kenyan One" in by_region and "French One" not in by_region
    by_country = client.get("/fr/members/?country=FRA").content.decode()
    assert "French One" in by_country and "Kenyan One" not in by_country
    assert client.get("/members/?region=nowhere").status_code == 404
    assert client.get("/members/?country=XXX").status_code == 404


def test_the_directory_search_finds_names_without_accents(client, public_site, states):
    OrganisationFactory(name="Círculo Cedro", country_id="FRA", listed_publicly=True)
    assert "Círculo Cedro" in client.get("/members/?q=circulo").content.decode()


def test_a_profile_is_public_only_while_listed(client, public_site, states):
    listed = OrganisationFactory(name="Open Door", listed_publicly=True, description="We help.")
    hidden = OrganisationFactory(name="Closed Door")
    response = client.get(f"/members/{listed.pk}/")
    assert response.status_code == 200 and "We help." in response.content.decode()
    assert client.get(f"/members/{hidden.pk}/").status_code == 404
    assert client.get("/members/999999/").status_code == 404


def test_demo_organisations_are_marked(client, public_site, states):
    OrganisationFactory(name="Demo Heron", listed_publicly=True, is_demo=True)
    html = client.get("/members/").content.decode()
    assert "are generated for this demonstration" in html


# ---------------------------------------------------------------- application form


def test_the_form_shows_the_commitments_and_their_version(client, public_site, states):
    make_commitments(version=1)
    make_commitments(version=2)
    html = client.get("/es/members/apply/").content.decode()
    assert "Apoyamos el sistema del Estatuto de Roma (v2)." in html
    assert 'name="commitments_version" value="2"' in html
    assert f'name="{HONEYPOT_FIELD}"' in html


def test_applying_records_the_application_in_the_chosen_language(client, public_site, states):
    make_commitments()
    response = client.post("/members/apply/", form_data())
    assert response.status_code == 302 and response["Location"] == "/members/apply/thanks/"
    application = MembershipApplication.objects.get()
    assert application.language == "fr"
    assert application.commitments_text == "Nous soutenons le système du Statut de Rome (v1)."
    assert application.website == "https://krc.example.org"


def test_the_commitments_must_be_accepted(client, public_site, states):
    make_commitments()
    response = client.post("/members/apply/", form_data(accept_commitments=None))
    assert response.status_code == 200
    assert not MembershipApplication.objects.exists()


def test_when_the_commitments_changed_the_applicant_reads_the_new_ones(client, public_site, states):
    make_commitments(version=1)
    make_commitments(version=2)
    response = client.post("/members/apply/", form_data(commitments_version="1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "The commitments changed" in html
    assert 'name="commitments_version" value="2"' in html
    assert not MembershipApplication.objects.exists()


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_saved(client, public_site, states):
    make_commitments()
    response = client.post("/members/apply/", form_data(**{HONEYPOT_FIELD: "http://spam"}))
    assert response.status_code == 302 and response["Location"] == "/members/apply/thanks/"
    assert not MembershipApplication.objects.exists()


def test_applications_are_rate_limited_per_address(client, public_site, states):
    make_commitments()
    for n in range(5):
        response = client.post(
            "/members/apply/", form_data(name=f"Org {n}"), REMOTE_ADDR="203.0.113.7"
        )
        assert response.status_code == 302
    response = client.post("/members/apply/", form_data(name="Org 6"), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    # Another address is not affected.
    response = client.post("/members/apply/", form_data(name="Org 7"), REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 302
    assert MembershipApplication.objects.count() == 6


def test_with_no_commitments_published_applications_are_closed(client, public_site, states):
    assert "Applications are closed for now." in client.get("/members/apply/").content.decode()


# ---------------------------------------------------------------- portal


@pytest.fixture
def portal(client, make_org, focal_point_of):
    mine = make_org(name="My Own Org", name_latin="My Own Org")
    other = make_org(name="Their Org", name_latin="Their Org")
    user = focal_point_of(mine)
    client.force_login(user, backend="commonbonds.core.backends.ModelBackend")
    return {"client": client, "mine": mine, "other": other, "user": user}


def test_the_account_page_links_to_the_portal(portal):
    html = portal["client"].get("/account/").content.decode()
    assert 'href="/members/my-organisation/"' in html


def test_the_portal_goes_straight_to_the_only_organisation(portal):
    response = portal["client"].get("/members/my-organisation/")
    assert response.status_code == 302
    assert response["Location"] == f"/members/my-organisation/{portal['mine'].pk}/"


def test_a_focal_point_edits_the_profile_and_consents(portal):
    client, mine = portal["client"], portal["mine"]
    url = f"/members/my-organisation/{mine.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url + "profile/",
        {"name": "My Own Org", "name_latin": "My Own Org", "city": "Kisumu", "website": ""},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.city == "Kisumu"
    client.post(url + "listing/", {"listed_publicly": "on"})
    mine.refresh_from_db()
    assert mine.listed_publicly
    assert AuditEntry.objects.filter(action="members.organisation.listing_changed").exists()


def test_a_profile_error_is_shown_and_nothing_saved(portal):
    client, mine = portal["client"], portal["mine"]
    response = client.post(
        f"/members/my-organisation/{mine.pk}/profile/",
        {"name": "Фонарь", "name_latin": "", "city": "Kisumu"},
    )
    assert response.status_code == 200
    assert "Give the name in Latin letters too." in response.content.decode()
    mine.refresh_from_db()
    assert mine.city == ""


@pytest.mark.parametrize("suffix", ["", "profile/", "people/add/", "handover/", "people/{person}/"])
def test_another_organisations_ids_answer_404(portal, suffix):
    client, other = portal["client"], portal["other"]
    person = RoleFactory(organisation=other).person
    url = f"/members/my-organisation/{other.pk}/" + suffix.format(person=person.pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "X", "listed_publicly": "on"}).status_code == 404
    other.refresh_from_db()
    assert other.name == "Their Org" and not other.listed_publicly


def test_a_person_of_another_organisation_is_404_even_under_my_organisation(portal):
    client, mine, other = portal["client"], portal["mine"], portal["other"]
    outsider = RoleFactory(organisation=other).person
    url = f"/members/my-organisation/{mine.pk}/people/{outsider.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"operation": "save", "name": "X"}).status_code == 404
    outsider.refresh_from_db()
    assert outsider.name != "X"


def test_a_focal_point_manages_people(portal, django_capture_on_commit_callbacks):
    client, mine = portal["client"], portal["mine"]
    base = f"/members/my-organisation/{mine.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            base + "people/add/",
            {"name": "Ana Example", "email": "ana@example.org", "language": "es",
             "kind": "accreditation", "invite": "on"},
        )  # fmt: skip
    assert response.status_code == 302
    ana = Person.objects.get(email="ana@example.org")
    assert ana.invitation is not None
    response = client.post(base + f"people/{ana.pk}/", {"operation": "add_role", "kind": "finance"})
    assert sorted(ana.roles.values_list("kind", flat=True)) == ["accreditation", "finance"]
    role = ana.roles.get(kind="finance")
    client.post(base + f"people/{ana.pk}/", {"operation": "remove_role", "role": role.pk})
    assert list(ana.roles.values_list("kind", flat=True)) == ["accreditation"]


def test_a_focal_point_hands_over_and_loses_access(portal, django_capture_on_commit_callbacks):
    client, mine, user = portal["client"], portal["mine"], portal["user"]
    successor = PersonFactory(email="next@example.org")
    RoleFactory(organisation=mine, person=successor, kind="other")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/members/my-organisation/{mine.pk}/handover/",
            {"from_person": user.member_person.pk, "to_person": successor.pk},
        )
    assert response.status_code == 302 and response["Location"] == "/account/"
    assert client.get(f"/members/my-organisation/{mine.pk}/").status_code == 404


def test_staff_and_strangers_do_not_reach_the_portal(client, make_org, client_for):
    organisation = make_org()
    url = f"/members/my-organisation/{organisation.pk}/"
    assert client.get(url).status_code == 302  # to sign in
    assert client_for("editor").get(url).status_code == 404
    assert client_for("focal_point").get("/members/my-organisation/").status_code == 403


def test_organisation_count_unchanged_by_portal_posts_of_strangers(portal):
    assert Organisation.objects.count() == 2


def test_verified_login_helper_still_works_for_staff(client, make_user):
    login_verified(client, make_user("editor"))
    assert client.get("/admin/members/organisations/").status_code == 200
