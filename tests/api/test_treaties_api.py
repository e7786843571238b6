"""The treaty endpoints of the public API, on the shipped data.

Expected values are written by hand from data/README.md and docs/treaty-rules.md (the rules
and dates the sources give), never computed by the engine.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_data")]

CUT_OFF = "2026-11-28"  # data/README.md: data cut-off
PARTICIPANT_KEYS = {
    "state",
    "name",
    "status",
    "signature",
    "deposit",
    "deposit_action",
    "entry_into_force",
    "withdrawal_notified",
    "withdrawal_effective",
    "provisional",
    "date_unknown",
}


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def participants(client, slug="rome_statute", **params) -> dict:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    body = get(client, f"/api/v1/instruments/{slug}/participants?{query}")
    assert set(body) == {"instrument", "as_of", "participants"}
    return {p["state"]: p for p in body["participants"]}


def counts(client, slug="rome_statute", **params) -> dict:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return get(client, f"/api/v1/instruments/{slug}/counts?{query}")


# -- counts -----------------------------------------------------------------------------------


def test_rome_statute_counts_at_the_cut_off(client):
    # README: 125 current parties, 139 signatories ever; Burundi and the Philippines withdrawn;
    # Niger's reported notification pending; 25 signatories that did not deposit.
    assert counts(client, as_of=CUT_OFF) == {
        "parties": 125,
        "deposited": 0,
        "signatories": 25,
        "ever_signed": 139,
        "withdrawal_pending": 1,
        "withdrawn": 2,
    }


def test_counts_without_unconfirmed_events(client):
    # Without Hungary's unconfirmed revocation it withdrew on 2 Jun 2026; without Niger's
    # unconfirmed notification Niger is a party: 124 parties, 3 withdrawn.
    body = counts(client, as_of=CUT_OFF, include_unconfirmed="false")
    assert (body["parties"], body["withdrawn"], body["withdrawal_pending"]) == (124, 3, 0)


def test_other_instruments_counts(client):
    assert counts(client, "apic", as_of=CUT_OFF)["parties"] == 74  # README: 74 parties listed
    # README: 39 aggression ratifications to Nov 2019, then Italy, Sweden, Denmark, Timor-Leste.
    assert counts(client, "amendment_aggression_2010", as_of=CUT_OFF)["parties"] == 43
    # MTDSG XVIII-10-c: 18 acceptances; art. 121(4): in force for nobody.
    article_124 = counts(client, "amendment_art124_2015", as_of=CUT_OFF)
    assert (article_124["parties"], article_124["deposited"]) == (0, 18)
    # Art. 126(1): nobody was bound before 1 Jul 2002.
    assert counts(client, as_of="2002-06-30")["parties"] == 0


def test_as_of_defaults_to_today(client, settings):
    # Today is the data cut-off on the day these tests were written; compare with an
    # explicit date rather than assume the clock.
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    assert counts(client) == counts(client, as_of=today)
    body = get(client, "/api/v1/instruments/rome_statute/participants")
    assert body["as_of"] == today


# -- participants -----------------------------------------------------------------------------


def test_participants_shape_is_exactly_as_specified(client):
    rows = participants(client, as_of=CUT_OFF)
    for row in rows.values():
        assert set(row) == PARTICIPANT_KEYS
        assert row["status"] != "not_signed"
    assert rows["ALB"] == {
        "state": "ALB",
        "name": "Albania",
        "status": "party",
        "signature": "1998-07-18",
        "deposit": "2003-01-31",
        "deposit_action": "ratification",
        "entry_into_force": "2003-05-01",  # 60th day is 1 Apr: first of the next month
        "withdrawal_notified": None,
        "withdrawal_effective": None,
        "provisional": False,
        "date_unknown": False,
    }


def test_a_withdrawn_state_keeps_its_key_dates(client):
    burundi = participants(client, as_of=CUT_OFF)["BDI"]
    # Art. 127(1): notified 27 Oct 2016, effective 27 Oct 2017; ratified 21 Sep 2004, in force
    # 1 Dec 2004 (README legal rules).
    assert (burundi["status"], burundi["signature"], burundi["deposit"]) == (
        "withdrawn",
        "1999-01-13",
        "2004-09-21",
    )
    assert (burundi["entry_into_force"], burundi["withdrawal_notified"]) == (
        "2004-12-01",
        "2016-10-27",
    )
    assert burundi["withdrawal_effective"] == "2017-10-27"
    philippines = participants(client, as_of="2019-03-17")["PHL"]
    assert (philippines["status"], philippines["withdrawal_effective"]) == (
        "withdrawn",
        "2019-03-17",
    )
    assert participants(client, as_of="2019-03-16")["PHL"]["status"] == "withdrawal_pending"


def test_a_revoked_withdrawal_leaves_both_withdrawal_fields_null(client):
    # South Africa notified on 19 Oct 2016 and revoked on 7 Mar 2017 (README).
    pending = participants(client, as_of="2017-01-01")["ZAF"]
    assert (pending["status"], pending["withdrawal_effective"]) == (
        "withdrawal_pending",
        "2017-10-19",
    )
    after = participants(client, as_of="2017-06-01")["ZAF"]
    assert (after["status"], after["withdrawal_notified"], after["withdrawal_effective"]) == (
        "party",
        None,
        None,
    )


def test_a_withdrawn_accession_leaves_the_deposit_fields_null(client):
    # Malaysia acceded on 4 Mar 2019 and withdrew the accession in 2019 (README); it never
    # signed, so it is not a participant afterwards; before, it had deposited.
    assert participants(client, as_of="2019-03-10")["MYS"]["deposit"] == "2019-03-04"
    assert participants(client, as_of="2019-03-10")["MYS"]["entry_into_force"] == "2019-06-01"
    assert "MYS" not in participants(client, as_of=CUT_OFF)


def test_unconfirmed_events_are_provisional_and_can_be_left_out(client):
    rows = participants(client, as_of=CUT_OFF)
    # Hungary: revocation reported 29 May 2026, unconfirmed; Niger: notification 18 Jun 2026.
    assert (rows["HUN"]["status"], rows["HUN"]["provisional"]) == ("party", True)
    assert (rows["NER"]["status"], rows["NER"]["withdrawal_effective"]) == (
        "withdrawal_pending",
        "2027-06-18",
    )
    strict = participants(client, as_of=CUT_OFF, include_unconfirmed="false")
    assert (strict["HUN"]["status"], strict["HUN"]["withdrawal_effective"]) == (
        "withdrawn",
        "2026-06-02",
    )
    assert (strict["NER"]["status"], strict["NER"]["provisional"]) == ("party", False)


def test_other_histories(client):
    rows = participants(client, as_of=CUT_OFF)
    # Montenegro: succession, bound from independence (3 Jun 2006).
    assert (rows["MNE"]["deposit_action"], rows["MNE"]["entry_into_force"]) == (
        "succession",
        "2006-06-03",
    )
    assert rows["LCA"]["entry_into_force"] == "2010-11-01"  # Saint Lucia, 18 Aug 2010
    assert rows["GTM"]["entry_into_force"] == "2012-07-01"  # Guatemala, ASP press release
    assert rows["USA"]["status"] == "signature_withdrawn"  # the 2002 "unsigning"
    assert rows["USA"]["signature"] == "2000-12-31"
    aggression = participants(client, "amendment_aggression_2010", as_of="2013-05-08")
    assert aggression["LIE"]["entry_into_force"] == "2013-05-08"  # art. 121(5), Liechtenstein
    apic = participants(client, "apic", as_of="2017-12-31")
    # Undated APIC deposits, known by 31 Dec 2017: party, no invented date.
    assert (apic["NOR"]["status"], apic["NOR"]["deposit"], apic["NOR"]["date_unknown"]) == (
        "party",
        None,
        True,
    )
    assert apic["ALB"]["entry_into_force"] == "2006-09-01"  # APIC art. 35(2): + 30 days


# -- states and instruments -------------------------------------------------------------------


def test_states_list(client):
    body = get(client, "/api/v1/states/")
    assert len(body) == 196
    assert set(body[0]) == {
        "iso3",
        "iso2",
        "name",
        "un_member",
        "asp_regional_group",
        "asp_regional_group_name",
    }
    holy_see = next(s for s in body if s["iso3"] == "VAT")
    assert (holy_see["un_member"], holy_see["asp_regional_group"]) == (False, None)


def test_state_detail_with_names_and_their_sources(client):
    body = get(client, "/api/v1/states/PSE/?as_of=" + CUT_OFF)
    assert body["names"]["en"] == {"name": "State of Palestine", "source": "un"}
    assert body["names"]["fr"] == {"name": "État de Palestine", "source": "un"}
    assert body["names"]["ar"] == {"name": "دولة فلسطين", "source": "un"}
    rome = next(s for s in body["standings"] if s["instrument"] == "rome_statute")
    # Palestine acceded on 2 Jan 2015, in force 1 Apr 2015.
    assert (rome["status"], rome["deposit"], rome["entry_into_force"]) == (
        "party",
        "2015-01-02",
        "2015-04-01",
    )
    assert body["implementing_legislation"] == []
    assert get(client, "/api/v1/states/pse/")["iso3"] == "PSE"  # codes in any case


def test_names_follow_lang_or_accept_language(client):
    assert get(client, "/api/v1/states/COD/?lang=fr")["name"] == "République démocratique du Congo"
    assert get(client, "/api/v1/states/COD/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")["name"] == (
        "República Democrática del Congo"
    )
    response = client.get("/api/v1/states/COD/?lang=ar", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json()["name"] == "جمهورية الكونغو الديمقراطية"
    assert response["Content-Language"] == "ar"
    assert response.json()["iso3"] == "COD"  # codes never change
    # A name CLDR gives, marked as such.
    albania = get(client, "/api/v1/states/ALB/?lang=es")
    assert albania["names"]["es"] == {"name": "Albania", "source": "cldr"}
    rows = participants(client, as_of=CUT_OFF, lang="ar")
    assert rows["PSE"]["name"] == "دولة فلسطين"


def test_instruments(client):
    body = get(client, "/api/v1/instruments/")
    assert [i["slug"] for i in body][:2] == ["rome_statute", "apic"]
    rome = get(client, "/api/v1/instruments/rome_statute/?lang=fr")
    assert rome["name"] == "Statut de Rome de la Cour pénale internationale"
    assert rome["name_en"] == "Rome Statute of the International Criminal Court"
    assert rome["depositary_ref"] == "XVIII-10"
    assert rome["coverage_note"]
    # No official Arabic title recorded for the 2017 amendments: the English one.
    laser = get(client, "/api/v1/instruments/amendment_art8_2017_blinding_laser/?lang=ar")
    assert laser["name"] == laser["name_en"] and laser["titles"]["ar"] is None
    assert get(client, "/api/v1/instruments/apic/?lang=ar")["name"] == (
        "اتفاق امتيازات المحكمة الجنائية الدولية وحصاناتها"
    )


def test_events_are_filtered_and_paginated(client):
    body = get(client, "/api/v1/events/?state=HUN&instrument=rome_statute")
    ids = [e["event_id"] for e in body["items"]]
    # README: Hungary signed, ratified, announced (x2), notified, revoked.
    assert {"ev-0123", "ev-0125", "ev-0527", "ev-0528"} <= set(ids)
    assert all(e["state"] == "HUN" for e in body["items"])
    first = get(client, "/api/v1/events/?page_size=100")
    assert first["count"] == 568 and len(first["items"]) == 100
    assert first["next"].endswith("page=2") and first["previous"] is None
    last = get(client, "/api/v1/events/?page_size=100&page=6")
    assert len(last["items"]) == 68 and last["next"] is None
    since = get(client, "/api/v1/events/?since=2026-01-01&page_size=500")
    assert {e["event_id"] for e in since["items"]} >= {"ev-0125", "ev-0189"}
    assert all((e["date"] or e["known_by"]) >= "2026-01-01" for e in since["items"])
    assert get(client, "/api/v1/events/?page=99")["items"] == []


# -- trailing slashes, errors ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/states",
        "/api/v1/states/UGA",
        "/api/v1/instruments",
        "/api/v1/instruments/apic",
        "/api/v1/instruments/apic/participants",
        "/api/v1/instruments/apic/counts",
        "/api/v1/events",
        "/api/v1/downloads",
    ],
)
def test_every_path_answers_with_and_without_its_slash_without_a_redirect(client, path):
    bare = client.get(path)
    slash = client.get(path + "/")
    assert bare.status_code == slash.status_code == 200
    same = bare.json(), slash.json()
    if isinstance(same[0], dict):  # the page links of /events/ keep the form asked for
        same = [{k: v for k, v in body.items() if k not in ("next", "previous")} for body in same]
    assert same[0] == same[1]


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/v1/instruments/kampala/participants", 404, "unknown_instrument"),
        ("/api/v1/instruments/kampala/counts/", 404, "unknown_instrument"),
        ("/api/v1/instruments/kampala/", 404, "unknown_instrument"),
        ("/api/v1/states/XYZ/", 404, "unknown_state"),
        ("/api/v1/instruments/apic/counts?as_of=2026-02-30", 400, "invalid_date"),
        ("/api/v1/instruments/apic/counts?as_of=2026-13-01", 400, "invalid_date"),
        ("/api/v1/instruments/apic/counts?as_of=28/11/2026", 400, "invalid_parameter"),
        (
            "/api/v1/instruments/apic/participants?include_unconfirmed=perhaps",
            400,
            "invalid_parameter",
        ),
        ("/api/v1/instruments/apic/participants?lang=de", 400, "invalid_parameter"),
        ("/api/v1/events/?page=0", 400, "invalid_parameter"),
        ("/api/v1/events/?page_size=10000", 400, "invalid_parameter"),
        ("/api/v1/events/?state=XYZ", 400, "unknown_state"),
        ("/api/v1/events/?instrument=xyz", 400, "unknown_instrument"),
        ("/api/v1/events/?since=yesterday", 400, "invalid_parameter"),
        ("/api/v1/nothing-here", 404, "not_found"),
        ("/api/v2/states/", 404, "not_found"),
    ],
)
def test_bad_parameters_get_a_clear_json_error(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]


def test_a_date_error_says_what_is_wrong(client):
    message = client.get("/api/v1/instruments/apic/counts?as_of=2026-02-30").json()["error"]
    assert message["message"] == "as_of: 2026-02-30 is not a date in the calendar."


def test_only_get(client):
    assert client.post("/api/v1/states/").status_code == 405


# -- queries ---------------------------------------------------------------------------------


def test_query_counts_are_pinned(client, django_assert_max_num_queries):
    # A cold start builds the snapshot (a fingerprint and four loads); then no query at all.
    with django_assert_max_num_queries(6):
        client.get("/api/v1/instruments/rome_statute/participants")
    for url in (
        "/api/v1/instruments/rome_statute/participants?as_of=2010-01-01",
        "/api/v1/instruments/apic/counts",
        "/api/v1/states/",
        "/api/v1/instruments/",
    ):
        with django_assert_max_num_queries(0):
            assert client.get(url).status_code == 200
    with django_assert_max_num_queries(1):  # its legislation
        client.get("/api/v1/states/UGA/")
    with django_assert_max_num_queries(2):  # a count and a page
        client.get("/api/v1/events/?state=UGA")
