"""The members' actions: audited, all or nothing, emails in each recipient's language."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from commonbonds.core import actions as core_actions
from commonbonds.core.errors import DomainError, PermissionDeniedError
from commonbonds.core.models import AuditEntry, Invitation
from commonbonds.members import actions
from commonbonds.members.models import (
    CommitmentAcceptance,
    MembershipApplication,
    Organisation,
    Person,
    Role,
    StatusChange,
)
from tests.members.factories import PersonFactory, RoleFactory, make_commitments

APPLICATION = {
    "name": "تحالف الفنار للعدالة الدولية",
    "name_latin": "Tahaluf al-Fanar lil-Adala al-Dawliya",
    "acronym": "TFAD",
    "country": "JOR",
    "city": "Amman",
    "type": "national_ngo",
    "website": "https://fanar.example.org",
    "email": "info@fanar.example.org",
    "description": "Advocacy for accountability.",
    "motivation": "We work for the ratification of the Rome Statute.",
    "contact_name": "Rana Example",
    "contact_email": "Rana@Fanar.example.org",
    "contact_title": "Director",
}


def audit_codes():
    return list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))


@pytest.fixture
def application(states, commitments, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        app = actions.submit_application(
            data=APPLICATION, commitments_version=commitments.version, language="ar"
        )
    mail.outbox.clear()
    return app


@pytest.fixture
def editor(make_user):
    return make_user("editor")


# ---------------------------------------------------------------- applications


def test_an_application_records_an_applicant_with_the_commitments_word_for_word(
    states, commitments, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        app = actions.submit_application(data=APPLICATION, commitments_version=1, language="ar")
    organisation = app.organisation
    assert organisation.status == "applicant"
    assert organisation.applied_on == timezone.localdate()
    assert organisation.listed_publicly is False  # off by default
    assert app.commitments_text == "ندعم منظومة نظام روما الأساسي (v1)."
    assert app.commitments_language == "ar"
    contact = Person.objects.get(roles__organisation=organisation)
    assert contact.email == "rana@fanar.example.org" and contact.language == "ar"
    assert audit_codes() == ["members.application.submitted"]
    # The acknowledgement is in the applicant's language (Arabic).
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["rana@fanar.example.org"]
    assert mail.outbox[0].subject == "طلب انضمام منظمتكم إلى التحالف"
    assert "ندعم منظومة نظام روما الأساسي (v1)." in mail.outbox[0].body


def test_an_application_against_an_older_version_of_the_commitments_is_refused(states, commitments):
    make_commitments(version=2)
    with pytest.raises(DomainError) as exc:
        actions.submit_application(data=APPLICATION, commitments_version=1, language="en")
    assert exc.value.code == "commitments_changed"
    assert not MembershipApplication.objects.exists() and not Organisation.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"name_latin": ""}, "name_latin_missing"),
        ({"name_latin": "Тахалуф"}, "name_latin_not_latin"),
        ({"website": "not a url"}, "invalid"),
        ({"country": "XXX"}, "invalid"),
    ],
)
def test_a_bad_application_saves_nothing(states, commitments, changes, code):
    with pytest.raises(DomainError) as exc:
        actions.submit_application(
            data={**APPLICATION, **changes}, commitments_version=1, language="en"
        )
    assert exc.value.code == code
    assert not Organisation.objects.exists()
    assert not Person.objects.exists()
    assert not MembershipApplication.objects.exists()


def test_approval_makes_a_member_records_the_commitments_and_invites_the_focal_point(
    application, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = actions.approve_application(acting_user=editor, application=application)
    organisation.refresh_from_db()
    assert organisation.status == "member"
    assert organisation.member_since == timezone.localdate()
    acceptance = CommitmentAcceptance.objects.get(organisation=organisation)
    assert acceptance.commitments.version == 1
    assert acceptance.language == "ar"
    assert acceptance.text == "ندعم منظومة نظام روما الأساسي (v1)."
    assert list(
        StatusChange.objects.filter(organisation=organisation).values_list("status", flat=True)
    ) == ["member", "applicant"]
    invitation = Invitation.objects.get(email="rana@fanar.example.org")
    assert invitation.role == "focal_point" and invitation.language == "ar"
    assert Person.objects.get(email="rana@fanar.example.org").invitation == invitation
    assert "members.application.approved" in audit_codes()
    assert "members.person.invited" in audit_codes()
    subjects = sorted(m.subject for m in mail.outbox)
    # Both emails in Arabic: core's invitation and our welcome.
    assert subjects == sorted(["أنت مدعو إلى Common Bonds", "مرحباً بكم في التحالف"])


def test_accepting_the_invitation_links_the_account_to_the_focal_point(
    application, editor, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = actions.approve_application(acting_user=editor, application=application)
    invitation = Invitation.objects.get()
    token = mail.outbox[0].body.split("/account/invitation/")[1].split("/")[0]
    with django_capture_on_commit_callbacks(execute=True):
        user = core_actions.accept_invitation(
            token=token, first_name="Rana", last_name="Example", password="a long enough secret"
        )
    person = Person.objects.get(invitation=invitation)
    assert person.user == user
    assert user.has_perm("members.view_portal", organisation)
    assert "members.person.account_linked" in audit_codes()


def test_a_second_approval_is_refused(application, editor):
    actions.approve_application(acting_user=editor, application=application, invite=False)
    with pytest.raises(DomainError) as exc:
        actions.approve_application(acting_user=editor, application=application)
    assert exc.value.code == "already_decided"


def test_only_reviewers_in_scope_approve(application, make_user, coordinator_of, regions):
    with pytest.raises(PermissionDeniedError):
        actions.approve_application(acting_user=make_user("publisher"), application=application)
    # Jordan is in no region: Africa's coordinator may not decide.
    with pytest.raises(PermissionDeniedError):
        actions.approve_application(
            acting_user=coordinator_of(regions["africa"]), application=application
        )
    application.refresh_from_db()
    assert application.status == "pending"
    assert application.organisation.status == "applicant"


def test_rejection_needs_a_reason_sent_in_the_applicants_language(
    application, editor, django_capture_on_commit_callbacks
):
    with pytest.raises(DomainError) as exc:
        actions.reject_application(acting_user=editor, application=application, reason="  ")
    assert exc.value.code == "reason_missing"
    with django_capture_on_commit_callbacks(execute=True):
        actions.reject_application(
            acting_user=editor, application=application, reason="Not working on justice."
        )
    application.refresh_from_db()
    assert application.status == "rejected"
    assert application.rejection_reason == "Not working on justice."
    # The applicant record and its contact go; the application keeps what was submitted.
    assert application.organisation is None and not Organisation.objects.exists()
    assert not Person.objects.exists()
    assert application.name_latin == APPLICATION["name_latin"]
    assert mail.outbox[0].subject == "طلب انضمام منظمتكم إلى التحالف"
    assert "Not working on justice." in mail.outbox[0].body
    assert audit_codes()[-1] == "members.application.rejected"


# ---------------------------------------------------------------- organisations


def test_a_focal_point_edits_the_profile_but_not_the_membership(make_org, focal_point_of):
    organisation = make_org()
    user = focal_point_of(organisation)
    actions.update_organisation(
        acting_user=user, organisation=organisation, data={"city": "Nairobi"}
    )
    organisation.refresh_from_db()
    assert organisation.city == "Nairobi"
    entry = AuditEntry.objects.get(action="members.organisation.changed")
    assert entry.changes == {"city": ["", "Nairobi"]}
    with pytest.raises(PermissionDeniedError):
        actions.update_organisation(
            acting_user=user, organisation=organisation, data={"status": "former"}
        )
    organisation.refresh_from_db()
    assert organisation.status == "member"


def test_a_focal_point_cannot_touch_another_organisation(make_org, focal_point_of):
    mine, other = make_org(), make_org()
    user = focal_point_of(mine)
    with pytest.raises(PermissionDeniedError):
        actions.update_organisation(acting_user=user, organisation=other, data={"city": "X"})
    other.refresh_from_db()
    assert other.city == ""


def test_consent_to_be_listed_is_recorded_with_who_and_when(make_org, focal_point_of):
    organisation = make_org()
    user = focal_point_of(organisation)
    actions.set_listing_consent(acting_user=user, organisation=organisation, listed=True)
    organisation.refresh_from_db()
    assert organisation.listed_publicly
    assert organisation.listing_consent_changed_by == user
    assert organisation.listing_consent_changed_at is not None
    entry = AuditEntry.objects.get(action="members.organisation.listing_changed")
    assert entry.changes == {"listed_publicly": [False, True]}


def test_a_status_change_is_dated_and_kept_in_the_history(make_org, editor):
    organisation = make_org()
    actions.update_organisation(
        acting_user=editor, organisation=organisation, data={"status": "suspended"}
    )
    organisation.refresh_from_db()
    assert organisation.status == "suspended"
    assert organisation.status_since == timezone.localdate()
    assert organisation.status_changes.get().status == "suspended"
    assert AuditEntry.objects.get(action="members.organisation.status_changed").data == {
        "status": "suspended"
    }


def test_a_coordinator_manages_their_region_only(make_org, regions, coordinator_of):
    coordinator = coordinator_of(regions["africa"])
    kenyan, french = make_org(country_id="KEN"), make_org(country_id="FRA")
    actions.update_organisation(
        acting_user=coordinator, organisation=kenyan, data={"ecosoc_status": "special"}
    )
    with pytest.raises(PermissionDeniedError):
        actions.update_organisation(
            acting_user=coordinator, organisation=french, data={"ecosoc_status": "special"}
        )
    # Nor move one of theirs out of their region.
    with pytest.raises(PermissionDeniedError):
        actions.update_organisation(
            acting_user=coordinator, organisation=kenyan, data={"country": "FRA"}
        )
    kenyan.refresh_from_db()
    french.refresh_from_db()
    assert (kenyan.ecosoc_status, kenyan.country_id) == ("special", "KEN")
    assert french.ecosoc_status == "none"


def test_a_bad_change_saves_nothing(make_org, editor):
    organisation = make_org(name="Lantern", name_latin="Lantern")
    with pytest.raises(DomainError):
        actions.update_organisation(
            acting_user=editor,
            organisation=organisation,
            data={"name": "Фонарь", "name_latin": "Фонарь", "status": "former"},
        )
    organisation.refresh_from_db()
    assert (organisation.name, organisation.status) == ("Lantern", "member")
    assert not AuditEntry.objects.exists() and not StatusChange.objects.exists()


# ---------------------------------------------------------------- people


def test_handover_moves_roles_and_portal_access_and_tells_both_in_their_languages(
    make_org, focal_point_of, django_capture_on_commit_callbacks
):
    organisation = make_org(name_latin="Lantern Justice Circle", name="Lantern Justice Circle")
    leaving_user = focal_point_of(organisation, language="fr")
    leaving = leaving_user.member_person
    RoleFactory(organisation=organisation, person=leaving, kind="finance")
    successor = PersonFactory(language="es", email="successor@example.org")
    RoleFactory(organisation=organisation, person=successor, kind="communications")
    with django_capture_on_commit_callbacks(execute=True):
        actions.hand_over_focal_point(
            acting_user=leaving_user,
            organisation=organisation,
            from_person=leaving,
            to_person=successor,
        )
    assert sorted(Role.objects.filter(person=successor).values_list("kind", flat=True)) == [
        "communications",
        "finance",
        "main",
    ]
    assert not Role.objects.filter(person=leaving).exists()
    leaving_user = type(leaving_user).objects.get(pk=leaving_user.pk)
    assert not leaving_user.groups.filter(name="Member focal points").exists()
    assert not leaving_user.has_perm("members.view_portal", organisation)
    # The successor has no account: an invitation, in Spanish.
    assert Invitation.objects.get().email == "successor@example.org"
    by_recipient = {m.to[0]: m.subject for m in mail.outbox}
    assert by_recipient[leaving_user.email] == "Vous avez transmis votre rôle"
    assert by_recipient["successor@example.org"] in {
        "Ahora es usted punto focal de su organización",
        "Está invitado/a a Common Bonds",
    }
    subjects = [m.subject for m in mail.outbox if m.to == ["successor@example.org"]]
    assert "Ahora es usted punto focal de su organización" in subjects
    entry = AuditEntry.objects.get(action="members.focal_point.handed_over")
    assert entry.data["roles"] == ["finance", "main"]


def test_handover_to_someone_with_an_account_grants_the_portal_at_once(
    make_org, focal_point_of, make_user
):
    organisation = make_org()
    leaving_user = focal_point_of(organisation)
    other_user = make_user(None)
    successor = PersonFactory(user=other_user, email=other_user.email)
    RoleFactory(organisation=organisation, person=successor, kind="other")
    actions.hand_over_focal_point(
        acting_user=leaving_user,
        organisation=organisation,
        from_person=leaving_user.member_person,
        to_person=successor,
    )
    other_user = type(other_user).objects.get(pk=other_user.pk)
    assert other_user.groups.filter(name="Member focal points").exists()
    assert other_user.has_perm("members.view_portal", organisation)
    assert not Invitation.objects.exists()


def test_a_failed_handover_changes_nothing(make_org, focal_point_of):
    organisation = make_org()
    user = focal_point_of(organisation)
    stranger = PersonFactory()  # holds no role here: nothing to hand over from them
    with pytest.raises(DomainError) as exc:
        actions.hand_over_focal_point(
            acting_user=user,
            organisation=organisation,
            from_person=stranger,
            to_person=user.member_person,
        )
    assert exc.value.code == "no_roles"
    with pytest.raises(DomainError) as exc:
        actions.hand_over_focal_point(
            acting_user=user,
            organisation=organisation,
            from_person=user.member_person,
            to_person=user.member_person,
        )
    assert exc.value.code == "same_person"
    assert Role.objects.get().person == user.member_person
    assert Group.objects.get(name="Member focal points").user_set.filter(pk=user.pk).exists()
    assert not AuditEntry.objects.exists()


def test_the_last_main_focal_point_cannot_be_removed(make_org, focal_point_of):
    organisation = make_org()
    user = focal_point_of(organisation)
    role = Role.objects.get()
    with pytest.raises(DomainError) as exc:
        actions.remove_role(acting_user=user, role=role)
    assert exc.value.code == "last_main_focal_point"
    assert Role.objects.filter(pk=role.pk).exists()


def test_a_focal_point_adds_and_invites_a_colleague(
    make_org, focal_point_of, django_capture_on_commit_callbacks
):
    organisation = make_org()
    user = focal_point_of(organisation)
    with django_capture_on_commit_callbacks(execute=True):
        person = actions.add_person(
            acting_user=user,
            organisation=organisation,
            data={"name": "Ana Example", "email": "Ana@Example.org", "language": "es"},
            kind="accreditation",
            invite=True,
        )
    assert person.email == "ana@example.org"
    assert person.roles.get().kind == "accreditation"
    assert person.invitation.language == "es"
    assert mail.outbox[0].subject == "Está invitado/a a Common Bonds"
    assert audit_codes() == [
        "members.person.added",
        "core.invitation.sent",
        "members.person.invited",
    ]


def test_people_of_another_organisation_are_out_of_reach(make_org, focal_point_of):
    mine, other = make_org(), make_org()
    user = focal_point_of(mine)
    outsider = RoleFactory(organisation=other).person
    with pytest.raises(DomainError):
        actions.update_person(
            acting_user=user, organisation=mine, person=outsider, data={"name": "Changed"}
        )
    with pytest.raises(PermissionDeniedError):
        actions.update_person(
            acting_user=user, organisation=other, person=outsider, data={"name": "Changed"}
        )
    outsider.refresh_from_db()
    assert outsider.name != "Changed"


# ---------------------------------------------------------------- reference data


def test_a_state_belongs_to_one_region_at_most(regions, states, editor):
    with pytest.raises(DomainError) as exc:
        actions.save_region(
            acting_user=editor, region=regions["europe"], states=[states["FRA"], states["KEN"]]
        )
    assert exc.value.code == "state_in_two_regions"
    assert list(regions["europe"].states.values_list("iso3", flat=True)) == ["FRA"]


def test_coordinators_must_be_regional_coordinators(regions, editor, make_user):
    with pytest.raises(DomainError) as exc:
        actions.save_region(
            acting_user=editor, region=regions["europe"], coordinators=[make_user("publisher")]
        )
    assert exc.value.code == "not_a_coordinator"


def test_publishing_commitments_makes_a_new_version_and_keeps_the_old(commitments, editor):
    texts = {"en": "New", "fr": "Nouveau", "es": "Nuevo", "ar": "جديد"}
    new = actions.publish_commitments(acting_user=editor, texts=texts, note="Shorter")
    assert new.version == 2
    commitments.refresh_from_db()
    assert commitments.text_en == "We support the Rome Statute system (v1)."
    with pytest.raises(DomainError):
        actions.publish_commitments(acting_user=editor, texts={**texts, "ar": ""})
    assert AuditEntry.objects.filter(action="members.commitments.published").count() == 1
