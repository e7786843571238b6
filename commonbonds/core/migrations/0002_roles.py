"""The roles of DESIGN §6 as groups, with their model permissions.

Kept in step with commonbonds/core/roles.py by tests/core/test_roles.py; this file does not
import it (migrations never import app code). Change roles in a new migration.
"""

from django.db import migrations

ROLES = {
    "Member focal points": [],
    "Delegates": [],
    "Secretariat editors": ["wagtailadmin.access_admin"],
    "Publishers": ["wagtailadmin.access_admin"],
    "Accreditation officers": ["wagtailadmin.access_admin", "core.view_privatefile"],
    "Regional coordinators": ["wagtailadmin.access_admin"],
    "Finance officers": ["wagtailadmin.access_admin"],
    "Administrators": [
        "wagtailadmin.access_admin",
        "core.view_auditentry",
        "core.view_privatefile",
        "core.add_invitation",
    ],
}

# Permissions created by post_migrate do not exist yet on a fresh database; create the rows.
MODELS = {
    "core.view_auditentry": ("core", "auditentry", "Can view audit log entry"),
    "core.view_privatefile": ("core", "privatefile", "Can view private file"),
    "core.add_invitation": ("core", "invitation", "Can add invitation"),
    "wagtailadmin.access_admin": ("wagtailadmin", "admin", "Can access Wagtail admin"),
}


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, model, label = MODELS[perm]
            ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=ct, codename=perm.split(".")[1], defaults={"name": label}
            )
            group.permissions.add(permission)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
