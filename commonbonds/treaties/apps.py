from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreatiesConfig(AppConfig):
    name = "commonbonds.treaties"
    label = "treaties"
    verbose_name = _("Treaties")

    def ready(self) -> None:
        from commonbonds.core.navigation import register

        register(_("Treaty status"), "treaties:states", order=25)
