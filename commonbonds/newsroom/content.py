"""Texts of the pages that `commonbonds bootstrap` creates, translated through gettext."""

from django.utils.translation import gettext_lazy as _

HOME_TITLE = _("Common Bonds")
HOME_INTRO = _(
    "A coalition of civil-society organisations working for a fair, effective and "
    "independent International Criminal Court and for universal justice."
)

# Sections every language's home page gets (newsroom.actions.ensure_sections).
NEWS_TITLE = _("News")
NEWS_INTRO = _("News, blog posts, media statements and press releases of the coalition.")
TOPICS_TITLE = _("Topics")
TOPICS_INTRO = _("What the coalition works on, topic by topic.")
