"""Who may change the Court's data (docs/court.md, "Who may do what").

Secretariat editors, publishers and administrators keep the situations, cases, elections,
candidates and questionnaires, enter ballots and budget years, and approve answers. Finance
officers enter budget years. Regional coordinators read everything. Nobody deletes imported
data (it is corrected instead); candidates, their documents, remaining judges and questions
can be removed while no ballot or answer depends on them. Migrations never import app code,
so the group names are written out here.
"""

from django.db import migrations

VERBS = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}
MODELS = {
    "courtdataset": "court dataset",
    "assemblysession": "session of the Assembly",
    "situation": "situation",
    "case": "case",
    "budgetfigure": "budget figure",
    "election": "election",
    "candidate": "candidate",
    "candidatedocument": "candidate document",
    "remainingjudge": "remaining judge",
    "round": "ballot",
    "question": "question",
    "questionnaireresponse": "questionnaire response",
}
CUSTOM = {
    "enter_budget_year": ("budgetfigure", "Can enter the figures of a budget year"),
    "enter_round": ("round", "Can enter the results of a ballot"),
    "issue_questionnaire_link": ("candidate", "Can send a candidate the questionnaire link"),
    "approve_questionnaire": ("questionnaireresponse", "Can approve questionnaire answers"),
}

READ = [f"court.view_{model}" for model in MODELS]
KEEPERS = READ + [
    "court.change_courtdataset",
    "court.change_assemblysession",
    "court.add_situation",
    "court.change_situation",
    "court.add_case",
    "court.change_case",
    "court.enter_budget_year",
    "court.add_election",
    "court.change_election",
    "court.add_candidate",
    "court.change_candidate",
    "court.delete_candidate",
    "court.add_candidatedocument",
    "court.change_candidatedocument",
    "court.delete_candidatedocument",
    "court.add_remainingjudge",
    "court.change_remainingjudge",
    "court.delete_remainingjudge",
    "court.enter_round",
    "court.add_question",
    "court.change_question",
    "court.delete_question",
    "court.issue_questionnaire_link",
    "court.approve_questionnaire",
]
GRANTS = {
    "Secretariat editors": KEEPERS,
    "Publishers": KEEPERS,
    "Administrators": KEEPERS,
    "Regional coordinators": READ,
    "Finance officers": [
        "court.view_budgetfigure",
        "court.view_courtdataset",
        "court.enter_budget_year",
    ],
}


def _permission(apps, perm: str):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    codename = perm.split(".")[1]
    if codename in CUSTOM:
        model, name = CUSTOM[codename]
    else:
        verb, model = codename.split("_", 1)
        name = f"{VERBS[verb]} {MODELS[model]}"
    ct, _ = ContentType.objects.get_or_create(app_label="court", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=ct, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*[_permission(apps, perm) for perm in perms])


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, perms in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        codenames = [p.split(".")[1] for p in perms]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="court", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("court", "0001_initial"),
        ("core", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
