"""Replace Wagtail's welcome page with our home page and point the default site at it."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("newsroom", "HomePage")

    # The page wagtailcore.0002_initial_data creates ("Welcome to your new Wagtail site!").
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="newsroom")
    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.objects.get(depth=1)
    path = root.path + "0001"
    if Page.objects.filter(path=path).exists():
        return
    home = HomePage.objects.create(
        title="Common Bonds",
        draft_title="Common Bonds",
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        intro=(
            "A coalition of civil-society organisations working for a fair, effective and "
            "independent International Criminal Court and for universal justice."
        ),
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=home.id, is_default_site=True,
        site_name="Common Bonds",
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("newsroom", "HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
