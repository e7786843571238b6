from django import template

from commonbonds.treaties import queries

register = template.Library()


@register.simple_tag
def treaty_home_counts():
    """The live counts of `treaties/includes/home_counts.html`."""
    return queries.home_counts()
