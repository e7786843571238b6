import os
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the production web server (gunicorn). Settings come from the environment."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("CB_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("CB_WEB_WORKERS", "0")) or None,
            help="Processes (default: 2 per CPU core + 1).",
        )
        parser.add_argument(
            "--threads", type=int, default=int(os.environ.get("CB_WEB_THREADS", "1"))
        )

    def handle(self, *args, bind, workers, threads, **options):
        workers = workers or (2 * (os.cpu_count() or 1) + 1)
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "commonbonds.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            "-",
            "--forwarded-allow-ips",
            os.environ.get("CB_FORWARDED_ALLOW_IPS", "127.0.0.1"),
            "--max-requests",
            "2000",
            "--max-requests-jitter",
            "200",
            # gunicorn 27's control socket defaults to one path per machine user, which two
            # servers on one machine would share; nothing here uses it.
            "--no-control-socket",
        ]
        os.execv(sys.executable, argv)  # noqa: S606 - gunicorn replaces this process
