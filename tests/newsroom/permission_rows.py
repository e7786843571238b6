"""The newsroom's rows of the permission table (tests/test_permission_table.py)."""

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
STAFF = [
    "editor",
    "publisher",
    "accreditation_officer",
    "regional_coordinator",
    "finance_officer",
    "administrator",
]
PUBLIC = [
    "/search/",
    "/search/?q=court",
    "/fr/search/?q=cour",
    "/library/",
    "/ar/library/",
    "/feeds/all/atom/",
    "/feeds/press_release/rss/",
    "/sitemap.xml",
    "/robots.txt",
]

ROWS = [("GET", url, role, 200) for url in PUBLIC for role in ALL_ROLES]
# A draft in the document library: only staff who may change documents see it; others
# learn nothing (404), like an id that does not exist.
ROWS += [
    (
        "GET",
        "/library/{draft_document}/",
        role,
        200 if role in {"editor", "publisher", "administrator"} else 404,
    )
    for role in ALL_ROLES
]
ROWS += [
    (
        "GET",
        "/library/{draft_document}/file/",
        role,
        200 if role in {"editor", "publisher", "administrator"} else 404,
    )
    for role in ALL_ROLES
]
# The user guide is for every staff member; the others are sent to the admin's sign-in.
ROWS += [("GET", "/admin/user-guide/", role, 200) for role in STAFF]
ROWS += [
    ("GET", "/admin/user-guide/", role, "admin-login") for role in [None, "focal_point", "delegate"]
]
# The library's admin: editors and publishers; other staff are turned away (to the dashboard).
ROWS += [
    ("GET", "/admin/snippets/newsroom/librarydocument/", role, 200)
    for role in ["editor", "publisher", "administrator"]
]
ROWS += [
    ("GET", "/admin/snippets/newsroom/librarydocument/", role, 302)
    for role in ["accreditation_officer", "finance_officer"]
]
ROWS += [
    ("GET", "/admin/redirects/", role, 200) for role in ["editor", "publisher", "administrator"]
]
ROWS += [("GET", "/admin/redirects/", role, 302) for role in ["regional_coordinator"]]
