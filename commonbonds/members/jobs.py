"""Scheduled jobs of the members app (see commonbonds.core.scheduling)."""

from datetime import timedelta

from django_tasks import task

from commonbonds.core.scheduling import scheduled


@scheduled("members.quarterly_review_reminder", every=timedelta(days=1), offset=timedelta(hours=7))
@task()
def quarterly_review_reminder() -> int:
    """Each day at 07:00 UTC: on the first run of a quarter with applications waiting, remind
    the reviewers (once per quarter; a missed day is caught up the next)."""
    from .actions import remind_reviewers

    return remind_reviewers()
