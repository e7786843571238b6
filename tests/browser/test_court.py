"""The Court's journeys (issue 13, "Done when"): staff enter a ballot; the public election page
shows the elected and the next ballot's requirements; a candidate answers the questionnaire
through the private link; a state page lists its situations. Axe on every public page of the
Court, in English and Arabic.

The state page is the treaty app's (issue 4, which shows the include
court/includes/state_situations.html) when its URL exists, else the Court's own
(/court/states/<ISO3>/), which renders the same include.
The election is the fictional demonstration election (court/demo.py). Ballot 2 below was
worked out by hand: 120 voting, 80 required, only Adaeze Tollwin reaches it; then 3 seats
are open, so at most 3 marks, and the Asia-Pacific requirement is 3 - 1 remaining - 1
elected = 1.
"""

import re

import pytest

from tests.conftest import login_verified

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BALLOT_2 = {
    "Dev Oranthal": 79,
    "Mei-Lin Castellow": 60,
    "Tenzin Arbourne": 40,
    "Adaeze Tollwin": 90,
    "Valeria Montescudo": 70,
    "Ingrid Saelborn": 60,
    "Radu Ostemir": 20,
    "Baraka Wendholm": 10,
    "Tomás Harrowgate": 10,
    "Pierre Lanvallon": 5,
}


@pytest.fixture
def court_site(translated_site):
    from commonbonds.court import actions, results
    from commonbonds.treaties import snapshot
    from tests.court.conftest import import_court, make_states

    make_states()
    import_court()
    results.clear_cache()
    snapshot.reset()  # the treaty state pages read the states through this cache
    election = actions.create_demo_election()
    yield election
    snapshot.reset()


def _sign_in(page, live_server, user):
    """A staff session verified with a second factor, as django-otp's login leaves it."""
    from django.test import Client

    client = login_verified(Client(), user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_staff_enter_a_ballot_and_the_public_page_shows_the_elected_and_what_comes_next(
    page, live_server, court_site, make_user, axe_check
):
    election = court_site
    _sign_in(page, live_server, make_user("editor"))
    page.goto(f"/admin/court/election/inspect/{election.pk}/")
    page.get_by_role("link", name="Enter the next ballot").click()
    page.get_by_label("Ballot papers").fill("120")
    page.get_by_label("Invalid ballots").fill("0")
    page.get_by_label("Abstentions").fill("0")
    for name, votes in BALLOT_2.items():
        page.get_by_label(f"Votes for {name}").fill(str(votes))
    page.get_by_role("button", name="Save the ballot").click()
    page.wait_for_url(f"**/admin/court/election/inspect/{election.pk}/")
    assert "Ballot 2 is saved" in page.locator("body").inner_text()

    public = page.context.browser.new_context(base_url=live_server.url).new_page()
    public.goto("/court/elections/demo-judges/")
    elected = public.locator(".court-elected").inner_text()
    for name in ("Aiko Fennwright", "Zofia Kellavar", "Adaeze Tollwin"):
        assert name in elected
    assert "Dev Oranthal" not in elected  # 79 votes, one short of the 80 required
    next_ballot = public.locator(".court-next").inner_text()
    assert "Ballot 3: the requirements in force" in next_ballot
    assert "Asia-Pacific: at least 1 candidate" in next_ballot
    assert re.search(r"Marks allowed per ballot paper\s+at most 3", next_ballot)
    assert "Asia-Pacific MVR 1 = 3 - 1 remaining - 1 elected" in next_ballot  # the why
    ballot = public.locator("#ballot-2").locator("..").inner_text()
    assert "80" in ballot  # the majority required
    axe_check(public)
    public.goto("/ar/court/elections/demo-judges/")
    assert public.locator("html").get_attribute("dir") == "rtl"
    assert "Adaeze Tollwin" in public.locator(".court-elected").inner_text()
    axe_check(public)
    public.context.close()


def test_the_live_page_refreshes_itself_and_reads_without_javascript(
    page, live_server, court_site, make_user
):
    from commonbonds.court import actions

    election = court_site
    page.goto("/court/elections/demo-judges/")
    assert "Ballot 2" in page.locator(".court-next h3").inner_text()
    ids = {c.name: c.pk for c in election.candidates.all()}
    actions.enter_round(
        acting_user=make_user("editor"),
        election=election,
        ballot_papers=120,
        votes={ids[n]: v for n, v in BALLOT_2.items()},
    )
    # What the poll does every 30 seconds, asked for now (no timed wait in tests).
    page.evaluate(
        "url => htmx.ajax('GET', url, {source: '#election-live', target: '#election-live', "
        "swap: 'outerHTML'})",
        page.locator("#election-live").get_attribute("hx-get"),
    )
    page.wait_for_selector("#ballot-2")
    assert "Ballot 3" in page.locator(".court-next h3").inner_text()
    assert page.locator("#election-live-status").inner_text() == "The results were updated."

    reader = page.context.browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain = reader.new_page()
    plain.goto("/court/elections/demo-judges/")
    assert "Adaeze Tollwin" in plain.locator(".court-elected").inner_text()
    assert plain.get_by_role("link", name="Reload for the latest results").is_visible()
    reader.close()


def test_a_candidate_answers_through_the_private_link(
    page, live_server, court_site, make_user, axe_check
):
    from commonbonds.court import actions

    election = court_site
    editor = make_user("editor")
    candidate = election.candidates.get(name="Mei-Lin Castellow")
    link = actions.issue_questionnaire_link(acting_user=editor, candidate=candidate, send=False)
    page.goto(_path(link))
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex, nofollow"
    axe_check(page)
    questions = list(election.questions.all())
    page.get_by_label(re.compile("^Question 1:")).fill("I have tried war crimes cases for years.")
    page.get_by_role("button", name="Save a draft").click()
    assert "Your answers are saved" in page.locator("main").inner_text()
    assert page.get_by_label(re.compile("^Question 1:")).input_value().startswith("I have tried")
    page.get_by_label(re.compile("^Question 2:")).fill("By hearing victims and the defence alike.")
    page.get_by_role("button", name="Send my answers").click()
    assert "your answers were sent" in page.locator("main").inner_text()
    assert page.get_by_label(re.compile("^Question 2:")).is_disabled()

    candidate.refresh_from_db()
    actions.approve_questionnaire(acting_user=editor, response=candidate.questionnaire)
    page.goto("/court/elections/demo-judges/questionnaire/")
    main = page.locator("main").inner_text()
    assert "I have tried war crimes cases for years." in main
    assert "By hearing victims and the defence alike." in main
    assert "does not endorse or oppose any candidate" in main
    assert len(questions) == 2
    axe_check(page)
    page.goto("/ar/court/elections/demo-judges/questionnaire/")
    axe_check(page)

    page.goto(_path(link)[:-3] + "xx/")
    assert "not valid or has expired" in page.locator("main").inner_text()


def test_a_state_page_lists_its_situations_both_ways(page, court_site, axe_check):
    """From a situation to its state's page, which lists the state's situations, and back.
    The state page is the treaty app's (issue 4) when it exists, else the Court's own."""
    from django.urls import NoReverseMatch, reverse

    try:
        state_page = reverse("treaties:state", args=["UGA"])
    except NoReverseMatch:
        state_page = "/court/states/UGA/"
    page.goto("/court/situations/")
    page.get_by_role("link", name="Uganda", exact=True).first.click()
    page.wait_for_url("**/court/situations/uganda/")
    page.locator(f'a[href="{state_page}"]').first.click()
    page.wait_for_url(f"**{state_page}")
    listed = page.locator(".court-state").inner_text()
    assert "Situations before the International Criminal Court" in listed
    assert "Uganda" in listed and "Investigation" in listed
    axe_check(page)
    page.goto("/ar" + state_page)
    assert "المحكمة الجنائية الدولية" in page.locator(".court-state").inner_text()
    axe_check(page)
    page.goto(state_page)
    page.locator(".court-state").get_by_role("link", name="Uganda").click()
    page.wait_for_url("**/court/situations/uganda/")
    page.goto(state_page.replace("UGA", "VEN"))
    listed = page.locator(".court-state").inner_text()
    for name in ("Venezuela I", "Venezuela II", "Venezuela (2006)"):
        assert name in listed
    # The Court's own page for a state carries the same list.
    page.goto("/court/states/VEN/")
    assert "Venezuela II" in page.locator(".court-state").inner_text()


PAGES = [
    "/court/",
    "/court/situations/",
    "/court/situations/?stage=declined",
    "/court/situations/democratic-republic-of-the-congo/",
    "/court/cases/",
    "/court/cases/laurent-gbagbo-and-charles-ble-goude/",
    "/court/budget/",
    "/court/states/COD/",
    "/court/elections/",
    "/court/elections/demo-judges/",
    "/court/elections/demo-judges/questionnaire/",
    "/court/questionnaire/not-a-valid-link/",
]


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_every_public_page_of_the_court_has_no_axe_violations(page, court_site, axe_check, prefix):
    for path in PAGES:
        page.goto(prefix + path)
        if prefix:
            assert page.locator("html").get_attribute("dir") == "rtl", path
        axe_check(page)


def test_the_court_pages_fit_a_phone(page, court_site):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/court/budget/", "/court/elections/demo-judges/", "/ar/court/cases/"):
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
