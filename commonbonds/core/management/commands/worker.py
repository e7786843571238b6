from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run background jobs: the database queue by default, RQ when Redis is configured."

    def add_arguments(self, parser):
        parser.add_argument(
            "--burst", action="store_true", help="Run what is queued now, then exit."
        )

    def handle(self, *args, burst=False, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == "django_tasks_rq.RQBackend":
            call_command(
                "rqworker",
                "default",
                job_class="django_tasks_rq.Job",
                burst=burst,
                with_scheduler=False,
            )
        elif backend == "django_tasks_db.DatabaseBackend":
            call_command("db_worker", batch=burst, reload=False, startup_delay=not burst)
        else:
            self.stderr.write(
                f"The {backend} backend runs jobs in the web process: no worker needed."
            )
