"""Model permissions of the members app for the role groups (DESIGN §6).

Secretariat editors and administrators see every region (`access_every_region`); regional
coordinators hold the same kind of permissions, narrowed to their regions by members/rules.py;
accreditation officers may look organisations up. Focal points hold none: the portal's object
rules decide for them. Tested in tests/members/test_roles_migration.py.
"""

from django.db import migrations

CRUD = ("view", "add", "change", "delete")


def _perms(model, actions):
    return [f"{action}_{model}" for action in actions]


SECRETARIAT = [
    *_perms("organisation", ("view", "add", "change")),
    "access_every_region",
    "import_organisations",
    *_perms("person", ("view", "change")),
    *_perms("role", ("view", "add", "change", "delete")),
    "view_membershipapplication",
    "review_membershipapplication",
    *_perms("region", CRUD),
    *_perms("regionaloffice", CRUD),
    *_perms("issueteam", CRUD),
    *_perms("commitmenttext", ("view", "add")),
]
GRANTS = {
    "Secretariat editors": SECRETARIAT,
    "Administrators": [*SECRETARIAT, "delete_organisation"],
    "Regional coordinators": [
        *_perms("organisation", ("view", "add", "change")),
        *_perms("person", ("view", "change")),
        *_perms("role", ("view", "add", "change", "delete")),
        "view_membershipapplication",
        "review_membershipapplication",
        "view_region",
        "view_regionaloffice",
        "view_issueteam",
        "view_commitmenttext",
    ],
    "Accreditation officers": [
        "view_organisation",
        "access_every_region",
        "view_person",
        "view_role",
    ],
}
MODEL_OF = {
    "access_every_region": "organisation",
    "import_organisations": "organisation",
    "review_membershipapplication": "membershipapplication",
}
LABELS = {
    "access_every_region": "Can see and manage the members of every region",
    "import_organisations": "Can import organisations from a file",
    "review_membershipapplication": "Can approve or reject applications",
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            model = MODEL_OF.get(codename) or codename.split("_", 1)[1]
            ct, _ = ContentType.objects.get_or_create(app_label="members", model=model)
            label = LABELS.get(codename) or f"Can {codename.replace('_', ' ', 1)}"
            permission, _ = Permission.objects.get_or_create(
                content_type=ct, codename=codename, defaults={"name": label}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="members"))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("core", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
