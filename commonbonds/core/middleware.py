from urllib.parse import urlencode

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

ADMIN_PREFIX = "/admin/"
# Pages of the admin a staff member must reach before the second factor.
_ADMIN_OPEN = ("/admin/login/", "/admin/logout/", "/admin/password_reset/", "/admin/jsi18n/")


class StaffTwoFactorMiddleware:
    """A staff account without a verified second factor cannot reach the admin.

    With a confirmed device it is sent to enter a code; without one, to set one up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = request.user
        if (
            path.startswith(ADMIN_PREFIX)
            and not path.startswith(_ADMIN_OPEN)
            and user.is_authenticated
            and not user.is_verified()
            and user.needs_two_factor
        ):
            from django_otp import devices_for_user

            has_device = any(True for _ in devices_for_user(user, confirmed=True))
            target = "core:two_factor_verify" if has_device else "core:two_factor_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere, the admin's own policy under /admin/."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.CB_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
