from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo account (demo sites only)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if not getattr(settings, "CB_DEMO", False):
            raise CommandError("Only on a demo site (CB_DEMO=1).", returncode=2)
        device = TOTPDevice.objects.filter(
            user__email=email.lower(), user__is_demo=True, confirmed=True
        ).first()
        if device is None:
            raise CommandError(f"No demo account with two-factor device: {email}", returncode=2)
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        self.stdout.write(f"{code:0{device.digits}d}")
