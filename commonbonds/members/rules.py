"""Who may do what to the coalition's members (django-rules, autodiscovered).

- The secretariat (groups granted `members.access_every_region`: secretariat editors,
  administrators, accreditation officers for viewing) sees every organisation.
- A regional coordinator sees and manages the organisations of the states of their regions.
- A focal point (anyone holding a role in an organisation, with a portal account) manages their
  own organisation's profile and people in the portal, while it is a member (or suspended).

Object rules are registered under the model permissions' names where they exist: asked about
the model (`has_perm("members.change_organisation")`), the group's model permission answers;
asked about one object, these rules do (core's model backend never answers for objects).
"""

import contextlib

import rules

from .models import PORTAL_STATUSES


def _model_permissions(user) -> set[str]:
    from commonbonds.core.backends import ModelBackend

    return ModelBackend().get_all_permissions(user)


def has_model_perm(perm: str):
    @rules.predicate(name=f"has_model_perm:{perm}")
    def check(user) -> bool:
        return perm in _model_permissions(user)

    return check


def coordinated_states(user) -> frozenset[str]:
    """ISO3 codes of the states in the regions `user` coordinates (cached on the user)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_cb_coordinated_states", None)
    if cached is None:
        from .models import Region

        cached = frozenset(
            Region.states.through.objects.filter(region__coordinators=user).values_list(
                "state__iso3", flat=True
            )
        )
        user._cb_coordinated_states = cached
    return cached


def portal_organisation_ids(user) -> frozenset[int]:
    """Ids of the organisations `user` may manage in the portal (cached on the user)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_cb_portal_organisations", None)
    if cached is None:
        from .models import Role

        cached = frozenset(
            Role.objects.filter(
                person__user=user, organisation__status__in=PORTAL_STATUSES
            ).values_list("organisation_id", flat=True)
        )
        user._cb_portal_organisations = cached
    return cached


def forget_cached_scope(user) -> None:
    """After a change of roles in this request: compute the scope afresh when next asked."""
    for name in ("_cb_coordinated_states", "_cb_portal_organisations"):
        with contextlib.suppress(AttributeError):
            delattr(user, name)  # works through request.user's lazy wrapper too


@rules.predicate
def has_every_region(user) -> bool:
    return "members.access_every_region" in _model_permissions(user)


@rules.predicate
def is_coordinator_of_region(user, obj) -> bool:
    """`obj` is an organisation, an application, a role (anything with a country or an
    organisation) in one of the user's regions."""
    if obj is None:
        return False
    country = getattr(obj, "country_id", None)
    if country is None and getattr(obj, "organisation_id", None):
        country = obj.organisation.country_id
    return country is not None and country in coordinated_states(user)


@rules.predicate
def is_focal_point_of(user, organisation) -> bool:
    return organisation is not None and organisation.pk in portal_organisation_ids(user)


@rules.predicate
def is_portal_user(user) -> bool:
    return bool(portal_organisation_ids(user))


in_scope = has_every_region | is_coordinator_of_region

rules.add_perm("members.view_organisation", has_model_perm("members.view_organisation") & in_scope)
rules.add_perm(
    "members.change_organisation", has_model_perm("members.change_organisation") & in_scope
)
rules.add_perm(
    "members.delete_organisation",
    has_model_perm("members.delete_organisation") & has_every_region,
)
# Staff who may change an organisation (in their scope), or its own focal points.
may_manage = is_focal_point_of | (has_model_perm("members.change_organisation") & in_scope)
rules.add_perm("members.edit_profile", may_manage)
rules.add_perm("members.manage_people", may_manage)
rules.add_perm("members.hand_over_focal_point", may_manage)
# The portal pages of an organisation: its focal points only.
rules.add_perm("members.view_portal", is_focal_point_of)
# The "My organisation" link on the account page.
rules.add_perm("members.use_portal", is_portal_user)
# Applications (the object is the application: its country decides the region).
rules.add_perm(
    "members.review_membershipapplication",
    has_model_perm("members.review_membershipapplication") & in_scope,
)
rules.add_perm(
    "members.view_membershipapplication",
    has_model_perm("members.view_membershipapplication") & in_scope,
)
rules.add_perm("members.import_organisations", has_model_perm("members.import_organisations"))
# People and their roles: objects are roles (the organisation's country decides).
rules.add_perm("members.view_role", has_model_perm("members.view_role") & in_scope)
rules.add_perm("members.change_role", has_model_perm("members.change_role") & in_scope)
rules.add_perm("members.delete_role", has_model_perm("members.delete_role") & in_scope)
# Who may send a portal invitation through core's invite_user, once the members action has
# checked its own object rule (`members.manage_people` on the organisation).
rules.add_perm(
    "members.invite_to_portal",
    is_portal_user
    | has_model_perm("members.change_organisation")
    | has_model_perm("members.review_membershipapplication"),
)
