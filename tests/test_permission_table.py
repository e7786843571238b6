"""Every role × URL, allowed and denied, in one table (DESIGN §8).

Each row: (method, URL, role, expected). `expected` is a status code, or a redirect: "login"
(to the sign-in page), "account" (to the portal account page), "admin-login" (to Wagtail's
sign-in) or "2fa" (to the second-factor pages). A role of None is the anonymous public.
Roles sign in with a verified second factor unless the role name ends with ":unverified".
New pages add their rows: each app keeps them in `tests/<app>/permission_rows.py` (a list
`ROWS` of the same tuples, with "{file}" and other placeholders filled by `url_args` fixtures
below), and this table collects them all.
"""

import importlib
from pathlib import Path

import pytest

from commonbonds.core.models import PrivateFile

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
PUBLIC = ["/", "/fr/", "/es/", "/ar/", "/healthz", "/account/password-reset/"]

ROWS = [("GET", url, role, 200) for url in PUBLIC for role in ALL_ROLES]
# The sign-in page sends people who are signed in already on to their account.
ROWS += [("GET", "/account/login/", None, 200)]
ROWS += [("GET", "/account/login/", role, "account") for role in ALL_ROLES if role]
ROWS += [("GET", "/account/", None, "login")]
ROWS += [("GET", "/account/", role, 200) for role in ALL_ROLES if role]
ROWS += [("GET", "/admin/", role, "admin-login") for role in [None, "focal_point", "delegate"]]
ROWS += [
    ("GET", "/admin/", role, 200)
    for role in [
        "editor",
        "publisher",
        "accreditation_officer",
        "regional_coordinator",
        "finance_officer",
        "administrator",
    ]
]
ROWS += [
    ("GET", "/admin/", f"{role}:unverified", "2fa")
    for role in [
        "editor",
        "publisher",
        "accreditation_officer",
        "regional_coordinator",
        "finance_officer",
        "administrator",
    ]
]
# A private file belongs to a focal point of another organisation: nobody else but the
# accreditation officers and administrators may read it, and the rest learn nothing (404).
ROWS += [("GET", "/private/{file}/", None, "login")]
ROWS += [
    (
        "GET",
        "/private/{file}/",
        role,
        200 if role in {"accreditation_officer", "administrator"} else 404,
    )
    for role in ALL_ROLES
    if role
]
ROWS += [("GET", "/admin/core/auditentry/", role, 200) for role in ["administrator"]]
ROWS += [("GET", "/admin/core/auditentry/", role, 302) for role in ["editor", "finance_officer"]]

# ---- Treaties and the public API (issue 3) --------------------------------------------------
# The API is public and read-only: everyone gets 200. The treaty admin is for staff who
# record treaty events (editors, publishers, regional coordinators, administrators); other
# staff are sent back to the admin's home page (302), the rest to the admin's sign-in.
API_PUBLIC = [
    "/api/v1/states/",
    "/api/v1/states/PSE/",
    "/api/v1/instruments/",
    "/api/v1/instruments/rome_statute/",
    "/api/v1/instruments/rome_statute/participants",
    "/api/v1/instruments/rome_statute/counts",
    "/api/v1/events/",
    "/api/v1/downloads/",
    "/api/v1/downloads/treaties.json",
    "/api/v1/openapi.json",
    "/api/v1/docs/",
]
TREATY_RECORDERS = ["editor", "publisher", "regional_coordinator", "administrator"]
TREATY_ADMIN = [
    "/admin/treaties/event/",
    "/admin/treaties/state/",
    "/admin/treaties/instrument/",
    "/admin/treaties/legislation/",
]
ROWS += [("GET", url, role, 200) for url in API_PUBLIC for role in ALL_ROLES]


def _treaty_admin_answer(role):
    if role in TREATY_RECORDERS:
        return 200
    return "admin-login" if role in (None, "focal_point", "delegate") else 302


ROWS += [
    ("GET", url, role, _treaty_admin_answer(role))
    for url in [*TREATY_ADMIN, "/admin/treaties/event/new/"]
    for role in ALL_ROLES
]


@pytest.fixture(autouse=True)
def _treaty_rows(db):
    """The state and instrument the treaty URLs above name, and a fresh status snapshot."""
    import datetime

    from commonbonds.treaties import snapshot
    from commonbonds.treaties.models import Instrument, State

    snapshot.reset()
    State.objects.get_or_create(
        iso3="PSE",
        defaults={
            "iso2": "PS",
            "name_en": "State of Palestine",
            "name_fr": "État de Palestine",
            "name_es": "Estado de Palestina",
            "name_ar": "دولة فلسطين",
        },
    )
    Instrument.objects.get_or_create(
        slug="rome_statute",
        defaults={
            "name": "Rome Statute of the International Criminal Court",
            "short_name": "Rome Statute",
            "depositary_ref": "XVIII-10",
            "adopted_place": "Rome",
            "adopted_date": datetime.date(1998, 7, 17),
            "entry_into_force_rule": "rome_statute_art126",
            "open_to": "all_states",
        },
    )
    yield
    snapshot.reset()


# ---- end of treaties and the public API -------------------------------------------------------


for _module in sorted(Path(__file__).parent.glob("*/permission_rows.py")):
    ROWS += importlib.import_module(f"tests.{_module.parent.name}.permission_rows").ROWS


@pytest.fixture
def private_file(make_user):
    from django.core.files.base import ContentFile

    from commonbonds.core import actions

    owner = make_user("focal_point")
    return actions.store_private_file(
        acting_user=owner,
        upload=ContentFile(b"x", name="a.txt"),
        title="Other organisation's file",
        owner=owner,
    )


@pytest.fixture
def members(request, db):
    """Two organisations, regions and applications for the members' rows (tests/members/)."""
    from tests.members.permission_rows import world

    if "/members/" not in request.node.callspec.params["url"]:
        yield None  # another app's row: nothing to set up
        return
    yield from world()


@pytest.fixture
def court(public_site):
    """A situation, a case, a budget year and the demo election for the Court's rows."""
    from tests.court.permission_rows import world

    return world()


@pytest.fixture
def draft_document(public_site):
    """An unpublished document of the newsroom's library (its rows: tests/newsroom/)."""
    from tests.newsroom.fixtures import draft_document

    return draft_document()


@pytest.mark.parametrize(
    ("method", "url", "role", "expected"), ROWS, ids=[f"{r[0]} {r[1]} {r[2]}" for r in ROWS]
)
def test_permission_table(
    client_for, private_file, draft_document, members, court, method, url, role, expected
):
    verified = True
    if role and role.endswith(":unverified"):
        role, verified = role.split(":")[0], False
    client = client_for(role, verified=verified)
    url = url.format(
        file=private_file.pk, draft_document=draft_document.pk, m=members, court=court
    )
    response = client.generic(method, url)
    if response.streaming:  # read to the end: the test client then closes the file
        b"".join(response.streaming_content)
    if expected == "login":
        assert response.status_code == 302 and response["Location"].startswith("/account/login/")
    elif expected == "admin-login":
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    elif expected == "account":
        assert response.status_code == 302 and response["Location"] == "/account/"
    elif expected == "2fa":
        assert response.status_code == 302 and "/account/two-factor/" in response["Location"]
    else:
        assert response.status_code == expected, response.get("Location")
    assert PrivateFile.objects.count() == 1
