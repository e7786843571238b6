"""Two reviewers approve the same application at once: one wins, the other is told it is
decided, and the organisation gets one acceptance record and one invitation.

On PostgreSQL, with separate connections released together. The window between reading the
application and writing the decision is widened (a pause while the acceptance is written), so
that without the row lock in `actions._lock_pending` both would approve: set
`MEMBERS_CONCURRENCY_WITHOUT_LOCK=1` to see this test fail that way.
"""

import os
import threading
import time

import pytest
from django.db import connection, connections

from commonbonds.core.errors import DomainError
from commonbonds.core.models import Invitation
from commonbonds.members import actions
from commonbonds.members.models import CommitmentAcceptance, MembershipApplication
from tests.members.factories import make_commitments, make_states

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_simultaneous_approvals_admit_once(public_site, make_user, monkeypatch):
    make_states()
    make_commitments()
    application = actions.submit_application(
        data={
            "name": "Willow Ford Forum",
            "country": "KEN",
            "type": "other",
            "motivation": "x",
            "contact_name": "A",
            "contact_email": "a@example.org",
        },
        commitments_version=1,
        language="en",
    )
    reviewers = [make_user("editor"), make_user("editor")]

    create = CommitmentAcceptance.objects.create

    def slow_create(**kwargs):
        time.sleep(0.5)  # widen the race window; not an assertion
        return create(**kwargs)

    monkeypatch.setattr(CommitmentAcceptance.objects, "create", slow_create)
    if os.environ.get("MEMBERS_CONCURRENCY_WITHOUT_LOCK") == "1":
        monkeypatch.setattr(
            actions,
            "_lock_pending",
            lambda app: MembershipApplication.objects.get(pk=app.pk),
        )
    barrier = threading.Barrier(2, timeout=30)
    outcomes = []

    def approve(reviewer):
        try:
            barrier.wait()
            actions.approve_application(acting_user=reviewer, application=application)
            outcomes.append("approved")
        except DomainError as exc:
            outcomes.append(exc.code)
        except Exception as exc:  # an integrity error is a failure too
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(r,)) for r in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert connection.vendor == "postgresql"
    assert sorted(outcomes) == ["already_decided", "approved"]
    assert CommitmentAcceptance.objects.count() == 1
    assert Invitation.objects.count() == 1
