"""The public treaty pages (issue 4): content checked against data/treaty_actions.csv by hand."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

COLUMNS = [
    "state_iso3",
    "state_name",
    "asp_regional_group",
    "instrument",
    "status",
    "signature",
    "deposit",
    "deposit_action",
    "entry_into_force",
    "withdrawal_notified",
    "withdrawal_effective",
    "provisional",
    "date_unknown",
]


def test_states_table(client, real_data, django_assert_max_num_queries):
    client.get("/treaties/changes/")  # builds the snapshot
    # Warm: the coalition regions only; the rows come from the snapshot.
    with django_assert_max_num_queries(2):
        response = client.get("/states/?instrument=rome_statute&as_of=2024-01-01")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Treaty status of every state" in body
    # 196 states, one row each for one instrument.
    assert "196 rows" in body
    assert 'href="/states/ALB/"' in body


def test_states_filters_and_sort(client, real_data):
    response = client.get(
        "/states/?instrument=rome_statute&status=withdrawn&as_of=2024-01-01&sort=status"
    )
    body = response.content.decode()
    # Burundi (effective 27 Oct 2017) and the Philippines (17 Mar 2019) had left by 2024.
    assert "2 rows" in body
    assert "/states/BDI/" in body
    assert "/states/PHL/" in body


def test_states_csv_has_all_rows_and_stable_columns(client, real_data):
    response = client.get("/states/download.csv?instrument=rome_statute&as_of=2024-01-01")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 196
    philippines = next(r for r in rows if r["state_iso3"] == "PHL")
    assert philippines["status"] == "withdrawn"
    assert philippines["withdrawal_effective"] == "2019-03-17"
    # Every instrument: 196 states × 9 instruments, beyond one page of the table.
    response = client.get("/states/download.csv")
    assert len(list(csv.DictReader(io.StringIO(response.content.decode())))) == 196 * 9


def test_states_json_and_xlsx(client, real_data):
    document = json.loads(client.get("/states/download.json?instrument=apic").content)
    assert document["columns"] == COLUMNS
    assert len(document["rows"]) == 196
    response = client.get("/states/download.xlsx?instrument=apic&group=african")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert list(values[0]) == COLUMNS
    assert all(row[2] == "african" for row in values[1:])
    assert client.get("/states/download.pdf").status_code == 404


def test_state_page(client, real_data, django_assert_max_num_queries):
    client.get("/treaties/changes/")  # builds the snapshot
    # The state, its events, its legislation, the tagged news and the Court's situations.
    with django_assert_max_num_queries(10):
        response = client.get("/states/PHL/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Philippines" in body
    assert "Notification of withdrawal" in body
    assert len(response.content) < 150 * 1024
    assert client.get("/states/XXX/").status_code == 404
    assert client.get("/states/phl/").status_code == 404


def test_state_page_in_arabic(client, real_data):
    response = client.get("/ar/states/PSE/")
    assert response.status_code == 200
    assert "فلسطين" in response.content.decode()


def test_instrument_page(client, real_data, django_assert_max_num_queries):
    client.get("/treaties/changes/")  # builds the snapshot
    with django_assert_max_num_queries(1):
        response = client.get("/treaties/rome_statute/?as_of=2024-01-01")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body
    # 123 States Parties on 1 Jan 2024: Armenia (deposit 14 Nov 2023) became the 124th on
    # 1 Feb 2024 and is counted as deposited.
    assert "<dd>123</dd>" in body
    assert "African States" in body
    assert client.get("/treaties/nothing/").status_code == 404


def test_changes_and_feeds(client, real_data, django_assert_max_num_queries):
    client.get("/treaties/rome_statute/")  # builds the snapshot
    with django_assert_max_num_queries(3):
        response = client.get("/treaties/changes/")
    assert response.status_code == 200
    for url in ("/treaties/changes/feed/", "/states/PHL/feed/", "/treaties/apic/feed/"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
    assert client.get("/states/XXX/feed/").status_code == 404


def test_home_counts(real_data):
    from commonbonds.treaties.queries import home_counts

    counts = home_counts("en")
    assert [i.slug for i in counts["instruments"]] == ["rome_statute", "apic"]


def test_factsheet_pdf(client, real_data):
    from pypdf import PdfReader

    response = client.get("/states/PHL/factsheet.pdf?as_of=2024-01-01")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Philippines" in text
    assert "2019-03-17" in text  # the withdrawal took effect on 17 Mar 2019
    # French factsheet; the Arabic site serves the English one.
    assert client.get("/fr/states/PHL/factsheet.pdf").status_code == 200
    assert client.get("/ar/states/PHL/factsheet.pdf").status_code == 200
    assert client.get("/states/XXX/factsheet.pdf").status_code == 404


def test_state_page_shows_tagged_news_and_situations(client, real_data, monkeypatch):
    from commonbonds.newsroom import queries as news_queries

    class Item:
        url = "/news/a-fictional-item/"
        title = "A fictional item about a state"
        date = None
        is_demo = True

    calls = []

    def fake(state, limit=5):
        calls.append((state.iso3, limit))
        return [Item()]

    monkeypatch.setattr(news_queries, "latest_news_for_state", fake)
    body = client.get("/states/PHL/").content.decode()
    assert calls == [("PHL", 5)]
    assert "A fictional item about a state" in body
    assert "Situations before the International Criminal Court" in body


def test_latest_news_for_state_is_called_for_real(client, real_data):
    # The newsroom's own query runs (no news tagged yet in this database).
    body = client.get("/states/PSE/").content.decode()
    assert "No news tagged with this state yet." in body


def test_coalition_region_filter(client, real_data):
    from commonbonds.members.models import Region
    from commonbonds.treaties.models import State

    region = Region.objects.create(name_en="Fictional region", slug="fictional")
    region.states.set(State.objects.filter(iso3__in=["ALB", "PHL"]))
    response = client.get("/states/?instrument=rome_statute&region=fictional")
    body = response.content.decode()
    assert "Fictional region" in body
    assert "2 rows" in body
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/states/download.csv?instrument=apic&region=fictional").content.decode()
            )
        )
    )
    assert sorted(r["state_iso3"] for r in rows) == ["ALB", "PHL"]


def test_bad_date_is_shown_and_the_rest_still_filters(client, real_data):
    body = client.get("/states/?instrument=apic&as_of=1900-01-01").content.decode()
    assert "Choose a date between 1998 and 2100." in body
    assert "196 rows" in body


def test_home_counts_include_renders(real_data, rf):
    from django.template import engines

    template = engines["django"].from_string(
        "{% load treaties %}{% treaty_home_counts as treaty_counts %}"
        '{% include "treaties/includes/home_counts.html" with counts=treaty_counts %}'
    )
    html = template.render({}, rf.get("/"))
    assert 'href="/treaties/rome_statute/"' in html
    assert "States Parties" in html


def test_unconfirmed_switch(client, real_data):
    # Unconfirmed events count by default and are marked provisional; left out on request.
    included = client.get("/states/download.json?unconfirmed=include").content
    excluded = client.get("/states/download.json?unconfirmed=exclude").content
    rows_in = json.loads(included)["rows"]
    rows_out = json.loads(excluded)["rows"]
    assert json.loads(excluded)["include_unconfirmed"] is False
    assert any(r["provisional"] for r in rows_in)
    assert not any(r["provisional"] for r in rows_out)
