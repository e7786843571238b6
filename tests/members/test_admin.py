"""The staff screens: scoped listings and object views, saves through the actions."""

import pytest
from django.core import mail

from commonbonds.core.models import AuditEntry
from commonbonds.members import actions
from commonbonds.members.models import CommitmentText, MembershipApplication, Organisation, Role
from tests.members.factories import PersonFactory, RoleFactory

BASE = "/admin/members/organisations/"


def organisation_form(organisation, **changes):
    data = {
        "name": organisation.name,
        "name_latin": organisation.name_latin,
        "acronym": organisation.acronym,
        "type": organisation.type,
        "country": organisation.country_id,
        "city": organisation.city,
        "website": organisation.website,
        "email": organisation.email,
        "description": organisation.description,
        "status": organisation.status,
        "status_since": str(organisation.status_since),
        "applied_on": "",
        "member_since": "",
        "national_coalition": "",
        "ecosoc_status": organisation.ecosoc_status,
    }
    data.update(changes)
    return data


@pytest.fixture
def world(regions, make_org):
    return {
        "kenya": make_org(name="Kenyan Org", name_latin="Kenyan Org", country_id="KEN"),
        "france": make_org(name="French Org", name_latin="French Org", country_id="FRA"),
    }


@pytest.fixture
def coordinator(client, regions, coordinator_of):
    from tests.conftest import login_verified

    user = coordinator_of(regions["africa"])
    login_verified(client, user)
    client.user = user
    return client


def test_a_coordinators_listing_holds_their_region_only(world, coordinator):
    html = coordinator.get(BASE).content.decode()
    assert "Kenyan Org" in html and "French Org" not in html
    # Searching does not widen it.
    html = coordinator.get(BASE + "?q=French").content.decode()
    assert "French Org" not in html


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage", "handover"])
def test_another_regions_organisation_is_404_in_every_view(world, coordinator, view):
    assert coordinator.get(f"{BASE}{view}/{world['france'].pk}/").status_code == 404
    assert coordinator.get(f"{BASE}{view}/{world['kenya'].pk}/").status_code == 200


def test_a_coordinator_saves_their_regions_organisation_through_the_action(
    world, coordinator, states
):
    kenya = world["kenya"]
    response = coordinator.post(
        f"{BASE}edit/{kenya.pk}/", organisation_form(kenya, ecosoc_status="special", city="Mombasa")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    kenya.refresh_from_db()
    assert (kenya.ecosoc_status, kenya.city) == ("special", "Mombasa")
    entry = AuditEntry.objects.get(action="members.organisation.changed")
    assert entry.changes["city"] == ["", "Mombasa"]
    # Posting to another region's id changes nothing.
    french = world["france"]
    response = coordinator.post(f"{BASE}edit/{french.pk}/", organisation_form(french, city="X"))
    assert response.status_code == 404
    french.refresh_from_db()
    assert french.city == ""


def test_a_coordinator_cannot_move_an_organisation_out_of_the_region(world, coordinator, states):
    kenya = world["kenya"]
    response = coordinator.post(f"{BASE}edit/{kenya.pk}/", organisation_form(kenya, country="FRA"))
    assert response.status_code == 200  # the form says France is not a choice
    kenya.refresh_from_db()
    assert kenya.country_id == "KEN"


def test_the_secretariat_lists_and_creates_anywhere(world, client_for, states):
    client = client_for("editor")
    html = client.get(BASE).content.decode()
    assert "Kenyan Org" in html and "French Org" in html
    new = Organisation(name="Nouvelle", name_latin="Nouvelle", country_id="FRA", status="member")
    new.status_since = "2026-01-01"
    response = client.post(BASE + "new/", organisation_form(new, country="FRA"))
    assert response.status_code == 302
    created = Organisation.objects.get(name="Nouvelle")
    assert created.member_since is not None
    assert AuditEntry.objects.filter(action="members.organisation.created").count() == 1


def test_an_invalid_save_shows_the_domain_error(world, client_for):
    kenya = world["kenya"]
    response = client_for("editor").post(
        f"{BASE}edit/{kenya.pk}/", organisation_form(kenya, name="Фонарь", name_latin="Фонарь")
    )
    assert response.status_code == 200
    assert "only use Latin letters" in response.content.decode()
    kenya.refresh_from_db()
    assert kenya.name == "Kenyan Org"


def test_the_review_queue_and_an_approval(
    states, regions, commitments, client_for, django_capture_on_commit_callbacks
):
    application = actions.submit_application(
        data={
            "name": "Quiet Lantern Forum",
            "name_latin": "",
            "country": "KEN",
            "type": "grassroots",
            "motivation": "Justice.",
            "contact_name": "Amani Example",
            "contact_email": "amani@example.org",
        },
        commitments_version=commitments.version,
        language="en",
    )
    client = client_for("editor")
    queue = client.get("/admin/members/applications/").content.decode()
    assert "Quiet Lantern Forum" in queue
    review = f"/admin/members/applications/review/{application.pk}/"
    assert "We support the Rome Statute system (v1)." in client.get(review).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review, {"decision": "approve", "invite": "on"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "approved"
    assert application.organisation.status == "member"
    assert {m.subject for m in mail.outbox} == {
        "You are invited to Common Bonds",
        "Welcome to the coalition",
    }


def test_a_rejection_needs_a_reason_in_the_admin(states, commitments, client_for):
    application = actions.submit_application(
        data={
            "name": "Cedar Path Guild",
            "country": "KEN",
            "type": "other",
            "motivation": "x",
            "contact_name": "A",
            "contact_email": "a@example.org",
        },
        commitments_version=1,
        language="en",
    )
    client = client_for("editor")
    review = f"/admin/members/applications/review/{application.pk}/"
    response = client.post(review, {"decision": "reject", "reason": ""})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == "pending"
    client.post(review, {"decision": "reject", "reason": "Out of scope."})
    application.refresh_from_db()
    assert application.status == "rejected"


def test_another_regions_application_is_404_to_a_coordinator(states, commitments, coordinator):
    application = actions.submit_application(
        data={
            "name": "Paris Group",
            "country": "FRA",
            "type": "other",
            "motivation": "x",
            "contact_name": "A",
            "contact_email": "a@example.org",
        },
        commitments_version=1,
        language="en",
    )
    review = f"/admin/members/applications/review/{application.pk}/"
    assert coordinator.get(review).status_code == 404
    assert coordinator.post(review, {"decision": "approve"}).status_code == 404
    assert MembershipApplication.objects.get().status == "pending"
    assert "Paris Group" not in coordinator.get("/admin/members/applications/").content.decode()


def test_handover_in_the_admin(world, client_for, django_capture_on_commit_callbacks):
    kenya = world["kenya"]
    leaving = RoleFactory(organisation=kenya).person
    successor = PersonFactory()
    RoleFactory(organisation=kenya, person=successor, kind="other")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("editor").post(
            f"{BASE}handover/{kenya.pk}/",
            {"from_person": leaving.pk, "to_person": successor.pk},
        )
    assert response.status_code == 302
    assert Role.objects.get(organisation=kenya, kind="main").person == successor


def test_people_and_roles_admin_is_scoped(world, coordinator):
    french_person = RoleFactory(organisation=world["france"]).person
    kenyan_role = RoleFactory(organisation=world["kenya"])
    people = coordinator.get("/admin/members/people/").content.decode()
    assert kenyan_role.person.name in people and french_person.name not in people
    assert coordinator.get(f"/admin/members/people/edit/{french_person.pk}/").status_code == 404
    assert coordinator.get(f"/admin/members/roles/delete/{kenyan_role.pk}/").status_code == 200
    french_role = Role.objects.get(person=french_person)
    assert coordinator.get(f"/admin/members/roles/delete/{french_role.pk}/").status_code == 404


def test_a_coordinator_adds_a_person_to_their_regions_organisation(world, coordinator):
    response = coordinator.post(
        "/admin/members/roles/new/",
        {
            "organisation": world["kenya"].pk,
            "kind": "communications",
            "person": "",
            "new_person_name": "Njeri Example",
            "new_person_email": "njeri@example.org",
            "new_person_language": "en",
        },
    )
    assert response.status_code == 302
    assert Role.objects.get(person__name="Njeri Example").organisation == world["kenya"]
    # Not to another region's: France is not among the choices.
    response = coordinator.post(
        "/admin/members/roles/new/",
        {"organisation": world["france"].pk, "kind": "other", "new_person_name": "Z"},
    )
    assert response.status_code == 200
    assert not Role.objects.filter(person__name="Z").exists()


def test_commitments_are_published_as_new_versions_only(commitments, client_for):
    client = client_for("editor")
    assert client.get(f"/admin/members/commitments/edit/{commitments.pk}/").status_code == 302
    response = client.post(
        "/admin/members/commitments/new/",
        {"text_en": "E", "text_fr": "F", "text_es": "S", "text_ar": "ع", "note": "v2"},
    )
    assert response.status_code == 302
    assert list(CommitmentText.objects.values_list("version", flat=True)) == [2, 1]


def test_regions_are_saved_through_the_action(regions, states, client_for):
    client = client_for("editor")
    response = client.post(
        f"/admin/members/regions/edit/{regions['europe'].pk}/",
        {
            "name_en": "Europe",
            "name_fr": "Europe",
            "name_es": "Europa",
            "name_ar": "أوروبا",
            "slug": "europe",
            "position": "1",
            "states": [states["FRA"].pk, states["KEN"].pk],
        },
    )
    assert response.status_code == 200  # Kenya is in Africa already
    assert "in another region already" in response.content.decode()
    response = client.post(
        f"/admin/members/regions/edit/{regions['europe'].pk}/",
        {
            "name_en": "Europe",
            "name_fr": "Europe",
            "name_es": "Europa",
            "name_ar": "أوروبا",
            "slug": "europe",
            "position": "1",
            "states": [states["FRA"].pk, states["JOR"].pk],
        },
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="members.region.saved").exists()


def test_the_inspect_view_shows_the_status_history_with_dates(world, client_for):
    from commonbonds.members.models import StatusChange

    StatusChange.objects.create(organisation=world["kenya"], status="member", on="2003-02-11")
    html = (
        client_for("accreditation_officer")
        .get(f"{BASE}inspect/{world['kenya'].pk}/")
        .content.decode()
    )
    assert "Changes of membership status" in html
    assert "Member 2003-02-11" in html
