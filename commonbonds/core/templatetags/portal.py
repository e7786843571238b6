"""`{% portal_links as links %}`: the links apps registered for the portal's account page."""

from django import template

from commonbonds.core.navigation import portal_links as _portal_links

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_links(context):
    request = context.get("request")
    return _portal_links(getattr(request, "user", None))
