"""Background tasks of the core that are not scheduled."""

import os
import socket

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(subject: str, body: str, to: list[str]) -> int:
    """Send one email in the background. Never pass personal identity data here (DESIGN §5)."""
    return send_mail(subject, body, None, to)


@task()
def where_am_i() -> dict[str, object]:
    """Say which process ran it: proves in tests that a separate worker did the work."""
    return {"pid": os.getpid(), "host": socket.gethostname()}
