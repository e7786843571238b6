"""The registry of scheduled jobs, and the loop that enqueues them (`commonbonds scheduler`).

Apps declare jobs in a `jobs.py` module:

    @scheduled("core.clear_sessions", every=timedelta(days=1), offset=timedelta(hours=3))
    @task()
    def clear_sessions(): ...

A job's time slots are fixed (multiples of `every` since the epoch, shifted by `offset`).
For each due slot the scheduler inserts a `ScheduledRun(job, slot)` row; the unique constraint
makes sure that however many schedulers run, one of them enqueues the job for that slot.
A slot missed while no scheduler ran is caught up once (not once per missed slot).
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Job:
    name: str
    task: object  # a django_tasks Task
    every: timedelta
    offset: timedelta = timedelta(0)

    def slot_at(self, now: datetime) -> datetime:
        """The start of the latest slot at or before `now`."""
        n = (now - EPOCH - self.offset) // self.every
        return EPOCH + self.offset + n * self.every


_JOBS: dict[str, Job] = {}


def scheduled(name: str, *, every: timedelta, offset: timedelta = timedelta(0)):
    if every < timedelta(minutes=1):
        raise ValueError("Jobs run at most once a minute.")

    def decorator(task):
        if name in _JOBS and _JOBS[name].task is not task:
            raise ValueError(f"Scheduled job {name!r} declared twice.")
        _JOBS[name] = Job(name=name, task=task, every=every, offset=offset)
        return task

    return decorator


def jobs() -> dict[str, Job]:
    return dict(_JOBS)


def run_pending(now: datetime | None = None) -> list[str]:
    """Enqueue every job whose current slot has not been claimed yet; return their names."""
    from .models import ScheduledRun

    now = now or timezone.now()
    started = []
    for job in _JOBS.values():
        slot = job.slot_at(now)
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, slot=slot)
                result = job.task.enqueue()
                run.task_result_id = str(result.id)
                run.save(update_fields=["task_result_id"])
        except IntegrityError:
            continue  # another scheduler (or an earlier tick) claimed this slot
        started.append(job.name)
        logger.info("scheduled %s for slot %s", job.name, slot.isoformat())
    return started
