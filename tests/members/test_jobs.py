"""The quarterly reminder to work through the applications."""

import datetime

import pytest
from django.core import mail

from commonbonds.core.scheduling import jobs
from commonbonds.members import actions
from commonbonds.members.jobs import quarterly_review_reminder
from commonbonds.members.models import ReviewReminder

JULY_2ND = datetime.datetime(2026, 7, 2, 7, 0, tzinfo=datetime.UTC)


@pytest.fixture
def pending(states, commitments):
    for n in range(3):
        actions.submit_application(
            data={
                "name": f"Applicant {n}",
                "country": "KEN",
                "type": "other",
                "motivation": "x",
                "contact_name": "A",
                "contact_email": f"a{n}@example.org",
            },
            commitments_version=1,
            language="en",
        )
    mail.outbox.clear()


def test_the_job_is_scheduled_daily():
    job = jobs()["members.quarterly_review_reminder"]
    assert job.every == datetime.timedelta(days=1)
    assert job.task is quarterly_review_reminder


def test_reviewers_are_reminded_once_a_quarter_in_their_language(
    pending, make_user, django_capture_on_commit_callbacks
):
    make_user("editor", preferred_language="es")
    make_user("regional_coordinator", preferred_language="fr")
    make_user("publisher")  # does not review
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.remind_reviewers(now=JULY_2ND) == 2
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "Candidatures à examiner ce trimestre",
        "Solicitudes de adhesión por examinar este trimestre",
    ]
    assert "3 solicitudes de adhesión esperan" in next(
        m.body for m in mail.outbox if m.subject.startswith("Solicitudes")
    )
    assert ReviewReminder.objects.get().quarter == "2026-Q3"
    # The next day, same quarter: nothing more.
    assert actions.remind_reviewers(now=JULY_2ND + datetime.timedelta(days=1)) == 0
    # Next quarter: again.
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            actions.remind_reviewers(now=datetime.datetime(2026, 10, 1, tzinfo=datetime.UTC)) == 2
        )


def test_no_reminder_without_waiting_applications(states, make_user):
    make_user("editor")
    assert actions.remind_reviewers(now=JULY_2ND) == 0
    assert not ReviewReminder.objects.exists()


def test_the_task_runs(pending, make_user):
    make_user("editor")
    assert quarterly_review_reminder.call() == 1
