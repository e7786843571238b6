"""The site's main navigation, filled by the apps.

An app adds its entries in its AppConfig.ready():

    from commonbonds.core.navigation import register
    register(_("Members"), "members:directory", order=40)

so that no app edits the base template, and each label is translated in the app's own
catalogue. The home page is always first.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: Promise | str
    url_name: str
    order: int


_ITEMS: dict[str, NavItem] = {}


def register(label: Promise | str, url_name: str, *, order: int = 50) -> None:
    _ITEMS[url_name] = NavItem(label=label, url_name=url_name, order=order)


def links(path: str) -> list[dict[str, object]]:
    """The entries for the current language; `current` marks the section of `path`."""
    result = []
    for item in sorted(_ITEMS.values(), key=lambda i: (i.order, i.url_name)):
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        result.append({"label": item.label, "url": url, "current": path.startswith(url)})
    return result
