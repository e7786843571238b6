"""`{% load court %}`: what other apps' templates need from the Court.

{% situations_for_state state as situations %}
{% court_data_as_of "icc_situations" as dataset %}
"""

from django import template

from commonbonds.court import queries

register = template.Library()


@register.simple_tag
def situations_for_state(state):
    return list(queries.situations_for_state(state))


@register.simple_tag
def court_data_as_of(key: str):
    return queries.data_as_of(key).get(key)


@register.filter
def amount(value):
    """A whole amount with its digits grouped by three in every language: the locale's own
    separator, or (Arabic, whose Django locale does not group) a narrow no-break space, as
    UN documents in Arabic write amounts."""
    from django.utils import formats, numberformat

    if value is None or value == "":
        return ""
    grouping = formats.get_format("NUMBER_GROUPING") or 3
    separator = formats.get_format("THOUSAND_SEPARATOR")
    if not formats.get_format("NUMBER_GROUPING"):
        separator = "\u202f"
    return numberformat.format(
        int(value),
        "",
        decimal_pos=0,
        grouping=grouping,
        thousand_sep=separator,
        force_grouping=True,
    )
