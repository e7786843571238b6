"""The members' model permissions of the role groups (migration 0002_roles)."""

from django.contrib.auth.models import Group


def members_perms(group_name):
    group = Group.objects.get(name=group_name)
    return set(
        group.permissions.filter(content_type__app_label="members").values_list(
            "codename", flat=True
        )
    )


def test_the_secretariat_sees_every_region_and_imports(public_site):
    for name in ("Secretariat editors", "Administrators"):
        perms = members_perms(name)
        assert {
            "access_every_region",
            "import_organisations",
            "review_membershipapplication",
        } <= perms
        assert {"change_organisation", "add_commitmenttext", "change_region"} <= perms
        assert "change_commitmenttext" not in perms  # versions are never edited
    assert "delete_organisation" in members_perms("Administrators")
    assert "delete_organisation" not in members_perms("Secretariat editors")


def test_coordinators_manage_but_are_narrowed_by_region(public_site):
    perms = members_perms("Regional coordinators")
    assert {"change_organisation", "review_membershipapplication", "add_role"} <= perms
    assert "access_every_region" not in perms
    assert "import_organisations" not in perms
    assert "change_region" not in perms


def test_others_hold_no_members_permission_but_accreditation_reads(public_site):
    for name in ("Member focal points", "Delegates", "Publishers", "Finance officers"):
        assert members_perms(name) == set(), name
    assert members_perms("Accreditation officers") == {
        "view_organisation",
        "access_every_region",
        "view_person",
        "view_role",
    }
