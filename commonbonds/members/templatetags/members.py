"""Template tags of the members app.

`{% load members %}{% members_region_counts %}` renders the members per coalition region
(`members.queries.counts_by_region`) as a small section, e.g. on the home page.
"""

from django import template

from ..models import current_language
from ..queries import SMALL_COUNT, counts_by_region

register = template.Library()


def _localised(row: dict) -> str:
    return row.get(f"name_{current_language()}") or row["name_en"]


@register.inclusion_tag("members/includes/region_counts.html")
def members_region_counts():
    regions = [{**row, "name": _localised(row)} for row in counts_by_region()]
    return {"regions": regions, "small_count": SMALL_COUNT}
