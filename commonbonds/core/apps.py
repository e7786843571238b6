from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "commonbonds.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each app declares its scheduled jobs in a `jobs` module and its audit codes in an
        # `audit_codes` module; importing them fills the registries.
        autodiscover_modules("audit_codes")
        autodiscover_modules("jobs")
