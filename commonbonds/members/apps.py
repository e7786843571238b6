from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "commonbonds.members"
    label = "members"
    verbose_name = _("Members")

    def ready(self) -> None:
        from commonbonds.core.navigation import register, register_portal_link
        from commonbonds.core.signals import invitation_accepted

        from . import receivers

        register(_("Members"), "members:directory", order=40)
        register_portal_link(
            _("My organisation"), "members:portal", permission="members.use_portal", order=10
        )
        invitation_accepted.connect(
            receivers.link_accepted_invitation, dispatch_uid="members.link_accepted_invitation"
        )
