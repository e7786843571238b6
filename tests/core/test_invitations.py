from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from commonbonds.core import actions
from commonbonds.core.errors import DomainError, PermissionDeniedError
from commonbonds.core.models import AuditEntry, Invitation, User


@pytest.fixture
def admin(make_user):
    return make_user("administrator")


def test_invite_sends_the_link_in_the_invitees_language(admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = actions.invite_user(
            acting_user=admin, email="Focal@Example.org", role="focal_point", language="fr"
        )
    assert invitation.email == "focal@example.org"
    assert token not in invitation.token_hash  # only a hash is stored
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["focal@example.org"]
    assert message.subject == "Vous êtes invité·e à rejoindre Common Bonds"
    assert f"/fr/account/invitation/{token}/" in message.body
    assert AuditEntry.objects.filter(action="core.invitation.sent").count() == 1


def test_no_email_leaves_before_the_transaction_commits(admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        actions.invite_user(acting_user=admin, email="a@example.org", role="delegate")
    assert mail.outbox == [] and len(callbacks) == 1


@pytest.mark.parametrize(
    ("email", "role", "language", "code"),
    [
        ("not-an-email", "delegate", "en", "bad_email"),
        ("a@example.org", "emperor", "en", "unknown_role"),
        ("a@example.org", "delegate", "xx", "unknown_language"),
    ],
)
def test_bad_invitations_are_refused_and_nothing_is_saved(admin, email, role, language, code):
    with pytest.raises(DomainError) as exc:
        actions.invite_user(acting_user=admin, email=email, role=role, language=language)
    assert exc.value.code == code
    assert not Invitation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_only_those_allowed_may_invite(make_user):
    with pytest.raises(PermissionDeniedError):
        actions.invite_user(
            acting_user=make_user("focal_point"), email="a@example.org", role="delegate"
        )
    assert not Invitation.objects.exists()


def test_accepting_creates_the_account_once(admin, client):
    _, token = actions.invite_user(
        acting_user=admin, email="new@example.org", role="focal_point", language="es"
    )
    page = client.get(f"/es/account/invitation/{token}/")
    assert page.status_code == 200
    response = client.post(
        f"/es/account/invitation/{token}/",
        {
            "first_name": "Ana",
            "last_name": "Pérez",
            "password": "a long enough secret",
            "password_again": "a long enough secret",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/es/account/"
    user = User.objects.get(email="new@example.org")
    assert user.preferred_language == "es"
    assert list(user.groups.values_list("name", flat=True)) == ["Member focal points"]
    again = client.get(f"/es/account/invitation/{token}/")
    assert again.status_code == 410
    assert "ya se ha utilizado" in again.content.decode() or "caducado" in again.content.decode()


def test_weak_password_is_refused_and_no_account_is_made(admin, client):
    _, token = actions.invite_user(acting_user=admin, email="weak@example.org", role="delegate")
    response = client.post(
        f"/account/invitation/{token}/",
        {"first_name": "A", "last_name": "B", "password": "password", "password_again": "password"},
    )
    assert response.status_code == 200
    assert "too common" in response.content.decode() or "too short" in response.content.decode()
    assert not User.objects.filter(email="weak@example.org").exists()
    assert Invitation.objects.get(email="weak@example.org").accepted_at is None


def test_expired_and_forged_links_are_refused(admin, client):
    invitation, token = actions.invite_user(
        acting_user=admin, email="late@example.org", role="delegate"
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(f"/account/invitation/{token}/").status_code == 410
    assert client.get("/account/invitation/forged-token/").status_code == 410
    with pytest.raises(DomainError) as exc:
        actions.accept_invitation(
            token=token, first_name="a", last_name="b", password="a long enough secret"
        )
    assert exc.value.code == "invitation_invalid"


def test_staff_invite_from_the_admin(client_for, django_capture_on_commit_callbacks):
    client = client_for("administrator")
    assert client.get("/admin/core/invite/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/core/invite/",
            {"email": "fp@example.org", "role": "focal_point", "language": "ar"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="fp@example.org")
    assert invitation.language == "ar" and invitation.created_by == client.user
    assert len(mail.outbox) == 1 and "/ar/account/invitation/" in mail.outbox[0].body
    page = client.get("/admin/core/invite/").content.decode()
    assert "fp@example.org" in page


def test_a_bad_address_in_the_admin_form_saves_nothing(client_for):
    client = client_for("administrator")
    response = client.post(
        "/admin/core/invite/", {"email": "nope", "role": "focal_point", "language": "en"}
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_editors_may_not_invite(client_for):
    client = client_for("editor")
    response = client.get("/admin/core/invite/")
    assert response.status_code == 302  # Wagtail's "permission denied" sends to the dashboard
    assert (
        client.post(
            "/admin/core/invite/", {"email": "x@example.org", "role": "editor", "language": "en"}
        ).status_code
        == 302
    )
    assert not Invitation.objects.exists()
