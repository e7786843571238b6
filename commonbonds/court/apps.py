from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CourtConfig(AppConfig):
    name = "commonbonds.court"
    label = "court"
    verbose_name = _("The Court")

    def ready(self) -> None:
        from commonbonds.core.navigation import register

        register(_("The Court"), "court:overview", order=30)
