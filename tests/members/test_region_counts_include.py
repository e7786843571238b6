"""`{% members_region_counts %}`: the include the home page can show."""

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import translation

from tests.members.factories import OrganisationFactory

TEMPLATE = Template("{% load members %}{% members_region_counts %}")


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_it_shows_each_region_with_its_count(regions, django_assert_max_num_queries):
    for _ in range(6):
        OrganisationFactory(country_id="KEN")
    with translation.override("fr"):
        with django_assert_max_num_queries(1):
            html = TEMPLATE.render(Context({}))
        with django_assert_max_num_queries(0):  # cached
            TEMPLATE.render(Context({}))
    assert "Afrique" in html and "6 membres" in html
    assert "Moins de 5 membres" in html  # Europe has none: not told exactly
    assert 'href="/fr/members/?region=africa"' in html


def test_nothing_without_regions(db):
    assert TEMPLATE.render(Context({})).strip() == ""
