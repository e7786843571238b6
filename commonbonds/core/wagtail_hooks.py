from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from . import admin_views
from .models import AuditEntry
from .roles import INVITE


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """The audit log can be read by those allowed, and changed by nobody."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


class AuditEntryViewSet(ModelViewSet):
    model = AuditEntry
    url_prefix = "core/auditentry"
    icon = "history"
    menu_label = _("Audit log")
    menu_order = 9000
    add_to_admin_menu = True
    list_display = ["created_at", "actor_label", "message", "object_repr"]
    list_filter = ["action", "created_at"]
    search_fields = ["actor_label", "action", "object_repr"]
    search_backend_name = None  # plain database lookups: the log is not in the search index
    inspect_view_enabled = True
    inspect_view_fields = [
        "created_at",
        "actor_label",
        "action",
        "message",
        "object_repr",
        "changes",
        "data",
    ]
    copy_view_enabled = False
    form_fields = ["action"]  # never used: the policy refuses add and edit

    @cached_property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


@hooks.register("register_admin_viewset")
def register_audit_log():
    return AuditEntryViewSet("auditentry")


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_core_admin_urls():
    return [path("core/invite/", admin_views.invite, name="core_invite")]


@hooks.register("register_admin_menu_item")
def register_invite_menu_item():
    return PermissionMenuItem(
        _("Invite someone"),
        reverse("core_invite"),
        icon_name="mail",
        order=9100,
        permission=INVITE,
    )
