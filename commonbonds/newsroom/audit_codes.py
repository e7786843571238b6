from django.utils.translation import gettext_lazy as _

from commonbonds.core.audit import register

register("newsroom.document.created", _("Added the library document {object}"))
register("newsroom.document.changed", _("Changed the library document {object}"))
register("newsroom.document.published", _("Published the library document {object}"))
register("newsroom.document.deleted", _("Deleted the library document {object}"))
register("newsroom.page.moved", _("Moved the page {object}"))
register("newsroom.sections.created", _("Created the news and topic sections in {language}"))
register(
    "newsroom.demo.created",
    _("Generated demo content: {pages} pages, {news} news items, {documents} documents"),
)
register("newsroom.demo.removed", _("Removed the demo content ({count} items)"))
