"""The public treaty pages (issue 4): open to everyone, signed in or not. The state PSE and
the instrument rome_statute are made by the `_treaty_rows` fixture of
tests/test_permission_table.py."""

ROLES = [
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
PUBLIC = [
    "/states/",
    "/ar/states/",
    "/states/download.csv",
    "/states/download.json",
    "/states/download.xlsx",
    "/states/PSE/",
    "/fr/states/PSE/",
    "/states/PSE/feed/",
    "/states/PSE/factsheet.pdf",
    "/ar/treaties/rome_statute/",
    "/treaties/rome_statute/",
    "/treaties/rome_statute/feed/",
    "/treaties/changes/",
    "/treaties/changes/feed/",
]
ROWS = [("GET", url, role, 200) for url in PUBLIC for role in ROLES]
ROWS += [("GET", "/states/XXX/", None, 404), ("GET", "/treaties/unknown/", None, 404)]
ROWS += [("POST", "/states/", None, 405)]
