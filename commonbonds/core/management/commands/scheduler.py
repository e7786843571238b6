import signal
import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from commonbonds.core.scheduling import jobs, run_pending


class Command(BaseCommand):
    help = "Enqueue scheduled jobs when they are due (safe to run more than one)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Check once, then exit.")
        parser.add_argument("--list", action="store_true", help="List the jobs and exit.")

    def handle(self, *args, once=False, list=False, **options):
        if list:
            for job in jobs().values():
                self.stdout.write(f"{job.name:45} every {job.every} (offset {job.offset})")
            return
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"Scheduler started with {len(jobs())} jobs.")
        while True:
            for name in run_pending():
                self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} enqueued {name}")
            if once or stopping:
                return
            # Wake a little after each minute begins; check for a stop every second.
            wait = 61 - timezone.now().second
            for _ in range(wait):
                if stopping:
                    return
                time.sleep(1)
