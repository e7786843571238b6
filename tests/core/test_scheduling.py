from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django_tasks import task

from commonbonds.core import scheduling
from commonbonds.core.models import ScheduledRun

CALLS: list[int] = []


@task()
def count_runs() -> None:
    CALLS.append(1)


def test_slots_are_fixed_multiples_of_the_interval():
    job = scheduling.Job("x", task=None, every=timedelta(days=1), offset=timedelta(hours=2))
    assert job.slot_at(datetime(2026, 11, 28, 1, 59, tzinfo=UTC)) == datetime(
        2026, 11, 27, 2, tzinfo=UTC
    )
    assert job.slot_at(datetime(2026, 11, 28, 2, 0, tzinfo=UTC)) == datetime(
        2026, 11, 28, 2, tzinfo=UTC
    )


def test_core_jobs_are_registered():
    names = set(scheduling.jobs())
    assert {
        "core.publish_scheduled_pages",
        "core.clear_expired_sessions",
        "core.prune_housekeeping",
    } <= names


def test_a_job_runs_once_per_slot_however_many_schedulers_tick(db, monkeypatch):
    CALLS.clear()
    monkeypatch.setattr(scheduling, "_JOBS", {})
    scheduling.scheduled("test.count", every=timedelta(minutes=5))(count_runs)
    now = datetime(2026, 11, 28, 10, 2, tzinfo=UTC)
    assert scheduling.run_pending(now) == ["test.count"]
    assert scheduling.run_pending(now + timedelta(minutes=1)) == []  # same slot: a 2nd scheduler
    assert scheduling.run_pending(now + timedelta(minutes=3)) == ["test.count"]  # next slot
    assert len(CALLS) == 2
    assert ScheduledRun.objects.filter(job="test.count").count() == 2


def test_jobs_run_at_most_once_a_minute():
    with pytest.raises(ValueError, match="once a minute"):
        scheduling.scheduled("too.often", every=timedelta(seconds=10))


def test_the_scheduler_command_enqueues_due_jobs(db, capsys):
    call_command("scheduler", "--once")
    assert ScheduledRun.objects.filter(job="core.publish_scheduled_pages").exists()
    call_command("scheduler", "--list")
    assert "core.clear_expired_sessions" in capsys.readouterr().out
