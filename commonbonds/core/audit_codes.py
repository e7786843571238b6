from django.utils.translation import gettext_lazy as _

from .audit import register

register("core.invitation.sent", _("Invited {email} as {role}"))
register("core.invitation.accepted", _("Accepted the invitation for {object}"))
register("core.user.language_changed", _("Changed the preferred language to {language}"))
register("core.user.two_factor_enabled", _("Set up two-factor authentication"))
register("core.user.two_factor_failed", _("Entered a wrong two-factor code"))
register("core.user.password_reset", _("Reset the password"))
register("core.private_file.downloaded", _("Downloaded the private file {object}"))
register("core.private_file.refused", _("Was refused the private file {object}"))
register("core.private_file.stored", _("Stored the private file {object}"))
