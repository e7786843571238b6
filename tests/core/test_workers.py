"""Jobs go through a real queue and a separate worker process."""

import os
import subprocess
import sys
import time

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus

from commonbonds.core.tasks import where_am_i


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_runs_a_job(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    result = where_am_i.enqueue()
    assert result.status == TaskResultStatus.READY
    call_command("worker", "--burst", verbosity=0)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["pid"] == os.getpid()  # the worker command ran in this process


@pytest.mark.redis
def test_a_job_goes_through_redis_to_a_separate_worker_process(redis_tasks, tmp_path):
    result = where_am_i.enqueue()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "commonbonds.settings.development",
        "CB_REDIS_URL": redis_tasks,
        "CB_TASK_BACKEND": "rq",
        "CB_VAR_DIR": str(tmp_path),
        "CB_DATABASE_URL": f"sqlite:///{tmp_path}/worker.sqlite3",
    }
    # The worker reads RQ_QUEUES from CB_REDIS_URL (the test Redis database).
    proc = subprocess.run(
        [sys.executable, "-m", "commonbonds", "worker", "--burst"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        result.refresh()
        if result.status == TaskResultStatus.SUCCESSFUL:
            break
        time.sleep(0.1)
    assert result.status == TaskResultStatus.SUCCESSFUL, proc.stderr
    assert result.return_value["pid"] != os.getpid()
