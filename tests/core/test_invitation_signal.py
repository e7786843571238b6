"""`invitation_accepted` and the `permission` of invite_user: core's hooks for the apps."""

import pytest

from commonbonds.core import actions
from commonbonds.core.errors import PermissionDeniedError
from commonbonds.core.models import Invitation
from commonbonds.core.signals import invitation_accepted


def test_the_signal_is_sent_once_after_commit(make_user, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, *, invitation, user, **kwargs):
        received.append((sender, invitation.email, user.email))

    invitation_accepted.connect(receiver)
    try:
        _, token = actions.invite_user(
            acting_user=make_user("administrator"), email="new@example.org", role="delegate"
        )
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            actions.accept_invitation(
                token=token, first_name="N", last_name="E", password="a long enough secret"
            )
        assert received == []  # not before the transaction commits
        for callback in callbacks:
            callback()
        assert received == [(Invitation, "new@example.org", "new@example.org")]
    finally:
        invitation_accepted.disconnect(receiver)


def test_no_signal_for_a_refused_acceptance(make_user, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    invitation_accepted.connect(receiver)
    try:
        _, token = actions.invite_user(
            acting_user=make_user("administrator"), email="n@example.org", role="delegate"
        )
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(actions.DomainError):
            actions.accept_invitation(token=token, first_name="N", last_name="E", password="1")
        assert received == []
    finally:
        invitation_accepted.disconnect(receiver)


def test_an_app_may_authorise_an_invitation_with_its_own_permission(make_user):
    editor = make_user("editor")
    with pytest.raises(PermissionDeniedError):
        actions.invite_user(acting_user=editor, email="a@example.org", role="focal_point")
    invitation, _ = actions.invite_user(
        acting_user=editor,
        email="a@example.org",
        role="focal_point",
        permission="wagtailadmin.access_admin",
    )
    assert invitation.role == "focal_point"
