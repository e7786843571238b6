"""Who sees what: the narrowed querysets, the object rules and the public counts."""

import pytest
from django.core.cache import cache

from commonbonds.members import actions
from commonbonds.members.queries import (
    applications_visible_to,
    counts_by_region,
    organisations_manageable_by,
    organisations_visible_to,
    people_visible_to,
    roles_visible_to,
)
from commonbonds.members.rules import is_coordinator_of_region
from tests.members.factories import OrganisationFactory, RoleFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(regions, make_org):
    return {
        "kenya": make_org(country_id="KEN"),
        "uganda": make_org(country_id="UGA", status="applicant"),
        "france": make_org(country_id="FRA"),
        "jordan": make_org(country_id="JOR"),
    }


def pks(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_the_secretariat_sees_every_organisation(world, make_user):
    for role in ("editor", "administrator", "accreditation_officer"):
        assert pks(organisations_visible_to(make_user(role))) == {o.pk for o in world.values()}


def test_a_coordinator_sees_the_states_of_their_regions_only(world, regions, coordinator_of):
    coordinator = coordinator_of(regions["africa"])
    expected = {world["kenya"].pk, world["uganda"].pk}
    assert pks(organisations_visible_to(coordinator)) == expected
    assert pks(organisations_manageable_by(coordinator)) == expected
    assert is_coordinator_of_region(coordinator, world["kenya"])
    assert not is_coordinator_of_region(coordinator, world["france"])
    assert not coordinator.has_perm("members.change_organisation", world["france"])
    assert coordinator.has_perm("members.change_organisation", world["kenya"])


def test_a_coordinator_of_no_region_sees_nothing(world, make_user):
    assert pks(organisations_visible_to(make_user("regional_coordinator"))) == set()


def test_a_focal_point_sees_their_own_organisation(world, focal_point_of):
    user = focal_point_of(world["france"])
    assert pks(organisations_visible_to(user)) == {world["france"].pk}
    assert pks(organisations_manageable_by(user)) == set()
    assert user.has_perm("members.view_portal", world["france"])
    assert not user.has_perm("members.view_portal", world["kenya"])
    assert user.has_perm("members.use_portal")


def test_a_former_members_focal_point_loses_the_portal(world, focal_point_of):
    user = focal_point_of(world["france"])
    world["france"].status = "former"
    world["france"].save()
    user = type(user).objects.get(pk=user.pk)
    assert not user.has_perm("members.view_portal", world["france"])
    assert not user.has_perm("members.use_portal")


def test_the_public_and_other_roles_see_nothing(world, make_user):
    from django.contrib.auth.models import AnonymousUser

    for user in (AnonymousUser(), make_user("publisher"), make_user("delegate")):
        assert pks(organisations_visible_to(user)) == set()
        assert pks(applications_visible_to(user)) == set()
        assert pks(people_visible_to(user)) == set()


def test_people_and_roles_follow_the_region(world, regions, coordinator_of):
    kenyan = RoleFactory(organisation=world["kenya"])
    french = RoleFactory(organisation=world["france"])
    coordinator = coordinator_of(regions["africa"])
    assert pks(people_visible_to(coordinator)) == {kenyan.person_id}
    assert pks(roles_visible_to(coordinator)) == {kenyan.pk}
    assert french.person_id not in pks(people_visible_to(coordinator))


def test_counts_by_region_count_every_member_but_demo_and_hide_small_numbers(regions, states):
    # Africa: 5 real members (2 listed, 3 not), 1 applicant, 2 demo. Europe: 2 members.
    for listed in (True, True, False, False, False):
        OrganisationFactory(country_id="KEN", listed_publicly=listed)
    OrganisationFactory(country_id="UGA", status="applicant")
    OrganisationFactory(country_id="UGA", is_demo=True)
    OrganisationFactory(country_id="UGA", is_demo=True)
    OrganisationFactory(country_id="FRA", listed_publicly=True)
    OrganisationFactory(country_id="FRA")
    counts = {row["slug"]: row["count"] for row in counts_by_region()}
    assert counts == {"africa": 5, "europe": None}  # Europe: "fewer than 5"


def test_counts_are_cached_and_forgotten_when_membership_changes(
    regions, states, make_user, django_capture_on_commit_callbacks
):
    organisations = [OrganisationFactory(country_id="KEN") for _ in range(5)]
    assert counts_by_region()[0]["count"] == 5
    with django_capture_on_commit_callbacks(execute=True):
        actions.update_organisation(
            acting_user=make_user("editor"),
            organisation=organisations[0],
            data={"status": "former"},
        )
    assert counts_by_region()[0]["count"] is None  # 4: fewer than 5
