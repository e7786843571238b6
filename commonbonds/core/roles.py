"""The roles of DESIGN §6.

Each role is a Django group. The groups are created by migration 0002 (which does not import
this module, as migrations never import app code); `tests/core/test_roles.py` proves the two
agree. Change both together, in a new migration.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    slug: str
    group_name: str
    label: object
    staff: bool  # staff roles use the Wagtail admin and must use two-factor authentication
    permissions: tuple[str, ...] = ()


FOCAL_POINT = "focal_point"
DELEGATE = "delegate"
EDITOR = "editor"
PUBLISHER = "publisher"
ACCREDITATION_OFFICER = "accreditation_officer"
REGIONAL_COORDINATOR = "regional_coordinator"
FINANCE_OFFICER = "finance_officer"
ADMINISTRATOR = "administrator"

ADMIN_ACCESS = "wagtailadmin.access_admin"
VIEW_AUDIT = "core.view_auditentry"
VIEW_PRIVATE = "core.view_privatefile"
INVITE = "core.add_invitation"

ROLES: dict[str, Role] = {
    r.slug: r
    for r in [
        Role(FOCAL_POINT, "Member focal points", _("Member focal point"), staff=False),
        Role(DELEGATE, "Delegates", _("Delegate"), staff=False),
        Role(
            EDITOR,
            "Secretariat editors",
            _("Secretariat editor"),
            staff=True,
            permissions=(ADMIN_ACCESS,),
        ),
        Role(PUBLISHER, "Publishers", _("Publisher"), staff=True, permissions=(ADMIN_ACCESS,)),
        Role(
            ACCREDITATION_OFFICER,
            "Accreditation officers",
            _("Accreditation officer"),
            staff=True,
            permissions=(ADMIN_ACCESS, VIEW_PRIVATE),
        ),
        Role(
            REGIONAL_COORDINATOR,
            "Regional coordinators",
            _("Regional coordinator"),
            staff=True,
            permissions=(ADMIN_ACCESS,),
        ),
        Role(
            FINANCE_OFFICER,
            "Finance officers",
            _("Finance officer"),
            staff=True,
            permissions=(ADMIN_ACCESS,),
        ),
        Role(
            ADMINISTRATOR,
            "Administrators",
            _("Administrator"),
            staff=True,
            permissions=(ADMIN_ACCESS, VIEW_AUDIT, VIEW_PRIVATE, INVITE),
        ),
    ]
}

STAFF_GROUPS = frozenset(r.group_name for r in ROLES.values() if r.staff)


def role_of_group(group_name: str) -> Role | None:
    return next((r for r in ROLES.values() if r.group_name == group_name), None)
