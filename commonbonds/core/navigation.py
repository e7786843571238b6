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


# ---------------------------------------------------------------- portal links
# Links an app adds to the portal's account page (`/account/`), e.g. a focal point's
# "My organisation". Registered in AppConfig.ready():
#
#     register_portal_link(_("My organisation"), "members:portal", permission="members.use_portal")
#
# A link shows only to people who hold `permission` (any signed-in person when it is None).


@dataclass(frozen=True)
class PortalLink:
    label: Promise | str
    url_name: str
    permission: str | None
    order: int


_PORTAL_LINKS: dict[str, PortalLink] = {}


def register_portal_link(
    label: Promise | str, url_name: str, permission: str | None = None, *, order: int = 50
) -> None:
    _PORTAL_LINKS[url_name] = PortalLink(
        label=label, url_name=url_name, permission=permission, order=order
    )


def portal_links(user) -> list[dict[str, object]]:
    """The portal links `user` may follow, in order, for the current language."""
    if not getattr(user, "is_authenticated", False):
        return []
    result = []
    for link in sorted(_PORTAL_LINKS.values(), key=lambda i: (i.order, i.url_name)):
        if link.permission is not None and not user.has_perm(link.permission):
            continue
        try:
            url = reverse(link.url_name)
        except NoReverseMatch:
            continue
        result.append({"label": link.label, "url": url})
    return result
