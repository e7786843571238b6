from django.contrib.auth.models import Group

from commonbonds.core.roles import ROLES, STAFF_GROUPS


def test_every_role_is_a_group_with_its_permissions(public_site):
    for role in ROLES.values():
        group = Group.objects.get(name=role.group_name)
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert set(role.permissions) <= granted, role.slug
        # Wagtail's own migrations add "choose" rights to every group with admin access. Other
        # apps grant their own models' permissions in their own migrations (not checked here).
        extra = {
            p
            for p in granted - set(role.permissions)
            if p.split(".")[0] in {"core", "wagtailadmin", "wagtailimages", "wagtaildocs"}
        }
        assert extra <= {"wagtailimages.choose_image", "wagtaildocs.choose_document"}, extra


def test_the_roles_of_design_section_6_exist():
    # DESIGN §6 names nine roles; "public" is the anonymous visitor, not a group.
    assert set(ROLES) == {
        "focal_point",
        "delegate",
        "editor",
        "publisher",
        "accreditation_officer",
        "regional_coordinator",
        "finance_officer",
        "administrator",
    }
    assert "Member focal points" not in STAFF_GROUPS
    assert "Administrators" in STAFF_GROUPS
