"""The one place where views check permissions.

A view declares `permission = "app.codename"` (and, for an object, `get_permission_object`);
`PermissionRequiredMixin` checks it, and the permission table test
(`tests/test_permission_table.py`) proves every role × URL. Policy: an anonymous visitor is
sent to the login page; a signed-in user without the permission gets 404 when the object
belongs to someone else (we do not confirm that an id exists) and 403 otherwise.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404


class PermissionRequiredMixin:
    permission: str | None = None
    login_required: bool = True
    hide_existence: bool = False  # answer 404 instead of 403 for objects of others

    def get_permission_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if self.login_required and not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if self.permission:
            obj = self.get_permission_object()
            if not user.has_perm(self.permission, obj):
                if self.hide_existence and obj is not None:
                    raise Http404
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
