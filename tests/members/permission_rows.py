"""The members' rows of the permission table (tests/test_permission_table.py).

In these rows, thanks to the `members` fixture (`world()` below):
- "focal_point" is a focal point of organisation {m.own} (Kenya, region Africa, not listed);
- "regional_coordinator" coordinates Africa (Kenya, Uganda);
- {m.other} is an organisation of France (region Europe), listed in the public directory;
- {m.other_person} works for {m.other}; {m.own_application} and {m.other_application} are
  pending applications from Kenya and France.
The secretariat ("editor", "administrator") sees everything; publishers and finance officers
nothing of the members; the public only the directory, listed profiles and the form.
"""

from contextlib import contextmanager

ALL_ROLES = [
    None,
    "focal_point",
    "delegate",
    "editor",
    "publisher",
    "accreditation_officer",
    "regional_coordinator",
    "finance_officer",
    "administrator",
]
SIGNED_IN = [r for r in ALL_ROLES if r]
STAFF = [
    "editor",
    "publisher",
    "accreditation_officer",
    "regional_coordinator",
    "finance_officer",
    "administrator",
]
SECRETARIAT = {"editor", "administrator"}
MEMBERS_STAFF = SECRETARIAT | {"regional_coordinator", "accreditation_officer"}

ROWS = []

# ---- public pages: everyone
for url in ["/members/", "/fr/members/", "/ar/members/", "/members/apply/", "/es/members/apply/"]:
    ROWS += [("GET", url, role, 200) for role in ALL_ROLES]
ROWS += [("GET", "/members/apply/thanks/", None, 200)]
ROWS += [("GET", "/members/?region=africa", None, 200)]
ROWS += [("GET", "/members/?country=FRA", None, 200)]
# A listed member's profile is public; an unlisted one is 404 for everyone, its own focal
# point and the secretariat included (public pages show only what the public may see).
ROWS += [("GET", "/members/{m.other}/", role, 200) for role in ALL_ROLES]
ROWS += [("GET", "/members/{m.own}/", role, 404) for role in ALL_ROLES]

# ---- the portal: the organisation's own focal points only; everyone else learns nothing.
ROWS += [("GET", "/members/my-organisation/", None, "login")]
ROWS += [("GET", "/members/my-organisation/", "focal_point", 302)]  # to their organisation
ROWS += [("GET", "/members/my-organisation/", "administrator", 200)]  # superuser: empty list
ROWS += [
    ("GET", "/members/my-organisation/", role, 403)
    for role in SIGNED_IN
    if role not in {"focal_point", "administrator"}
]
for suffix in ["", "profile/", "people/add/", "handover/", "people/{m.own_person}/"]:
    url = "/members/my-organisation/{m.own}/" + suffix
    ROWS += [("GET", url, None, "login")]
    ROWS += [
        ("GET", url, role, 200 if role in {"focal_point", "administrator"} else 404)
        for role in SIGNED_IN
    ]
for suffix in ["", "profile/", "people/add/", "handover/", "people/{m.other_person}/"]:
    url = "/members/my-organisation/{m.other}/" + suffix
    ROWS += [("GET", url, None, "login")]
    ROWS += [("GET", url, role, 200 if role == "administrator" else 404) for role in SIGNED_IN]
# Another organisation's person under one's own organisation: 404 as well.
ROWS += [("GET", "/members/my-organisation/{m.own}/people/{m.other_person}/", "focal_point", 404)]
# Writes to another organisation: 404, nothing changes (the fixture checks).
for suffix in ["profile/", "listing/", "people/add/", "handover/"]:
    ROWS += [("POST", "/members/my-organisation/{m.other}/" + suffix, "focal_point", 404)]
    ROWS += [("POST", "/members/my-organisation/{m.other}/" + suffix, "regional_coordinator", 404)]
    ROWS += [("POST", "/members/my-organisation/{m.other}/" + suffix, "editor", 404)]

# ---- the admin
ADMIN_LISTS = [
    "/admin/members/organisations/",
    "/admin/members/applications/",
    "/admin/members/people/",
    "/admin/members/roles/",
]
for url in ADMIN_LISTS:
    ROWS += [("GET", url, role, "admin-login") for role in [None, "focal_point", "delegate"]]
    ROWS += [("GET", url, f"{role}:unverified", "2fa") for role in STAFF]
ROWS += [
    ("GET", "/admin/members/organisations/", role, 200 if role in MEMBERS_STAFF else 302)
    for role in STAFF
]
ROWS += [
    (
        "GET",
        "/admin/members/applications/",
        role,
        200 if role in SECRETARIAT | {"regional_coordinator"} else 302,
    )
    for role in STAFF
]
# Editing: the secretariat anywhere, the coordinator in Africa only (another region: 404),
# accreditation officers read only.
ROWS += [
    (
        "GET",
        "/admin/members/organisations/edit/{m.own}/",
        role,
        200 if role in SECRETARIAT | {"regional_coordinator"} else 302,
    )
    for role in STAFF
]
ROWS += [
    (
        "GET",
        "/admin/members/organisations/edit/{m.other}/",
        role,
        {"editor": 200, "administrator": 200, "regional_coordinator": 404}.get(role, 302),
    )
    for role in STAFF
]
ROWS += [
    ("GET", "/admin/members/organisations/inspect/{m.other}/", "regional_coordinator", 404),
    ("GET", "/admin/members/organisations/inspect/{m.other}/", "accreditation_officer", 200),
    ("GET", "/admin/members/organisations/history/{m.other}/", "regional_coordinator", 404),
    ("GET", "/admin/members/organisations/handover/{m.other}/", "regional_coordinator", 404),
    ("GET", "/admin/members/organisations/handover/{m.own}/", "regional_coordinator", 200),
    ("POST", "/admin/members/organisations/edit/{m.other}/", "regional_coordinator", 404),
    ("POST", "/admin/members/organisations/delete/{m.other}/", "regional_coordinator", 404),
    ("POST", "/admin/members/organisations/delete/{m.own}/", "regional_coordinator", 302),
    ("GET", "/admin/members/people/edit/{m.other_person}/", "regional_coordinator", 404),
    ("GET", "/admin/members/people/edit/{m.own_person}/", "regional_coordinator", 200),
    ("GET", "/admin/members/people/edit/{m.other_person}/", "editor", 200),
]
# Reviewing applications: the secretariat, and the coordinator for their region's only.
for key, coordinator in [("own_application", 200), ("other_application", 404)]:
    url = "/admin/members/applications/review/{m." + key + "}/"
    ROWS += [
        ("GET", url, role, {"editor": 200, "administrator": 200}.get(role, 404))
        for role in STAFF
        if role != "regional_coordinator"
    ]
    ROWS += [("GET", url, "regional_coordinator", coordinator)]
ROWS += [
    ("POST", "/admin/members/applications/review/{m.other_application}/", role, 404)
    for role in ["regional_coordinator", "publisher", "finance_officer"]
]
# Import and reference data: the secretariat only.
ROWS += [
    ("GET", "/admin/members/import/", role, 200 if role in SECRETARIAT else 302) for role in STAFF
]
ROWS += [
    (
        "GET",
        "/admin/members/regions/",
        role,
        200 if role in SECRETARIAT | {"regional_coordinator"} else 302,
    )
    for role in STAFF
]
ROWS += [
    ("GET", "/admin/members/regions/new/", role, 200 if role in SECRETARIAT else 302)
    for role in STAFF
]
ROWS += [
    ("GET", "/admin/members/commitments/new/", role, 200 if role in SECRETARIAT else 302)
    for role in STAFF
]


# ---------------------------------------------------------------- the fixture's world


class World:
    """Ids for the URL placeholders, and what must not change whatever the rows do."""

    def snapshot(self):
        from commonbonds.members.models import MembershipApplication, Organisation, Person

        other = Organisation.objects.get(pk=self.other)
        return (
            other.name,
            other.city,
            other.listed_publicly,
            Person.objects.get(pk=self.other_person).name,
            MembershipApplication.objects.get(pk=self.other_application).status,
            Organisation.objects.count(),
        )


@contextmanager
def _linked_roles(own, africa):
    """Whoever the table signs in as focal point works for `own`; as coordinator, covers
    Africa (people are made after this fixture, through their group)."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed

    from commonbonds.members.models import Person, Role

    User = get_user_model()

    def link(sender, instance, action, pk_set, **kwargs):
        if action != "post_add" or not isinstance(instance, User):
            return
        from django.contrib.auth.models import Group

        names = set(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        if "Member focal points" in names and not Person.objects.filter(user=instance).exists():
            person = Person.objects.create(name="Focal Point", email=instance.email, user=instance)
            Role.objects.create(organisation=own, person=person, kind="main")
        if "Regional coordinators" in names:
            africa.coordinators.add(instance)

    m2m_changed.connect(link, sender=User.groups.through, dispatch_uid="members-permission-rows")
    try:
        yield
    finally:
        m2m_changed.disconnect(sender=User.groups.through, dispatch_uid="members-permission-rows")


def world():
    """Generator for the permission table's `members` fixture."""
    from commonbonds.members.models import MembershipApplication
    from tests.members.factories import (
        OrganisationFactory,
        PersonFactory,
        RegionFactory,
        RoleFactory,
        make_commitments,
        make_states,
    )

    states = make_states()
    africa = RegionFactory(slug="africa", name_en="Africa", states=[states["KEN"], states["UGA"]])
    RegionFactory(slug="europe", name_en="Europe", states=[states["FRA"]])
    commitments = make_commitments()
    own = OrganisationFactory(name="Own Org", country_id="KEN")
    other = OrganisationFactory(name="Other Org", country_id="FRA", listed_publicly=True)
    own_person = RoleFactory(organisation=own, kind="other", person=PersonFactory()).person
    other_person = RoleFactory(organisation=other).person

    def application(country):
        return MembershipApplication.objects.create(
            name=f"Applicant of {country}",
            name_latin=f"Applicant of {country}",
            country_id=country,
            type="other",
            motivation="x",
            contact_name="A",
            contact_email="a@example.org",
            commitments=commitments,
            commitments_language="en",
            commitments_text=commitments.text_en,
        )

    w = World()
    w.own, w.other = own.pk, other.pk
    w.own_person, w.other_person = own_person.pk, other_person.pk
    w.own_application = application("KEN").pk
    w.other_application = application("FRA").pk
    before = w.snapshot()
    with _linked_roles(own, africa):
        yield w
    assert w.snapshot() == before, "a row changed another organisation's records"
