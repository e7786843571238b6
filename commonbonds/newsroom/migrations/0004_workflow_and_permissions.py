"""Editorial workflow and permissions of the newsroom's roles (DESIGN §6).

- The moderation workflow becomes "editors → publishers": secretariat editors write and submit,
  publishers approve (and publish) or ask for changes. It stays assigned to the root page, so it
  covers the home page of every language and everything below.
- Page permissions on the root page (so every language's tree): editors add and change, never
  publish; publishers add, change, publish, lock and unlock. Narrower grants per section are
  made in the admin (Settings → Groups), see docs/user-guide/.
- Both may translate pages (Wagtail's "Translate" action).
- Images and documents of Wagtail's media library, the newsroom's snippets (library documents,
  themes, authors) and redirects: editors add and change; publishers also delete, and only
  publishers may publish a library document.

This migration does not import app code; it creates Permission rows it needs (post_migrate
has not run on a fresh database).
"""

from django.db import migrations

EDITORS = "Secretariat editors"
PUBLISHERS = "Publishers"
WORKFLOW_NAME = "Editors → publishers"
TASK_NAME = "Approval by a publisher"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    PUBLISHERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
    PUBLISHERS: [
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
}
_EDIT = ["add", "change", "view"]
MODEL_PERMISSIONS = {
    EDITORS: [
        ("newsroom", "librarydocument", _EDIT),
        ("newsroom", "theme", _EDIT),
        ("newsroom", "author", _EDIT),
        ("wagtailredirects", "redirect", _EDIT),
    ],
    PUBLISHERS: [
        ("newsroom", "librarydocument", [*_EDIT, "delete", "publish"]),
        ("newsroom", "theme", [*_EDIT, "delete"]),
        ("newsroom", "author", [*_EDIT, "delete"]),
        ("wagtailredirects", "redirect", [*_EDIT, "delete"]),
    ],
}
# Both groups may use Wagtail's "Translate" action (wagtail.contrib.simple_translation).
TRANSLATE = ("simple_translation", "simpletranslation", "submit_translation")
VERBOSE = {
    "librarydocument": "library document",
    "theme": "theme",
    "author": "author",
    "redirect": "redirect",
    "image": "image",
    "document": "document",
    "page": "page",
    "simpletranslation": "simple translation",
}


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    action = codename.split("_", 1)[0]
    permission, _ = Permission.objects.get_or_create(
        content_type=ct,
        codename=codename,
        defaults={"name": f"Can {action} {VERBOSE.get(model, model)}"},
    )
    return permission


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, PUBLISHERS)}
    root = Page.objects.filter(depth=1).first()

    if root is not None:
        for name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name],
                    page=root,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )

    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for name, grants in COLLECTION_PERMISSIONS.items():
            for app_label, model, codenames in grants:
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[name],
                        collection=collection,
                        permission=_permission(apps, app_label, model, codename),
                    )

    for name, grants in MODEL_PERMISSIONS.items():
        for app_label, model, actions in grants:
            for action in actions:
                groups[name].permissions.add(
                    _permission(apps, app_label, model, f"{action}_{model}")
                )

    for group in groups.values():
        group.permissions.add(_permission(apps, *TRANSLATE))

    # The workflow: one task, approved by the publishers.
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([groups[PUBLISHERS]])

    workflow = None
    if root is not None:
        assigned = WorkflowPage.objects.filter(page=root).first()
        workflow = assigned.workflow if assigned else None
    if workflow is None:
        workflow = Workflow.objects.filter(name__in=["Moderators approval", WORKFLOW_NAME]).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    workflow.name = WORKFLOW_NAME
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.filter(workflow=workflow).delete()
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    groups = Group.objects.filter(name__in=[EDITORS, PUBLISHERS])
    GroupPagePermission.objects.filter(group__in=groups).delete()
    GroupCollectionPermission.objects.filter(group__in=groups).delete()
    for group in groups:
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label__in=["newsroom", "wagtailredirects", "simple_translation"]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_pages_news_library"),
        ("core", "0002_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("simple_translation", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
