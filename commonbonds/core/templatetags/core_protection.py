from django import template

from commonbonds.core.forms_protection import HONEYPOT_FIELD

register = template.Library()


@register.simple_tag
def honeypot_field() -> str:
    return HONEYPOT_FIELD
