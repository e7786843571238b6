"""Querysets narrowed to what a person may see, and the public aggregates.

Every list of organisations, people or applications shown to staff or focal points starts from
one of the `*_visible_to(user)` functions here, so a regional coordinator's listing, search or
export can only hold their region's records (DESIGN §6). The public sees `Organisation.objects
.listed()` and the counts below, never anything else.
"""

from django.core.cache import cache
from django.db.models import Count, Q

from .models import (
    MembershipApplication,
    MembershipStatus,
    Organisation,
    Person,
    Region,
    Role,
)
from .rules import coordinated_states, has_every_region, portal_organisation_ids

REGION_COUNTS_CACHE_KEY = "members:region-counts:v1"
REGION_COUNTS_TTL = 600
# Regions with fewer members than this show "fewer than N" on public pages (docs/members.md).
SMALL_COUNT = 5


ALL = None  # a scope that is every region


def staff_scope(user, model_perm: str) -> frozenset[str] | None:
    """The states whose records `user` may see under `model_perm`: None for every state (the
    secretariat), the states of their regions (coordinators), or none."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if not user.has_perm(model_perm):
        return frozenset()
    if user.is_superuser or has_every_region(user):
        return ALL
    return coordinated_states(user)


def organisations_visible_to(user):
    """The organisations `user` may see: all (secretariat), their regions' (coordinators), and
    their own (focal points, in the portal)."""
    states = staff_scope(user, "members.view_organisation")
    if states is ALL:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        Q(country__in=states) | Q(pk__in=portal_organisation_ids(user))
    )


def organisations_manageable_by(user):
    """The organisations `user` may change as staff (the admin)."""
    states = staff_scope(user, "members.change_organisation")
    if states is ALL:
        return Organisation.objects.all()
    return Organisation.objects.filter(country__in=states)


def applications_visible_to(user):
    states = staff_scope(user, "members.view_membershipapplication")
    if states is ALL:
        return MembershipApplication.objects.all()
    return MembershipApplication.objects.filter(country__in=states)


def roles_visible_to(user):
    states = staff_scope(user, "members.view_role")
    if states is ALL:
        return Role.objects.all()
    return Role.objects.filter(organisation__country__in=states)


def people_visible_to(user):
    """People with a role in an organisation of the user's scope; people without any role only
    for the secretariat."""
    states = staff_scope(user, "members.view_person")
    if states is ALL:
        return Person.objects.all()
    return Person.objects.filter(
        pk__in=Role.objects.filter(organisation__country__in=states).values("person_id")
    )


def counts_by_region() -> list[dict]:
    """Members per coalition region for public pages: every current member counts (listed or
    not: an aggregate over a region names nobody); demo organisations never do. A region with
    fewer than SMALL_COUNT members shows as "fewer than SMALL_COUNT" (`count` is None), so that
    a small count cannot point at an organisation that chose not to be listed. Cached."""
    cached = cache.get(REGION_COUNTS_CACHE_KEY)
    if cached is not None:
        return cached
    members = Q(
        states__member_organisations__status=MembershipStatus.MEMBER,
        states__member_organisations__is_demo=False,
    )
    rows = Region.objects.annotate(
        members=Count("states__member_organisations", filter=members, distinct=True)
    ).order_by("position", "name_en")
    result = [
        {
            "slug": region.slug,
            "name_en": region.name_en,
            "name_fr": region.name_fr,
            "name_es": region.name_es,
            "name_ar": region.name_ar,
            "count": region.members if region.members >= SMALL_COUNT else None,
        }
        for region in rows
    ]
    cache.set(REGION_COUNTS_CACHE_KEY, result, REGION_COUNTS_TTL)
    return result


def forget_counts() -> None:
    """Called by the actions that change who is a member or where."""
    cache.delete(REGION_COUNTS_CACHE_KEY)
