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


@pytest.mark.parametrize(
    ("method", "url", "role", "expected"), ROWS, ids=[f"{r[0]} {r[1]} {r[2]}" for r in ROWS]
)
def test_permission_table(client_for, private_file, method, url, role, expected):
    verified = True
    if role and role.endswith(":unverified"):
        role, verified = role.split(":")[0], False
    client = client_for(role, verified=verified)
    url = url.format(file=private_file.pk)
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
