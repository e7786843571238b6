"""Texts of the pages that `commonbonds bootstrap` creates, translated through gettext."""

from django.utils.translation import gettext_lazy as _

HOME_TITLE = _("Common Bonds")
HOME_INTRO = _(
    "A coalition of civil-society organisations working for a fair, effective and "
    "independent International Criminal Court and for universal justice."
)
