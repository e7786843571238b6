"""Who may record treaty events and correct the treaty data (docs/architecture.md, "Roles").

Secretariat editors, publishers and regional coordinators record and correct treaty events and
review implementing legislation; publishers and administrators may also correct the names of
states and the titles of instruments. Nobody deletes: a wrong event is retracted instead.
Migrations never import app code, so the group names are written out here.
"""

from django.db import migrations

RECORDERS = [
    "treaties.add_treatyevent",
    "treaties.change_treatyevent",
    "treaties.view_treatyevent",
    "treaties.view_state",
    "treaties.view_instrument",
    "treaties.add_implementinglegislation",
    "treaties.change_implementinglegislation",
    "treaties.view_implementinglegislation",
]
CORRECTORS = ["treaties.change_state", "treaties.change_instrument"]

GRANTS = {
    "Secretariat editors": RECORDERS,
    "Regional coordinators": RECORDERS,
    "Publishers": RECORDERS + CORRECTORS,
    "Administrators": RECORDERS + CORRECTORS,
}

MODELS = {
    "treatyevent": "treaty event",
    "state": "state",
    "instrument": "instrument",
    "implementinglegislation": "implementing legislation",
}
VERBS = {"add": "Can add", "change": "Can change", "view": "Can view"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for perm in perms:
            codename = perm.split(".")[1]
            verb, model = codename.split("_", 1)
            ct, _ = ContentType.objects.get_or_create(app_label="treaties", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=ct,
                codename=codename,
                defaults={"name": f"{VERBS[verb]} {MODELS[model]}"},
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, perms in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        codenames = [p.split(".")[1] for p in perms]
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="treaties", codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("treaties", "0001_initial"),
        ("core", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
