"""The Court's rows of the permission table (tests/test_permission_table.py).

The `court` fixture (`world()` below) makes the situation "uganda", the case
"dominic-ongwen", a budget year, the fictional demo election {court[election]} and an
unpublished election. The public pages and the API are open to everyone; the staff screens to
the secretariat (editors, publishers, administrators), read-only to regional coordinators, and
for the budget to finance officers; the rest of the staff are sent back to the admin's home
(302), everyone else to the admin's sign-in. A questionnaire link that is not valid is gone
(410) for everyone, whoever is signed in.
"""

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
KEEPERS = {"editor", "publisher", "administrator"}
OUTSIDERS = {None, "focal_point", "delegate"}

PUBLIC = [
    "/court/",
    "/ar/court/",
    "/court/situations/",
    "/court/situations/?stage=investigation&q=uganda",
    "/court/situations/uganda/",
    "/court/cases/",
    "/court/cases/?status=convicted",
    "/court/cases/dominic-ongwen/",
    "/fr/court/cases/dominic-ongwen/",
    "/court/budget/",
    "/court/states/UGA/",
    "/court/elections/",
    "/court/elections/demo-judges/",
    "/court/elections/demo-judges/live/",
    "/court/elections/demo-judges/questionnaire/",
    "/api/v1/court/situations/",
    "/api/v1/court/situations/uganda/",
    "/api/v1/court/cases/",
    "/api/v1/court/cases/dominic-ongwen/",
    "/api/v1/court/budget/",
    "/api/v1/court/elections/",
]
ROWS = [("GET", url, role, 200) for url in PUBLIC for role in ALL_ROLES]
ROWS += [("GET", "/court/questionnaire/not-a-valid-link/", role, 410) for role in ALL_ROLES]
ROWS += [("GET", "/court/elections/unpublished-judges/", role, 404) for role in ALL_ROLES]
ROWS += [("GET", "/api/v1/court/elections/demo-judges/", role, 404) for role in ALL_ROLES]


def _admin(role, allowed):
    if role in OUTSIDERS:
        return "admin-login"
    return 200 if role in allowed else 302


READERS = KEEPERS | {"regional_coordinator"}
ADMIN = {
    "/admin/court/election/": READERS,
    "/admin/court/election/inspect/{court[election]}/": READERS,
    "/admin/court/election/new/": KEEPERS,
    "/admin/court/election/edit/{court[election]}/": KEEPERS,
    "/admin/court/election/{court[election]}/ballot/": KEEPERS,
    "/admin/court/election/{court[election]}/ballot/remove/": KEEPERS,
    "/admin/court/candidate/": READERS,
    "/admin/court/candidate/new/": KEEPERS,
    "/admin/court/judge/": READERS,
    "/admin/court/document/": READERS,
    "/admin/court/question/": READERS,
    "/admin/court/response/": READERS,
    "/admin/court/situation/": READERS,
    "/admin/court/situation/edit/{court[situation]}/": KEEPERS,
    "/admin/court/case/": READERS,
    "/admin/court/session/": READERS,
    "/admin/court/budget/": READERS | {"finance_officer"},
    "/admin/court/dataset/": READERS | {"finance_officer"},
    "/admin/court/enter-budget-year/": KEEPERS | {"finance_officer"},
}
ROWS += [
    ("GET", url, role, _admin(role, allowed))
    for url, allowed in ADMIN.items()
    for role in ALL_ROLES
]
# Posting a ballot: staff who may not are turned away before anything is read; an empty form
# from an editor comes back with its errors (200) and saves nothing.
ROWS += [
    ("POST", "/admin/court/election/{court[election]}/ballot/", role, _admin(role, KEEPERS))
    for role in ALL_ROLES
]
ROWS += [
    ("POST", "/admin/court/candidate/{court[candidate]}/questionnaire-link/", role, 302)
    for role in ALL_ROLES
    if role not in OUTSIDERS
]
ROWS += [
    ("POST", "/admin/court/candidate/{court[candidate]}/questionnaire-link/", role, "admin-login")
    for role in OUTSIDERS
]


def world() -> dict:
    """The objects the rows name (one test's database; undone with it)."""
    import datetime

    from commonbonds.court import actions
    from commonbonds.court.models import (
        BudgetFigure,
        Case,
        CourtDataset,
        Election,
        Situation,
    )
    from commonbonds.treaties.models import State

    uganda, _ = State.objects.get_or_create(
        iso3="UGA",
        defaults={
            "iso2": "UG",
            "name_en": "Uganda",
            "name_fr": "Ouganda",
            "name_es": "Uganda",
            "name_ar": "أوغندا",
            "asp_regional_group": "african",
        },
    )
    situation = Situation.objects.create(
        name="Uganda",
        slug="uganda",
        state=uganda,
        stage="investigation",
        trigger="state_referral",
        opened_date=datetime.date(2004, 1, 29),
        investigation_opened_date=datetime.date(2004, 7, 29),
        source_url="https://www.icc-cpi.int/uganda",
    )
    Case.objects.create(
        name="The Prosecutor v. Dominic Ongwen",
        slug="dominic-ongwen",
        situation=situation,
        defendants="Dominic Ongwen",
        status="convicted",
        key_dates="warrant:2005-07-08;surrender:2015-01-16;judgment:2021-02-04",
        source_url="https://www.icc-cpi.int/uganda/ongwen",
    )
    BudgetFigure.objects.create(
        year=2020, programme="total", amount_eur=149_205_600, source_url="https://asp.icc-cpi.int/"
    )
    CourtDataset.objects.create(key="icc_budget", data_as_of=datetime.date(2026, 2, 28))
    election = actions.create_demo_election()
    Election.objects.create(slug="unpublished-judges", kind="judges", year=2026, seats=6)
    return {
        "election": election.pk,
        "situation": situation.pk,
        "candidate": election.candidates.first().pk,
    }
