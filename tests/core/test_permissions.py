import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from tests.conftest import login_verified

SENSITIVE = "assembly.view_delegate_identity"


@pytest.fixture
def sensitive_permission(db):
    ct, _ = ContentType.objects.get_or_create(app_label="assembly", model="accreditationrequest")
    return Permission.objects.get_or_create(
        content_type=ct, codename="view_delegate_identity", defaults={"name": "identity"}
    )[0]


class _Verified:
    def is_verified(self):
        return True


def _verified(user):
    user.is_verified = lambda: True
    return user


def test_superuser_does_not_get_a_sensitive_permission_implicitly(make_user, sensitive_permission):
    admin = _verified(make_user("administrator"))
    assert admin.is_superuser
    assert admin.has_perm("core.view_auditentry")  # ordinary permissions: yes
    assert not admin.has_perm(SENSITIVE)
    assert SENSITIVE not in admin.get_all_permissions()


def test_a_sensitive_permission_needs_a_grant_and_a_second_factor(make_user, sensitive_permission):
    officer = make_user("accreditation_officer")
    officer.user_permissions.add(sensitive_permission)
    assert not officer.has_perm(SENSITIVE), "unverified session must not see identity data"
    officer = _verified(type(officer).objects.get(pk=officer.pk))
    assert officer.has_perm(SENSITIVE)


def test_holders_of_a_sensitive_permission_need_two_factor(make_user, sensitive_permission):
    focal = make_user("focal_point")
    assert not focal.needs_two_factor
    focal.user_permissions.add(sensitive_permission)
    focal = type(focal).objects.get(pk=focal.pk)
    assert focal.needs_two_factor


def test_a_signed_in_verified_client_passes_has_perm(client, make_user, sensitive_permission):
    officer = make_user("accreditation_officer")
    officer.user_permissions.add(sensitive_permission)
    login_verified(client, officer)
    response = client.get("/account/")
    assert response.wsgi_request.user.has_perm(SENSITIVE)
