"""Scheduled jobs of the core (see commonbonds.core.scheduling)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from .scheduling import scheduled


@scheduled("core.publish_scheduled_pages", every=timedelta(minutes=1))
@task()
def publish_scheduled_pages() -> None:
    """Wagtail's scheduled publishing and expiry of pages."""
    call_command("publish_scheduled", verbosity=0)


@scheduled("core.clear_expired_sessions", every=timedelta(days=1), offset=timedelta(hours=2))
@task()
def clear_expired_sessions() -> None:
    call_command("clearsessions", verbosity=0)


@scheduled(
    "core.prune_housekeeping", every=timedelta(days=1), offset=timedelta(hours=2, minutes=30)
)
@task()
def prune_housekeeping() -> int:
    """Drop scheduler bookkeeping and finished task results older than 30 days."""
    from django.conf import settings

    from .models import ScheduledRun

    cutoff = timezone.now() - timedelta(days=30)
    deleted, _ = ScheduledRun.objects.filter(slot__lt=cutoff).delete()
    if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
        call_command("prune_db_task_results", min_age_days=30, verbosity=0)
    return deleted
