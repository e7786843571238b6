import pytest

from tests.members.factories import (
    OrganisationFactory,
    PersonFactory,
    RegionFactory,
    RoleFactory,
    make_commitments,
    make_states,
)


@pytest.fixture
def states(db):
    return make_states()


@pytest.fixture
def regions(states):
    """Two coalition regions: Africa (Kenya, Uganda) and Europe (France). Jordan is in none."""
    africa = RegionFactory(
        slug="africa", name_en="Africa", name_fr="Afrique", states=[states["KEN"], states["UGA"]]
    )
    europe = RegionFactory(slug="europe", name_en="Europe", states=[states["FRA"]])
    return {"africa": africa, "europe": europe}


@pytest.fixture
def commitments(db):
    return make_commitments()


@pytest.fixture
def make_org(states):
    def make(**kwargs):
        return OrganisationFactory(**kwargs)

    return make


@pytest.fixture
def focal_point_of(make_user):
    """focal_point_of(organisation, **person) -> a user who is that organisation's main focal
    point, with a portal account."""

    def make(organisation, kind="main", **person):
        user = make_user("focal_point")
        person = PersonFactory(user=user, email=user.email, **person)
        RoleFactory(organisation=organisation, person=person, kind=kind)
        return user

    return make


@pytest.fixture
def coordinator_of(make_user):
    def make(region):
        user = make_user("regional_coordinator")
        region.coordinators.add(user)
        return user

    return make
