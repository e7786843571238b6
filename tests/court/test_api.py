"""The Court's endpoints of the public API: situations, cases, budget, elections."""

import pytest

from commonbonds.court.models import Election

pytestmark = pytest.mark.django_db


def test_situations_say_what_date_they_cover(client, court_data):
    body = client.get("/api/v1/court/situations/").json()
    assert body["data_as_of"] == "2026-02-28"
    assert len(body["items"]) == 30
    uganda = next(s for s in body["items"] if s["slug"] == "uganda")
    assert uganda["state"] == {"iso3": "UGA", "name": "Uganda"}
    assert uganda["stage"] == "investigation"
    assert uganda["investigation_opened_date"] == "2004-07-29"
    assert set(uganda["cases"]) == {
        "joseph-kony-formerly-kony-otti-lukwiya-and-odhiambo",
        "dominic-ongwen",
    }


def test_situation_filters(client, court_data):
    body = client.get("/api/v1/court/situations/?state=ven").json()
    assert {s["name_en"] for s in body["items"]} == {
        "Venezuela I",
        "Venezuela II",
        "Venezuela (2006)",
    }
    assert client.get("/api/v1/court/situations/?stage=nonsense").status_code == 400


def test_a_case_with_its_timeline(client, court_data):
    body = client.get("/api/v1/court/cases/ahmad-al-faqi-al-mahdi").json()
    assert body["status"] == "convicted"
    keys = [k["key"] for k in body["key_dates"]]
    assert keys[0] == "warrant" and "plea_agreement" in keys
    judgment = next(k for k in body["key_dates"] if k["key"] == "judgment")
    assert judgment["date"] == "2016-09-27" and judgment["label"] == "Trial judgment"
    assert client.get("/api/v1/court/cases/nobody/").json()["error"]["code"] == "unknown_case"


def test_the_budget_lists_its_gaps(client, court_data):
    body = client.get("/api/v1/court/budget/").json()
    assert body["currency"] == "EUR"
    # data/README_icc.md: years covered 2007, 2008, 2011, 2015, 2017, 2019-2024.
    assert body["years_without_approved_total"] == [2009, 2010, 2012, 2013, 2014, 2016, 2018]
    total_2020 = next(f for f in body["figures"] if f["year"] == 2020 and f["programme"] == "total")
    assert total_2020["amount_eur"] == 149_205_600


def test_elections_with_results_and_demo_left_out(client, election_2013, demo_election):
    listed = client.get("/api/v1/court/elections/").json()
    assert [e["slug"] for e in listed] == ["judges-2013"]
    assert client.get("/api/v1/court/elections/demo-judges/").status_code == 404
    body = client.get("/api/v1/court/elections/judges-2013/").json()
    assert body["elected"] == ["Geoffrey A. Henderson"]
    (ballot,) = body["rounds"]
    assert (ballot["voting"], ballot["required"]) == (98, 66)
    assert body["open_seats"] == 0 and body["next_ballot"] is None
    assert ballot["explanations"][0]


def test_election_explanations_follow_the_language(client, election_2013):
    Election.objects.filter(pk=election_2013.pk).update(revision=1)
    english = client.get("/api/v1/court/elections/judges-2013/?lang=en").json()
    french = client.get("/api/v1/court/elections/judges-2013/?lang=fr").json()
    assert english["rounds"][0]["explanations"] != french["rounds"][0]["explanations"]
