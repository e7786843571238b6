"""`commonbonds run`: the web server with a worker and a scheduler beside it, for a laptop."""

import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start the development web server, a worker and a scheduler; Ctrl-C stops all three."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        python = [sys.executable, "-m", "commonbonds"]
        commands = {
            "web": [*python, "runserver", addrport],
            "worker": [*python, "worker"],
            "scheduler": [*python, "scheduler"],
        }
        procs = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}
        self.stdout.write(
            self.style.SUCCESS(f"Common Bonds is starting on http://{addrport}/ (Ctrl-C to stop).")
        )
        status = 0
        try:
            while True:
                for name, proc in procs.items():
                    if proc.poll() is not None:
                        self.stderr.write(f"{name} stopped (exit {proc.returncode}); stopping all.")
                        status = proc.returncode or 1
                        raise KeyboardInterrupt
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            for proc in procs.values():
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
            for proc in procs.values():
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        sys.exit(status)
