"""Staff screens of the newsroom inside the Wagtail admin: the user guide."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import guide


def user_guide(request, slug: str = "index"):
    text = guide.source(slug)
    if text is None:
        if slug != "index":
            raise Http404
        html = None
    else:
        html = guide.render(text)
    return render(
        request,
        "newsroom/admin/user_guide.html",
        {"html": html, "pages": guide.pages(), "slug": slug, "page_title": _("User guide")},
    )
