from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "commonbonds.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from commonbonds.core.navigation import register

        from . import signals  # noqa: F401

        register(_("News"), "newsroom:news", order=20)
        register(_("Documents"), "newsroom:library", order=30)
        register(_("Search"), "newsroom:search", order=90)
