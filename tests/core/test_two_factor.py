import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from commonbonds.core.models import AuditEntry


def _reset_throttle(device):
    # After a wrong code django-otp makes the next attempt wait (its own tests cover that);
    # a person types the right code seconds later.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=None, throttling_failure_count=0
    )


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.parametrize("role", ["editor", "accreditation_officer", "administrator"])
def test_staff_without_a_device_cannot_reach_the_admin(client_for, role):
    client = client_for(role, verified=False)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/two-factor/setup/?next=")
    assert client.get("/admin/pages/").status_code == 302


def test_staff_with_a_device_must_enter_a_code(client_for):
    client = client_for("editor", verified=False)
    TOTPDevice.objects.create(user=client.user, name="phone", confirmed=True)
    response = client.get("/admin/")
    assert response["Location"].startswith("/account/two-factor/verify/?next=")


def test_setting_up_a_device_opens_the_admin(client_for):
    client = client_for("editor", verified=False)
    page = client.get("/account/two-factor/setup/?next=/admin/")
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=client.user, confirmed=False)
    wrong = client.post("/account/two-factor/setup/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.filter(confirmed=True).exists()
    assert AuditEntry.objects.filter(action="core.user.two_factor_failed").count() == 1
    _reset_throttle(device)
    ok = client.post("/account/two-factor/setup/", {"code": _code(device), "next": "/admin/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert AuditEntry.objects.filter(action="core.user.two_factor_enabled").count() == 1


def test_verify_with_a_code(client_for):
    client = client_for("publisher", verified=False)
    device = TOTPDevice.objects.create(user=client.user, name="phone", confirmed=True)
    assert client.post("/account/two-factor/verify/", {"code": "123"}).status_code == 200
    _reset_throttle(device)
    response = client.post(
        "/account/two-factor/verify/", {"code": _code(device), "next": "/admin/"}
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_next_cannot_send_you_to_another_site(client_for):
    client = client_for("publisher", verified=False)
    device = TOTPDevice.objects.create(user=client.user, name="phone", confirmed=True)
    response = client.post(
        "/account/two-factor/verify/", {"code": _code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_a_focal_point_is_not_asked_for_a_second_factor_and_has_no_admin(client_for):
    client = client_for("focal_point", verified=False)
    assert client.get("/account/").status_code == 200
    response = client.get("/admin/")
    # Wagtail refuses the admin to accounts without access_admin (back to its login).
    assert response.status_code == 302 and "two-factor" not in response["Location"]
