"""The Court's public pages: content from the data, filters, gaps, query counts, caching."""

import datetime

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from commonbonds.court import actions
from commonbonds.court.models import CourtDataset, Election

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(public_site, court_data):
    return public_site


def _get(client, url, queries, django_assert_max_num_queries):
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_overview(client, site, django_assert_max_num_queries):
    html = _get(client, "/court/", 6, django_assert_max_num_queries)
    assert "Data as of Feb. 28, 2026." in html
    assert 'href="/court/situations/?stage=investigation">17<' in html


def test_situation_list_and_filters(client, site, django_assert_max_num_queries):
    html = _get(client, "/court/situations/", 2, django_assert_max_num_queries)
    assert "30 situations" in html
    html = _get(client, "/court/situations/?stage=declined", 2, django_assert_max_num_queries)
    assert "7 situations" in html and "Honduras" in html and "Uganda" not in html
    html = _get(
        client,
        "/court/situations/?trigger=security_council_referral",
        2,
        django_assert_max_num_queries,
    )
    assert "Darfur, Sudan" in html and "Libya" in html and "2 situations" in html
    html = _get(client, "/court/situations/?stage=nonsense", 2, django_assert_max_num_queries)
    assert "30 situations" in html


def test_situation_page_links_to_its_state_and_cases(client, site, django_assert_max_num_queries):
    html = _get(client, "/court/situations/uganda/", 4, django_assert_max_num_queries)
    # The state's page: the treaty app's (issue 4) when its URL exists, else the Court's own.
    try:
        state_page = reverse("treaties:state", args=["UGA"])
    except NoReverseMatch:
        state_page = "/court/states/UGA/"
    assert f'href="{state_page}"' in html
    assert "The Prosecutor v. Dominic Ongwen" in html
    assert "Investigation opened" in html and "July 29, 2004" in html


def test_case_page_has_a_readable_timeline(client, site, django_assert_max_num_queries):
    html = _get(client, "/court/cases/dominic-ongwen/", 2, django_assert_max_num_queries)
    assert "Surrendered to the Court" in html and "Jan. 16, 2015" in html
    assert "Transferred to the Court&#x27;s custody" in html and "Jan. 21, 2015" in html
    assert "transfer_to_icc" not in html


def test_case_page_shows_a_defendants_own_status(client, site):
    html = client.get(
        "/court/cases/joseph-kony-formerly-kony-otti-lukwiya-and-odhiambo/"
    ).content.decode()
    assert "Raska Lukwiya" in html
    assert "Proceedings against this person terminated" in html


def test_case_list_filters(client, site, django_assert_max_num_queries):
    html = _get(client, "/court/cases/?status=convicted", 3, django_assert_max_num_queries)
    # data/README_icc.md lists nine cases with a conviction at trial still standing as such
    # (Bemba's main conviction was reversed on appeal: that case is "acquitted").
    assert "9 cases" in html
    html = _get(client, "/court/cases/?q=Ongwen", 3, django_assert_max_num_queries)
    assert "1 case" in html
    html = _get(client, "/court/cases/?situation=mali", 3, django_assert_max_num_queries)
    assert "3 cases" in html


def test_budget_shows_gaps_as_gaps(client, site, django_assert_max_num_queries):
    html = _get(client, "/court/budget/", 5, django_assert_max_num_queries)
    assert "<svg" in html and "<script" not in html.split("<footer")[0].split("<main")[1]
    # 2009 has no confirmed figure (README): a marked gap in the chart and a row in the table.
    assert "2009: no confirmed figure" in html
    assert "No confirmed figure: left out rather than estimated." in html
    # 2019: only the total without the Host State Loan is known: a hatched bar.
    assert "court-chart__bar--partial" in html
    assert "149,205,600" in html  # 2020 total
    assert "Office of the Prosecutor (Major Programme II)" in html


def test_each_dataset_shows_its_own_date(client, site):
    CourtDataset.objects.filter(key="icc_budget").update(data_as_of=datetime.date(2026, 6, 30))
    assert "Data as of June 30, 2026." in client.get("/court/budget/").content.decode()
    assert "Data as of Feb. 28, 2026." in client.get("/court/cases/").content.decode()


def test_state_page_lists_its_situations(client, site, django_assert_max_num_queries):
    html = _get(client, "/court/states/VEN/", 3, django_assert_max_num_queries)
    for name in ("Venezuela I", "Venezuela II", "Venezuela (2006)"):
        assert name in html
    assert client.get("/court/states/XXX/").status_code == 404


def test_arabic_pages_are_right_to_left(client, site):
    html = client.get("/ar/court/situations/").content.decode()
    assert 'dir="rtl"' in html


# -- elections ----------------------------------------------------------------------------------


def test_election_page_shows_ballots_elected_and_next_requirements(
    client, demo_election, public_site, django_assert_max_num_queries
):
    html = _get(client, "/court/elections/demo-judges/", 14, django_assert_max_num_queries)
    assert "this election is generated for trying the site" in html  # the demo banner
    assert "Aiko Fennwright" in html and "Zofia Kellavar" in html
    assert "Ballot 2: the requirements in force" in html
    assert "Asia-Pacific: at least 1 candidate" in html
    assert "List A: at least 1 candidate" in html
    assert "Marovia (fictional)" in html
    assert "The coalition does not endorse or oppose any candidate." in html
    assert 'hx-trigger="every 30s"' in html


def test_the_live_fragment_answers_204_when_nothing_changed(
    client, demo_election, public_site, django_assert_max_num_queries
):
    url = f"/court/elections/demo-judges/live/?revision={demo_election.revision}"
    with django_assert_max_num_queries(2):  # the ETag's and the revision's
        assert client.get(url).status_code == 204
    old = client.get("/court/elections/demo-judges/live/?revision=-1")
    assert old.status_code == 200 and 'id="election-live"' in old.content.decode()
    assert 'hx-swap-oob="innerHTML"' in old.content.decode()


def test_the_election_page_answers_304_until_a_ballot_changes_it(
    client, demo_election, public_site, make_user
):
    first = client.get("/court/elections/demo-judges/")
    etag = first["ETag"]
    again = client.get("/court/elections/demo-judges/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    actions.remove_last_round(acting_user=make_user("editor"), election=demo_election)
    changed = client.get("/court/elections/demo-judges/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "Voting has not begun." in changed.content.decode()


def test_unpublished_elections_are_not_found(client, demo_election, public_site):
    Election.objects.filter(pk=demo_election.pk).update(published=False)
    assert client.get("/court/elections/demo-judges/").status_code == 404
    assert "demo-judges" not in client.get("/court/elections/").content.decode()


def test_questionnaire_answers_side_by_side_only_once_approved(
    client, demo_election, public_site, make_user
):
    editor = make_user("editor")
    questions = list(demo_election.questions.all())
    for name, text in (
        ("Dev Oranthal", "Answer of Dev."),
        ("Mei-Lin Castellow", "Answer of Mei-Lin."),
    ):
        candidate = demo_election.candidates.get(name=name)
        url = actions.issue_questionnaire_link(acting_user=editor, candidate=candidate, send=False)
        token = url.rstrip("/").rsplit("/", 1)[1]
        actions.save_answers(
            token=token, answers={q.pk: text for q in questions}, language="en", submit=True
        )
    page = "/court/elections/demo-judges/questionnaire/"
    html = client.get(page).content.decode()
    assert "Answer of Dev." not in html and "No answer is published yet." in html
    for response in demo_election.candidates.filter(questionnaire__isnull=False):
        actions.approve_questionnaire(acting_user=editor, response=response.questionnaire)
    html = client.get(page).content.decode()
    assert html.count("Answer of Dev.") == 2 and html.count("Answer of Mei-Lin.") == 2
    assert "The coalition does not endorse or oppose any candidate." in html


def test_the_private_questionnaire_page(demo_election, public_site, make_user):
    candidate = demo_election.candidates.get(name="Dev Oranthal")
    url = actions.issue_questionnaire_link(
        acting_user=make_user("editor"), candidate=candidate, send=False
    )
    path = url.split("://", 1)[1].split("/", 1)[1]
    client = Client()
    response = client.get("/" + path)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    q1, q2 = demo_election.questions.all()
    response = client.post(
        "/" + path, {"language": "en", f"q{q1.pk}": "One.", f"q{q2.pk}": "Two.", "submit": "1"}
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.questionnaire.status == "submitted"
    assert client.get("/court/questionnaire/not-a-token/").status_code == 410


def test_the_questionnaire_honeypot_saves_nothing(demo_election, public_site, make_user):
    candidate = demo_election.candidates.get(name="Dev Oranthal")
    url = actions.issue_questionnaire_link(
        acting_user=make_user("editor"), candidate=candidate, send=False
    )
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    q1, _q2 = demo_election.questions.all()
    Client().post(path, {"language": "en", f"q{q1.pk}": "Spam", "website_url": "http://spam"})
    assert not hasattr(candidate, "questionnaire") or not candidate.questionnaire.answers.exists()
