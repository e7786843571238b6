"""The bulk download: the whole dataset as JSON and as CSV files, named by the data date."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_data")]


def test_the_index_says_how_to_cite_and_the_licence(client):
    body = client.get("/api/v1/downloads/").json()
    assert body["data_date"] == "2026-11-28"  # data/README.md: data cut-off
    assert body["licence"] == "CC BY 4.0"
    assert "version 2026-11-28" in body["cite_as"]
    assert {f["format"] for f in body["files"]} == {"json", "zip"}
    assert body["files"][0]["url"].endswith("/api/v1/downloads/treaties-2026-11-28.json")


def test_the_json_file(client):
    response = client.get("/api/v1/downloads/treaties-2026-11-28.json")
    assert response.status_code == 200
    assert 'filename="treaties-2026-11-28.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert (len(data["states"]), len(data["instruments"]), len(data["events"])) == (196, 9, 568)
    assert data["licence"] == "CC BY 4.0" and data["cite_as"]
    assert client.get("/api/v1/downloads/treaties.json").content == response.content


def test_the_csv_files(client):
    response = client.get("/api/v1/downloads/treaties.zip")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(n.split("/")[-1] for n in archive.namelist())
    assert names == ["README.txt", "events.csv", "instruments.csv", "states.csv"]
    events = list(
        csv.DictReader(io.StringIO(archive.read("treaties-2026-11-28/events.csv").decode()))
    )
    assert len(events) == 568
    albania = next(e for e in events if e["event_id"] == "ev-0003")
    assert (albania["date"], albania["confirmed"], albania["state_name"]) == (
        "2003-01-31",
        "true",
        "Albania",
    )
    readme = archive.read("treaties-2026-11-28/README.txt").decode()
    assert "Cite as:" in readme and "CC BY 4.0" in readme
    # The same data gives the same bytes.
    assert client.get("/api/v1/downloads/treaties-2026-11-28.zip").content == response.content


@pytest.mark.parametrize(
    "name", ["treaties-2020-01-01.json", "treaties.csv", "other.json", "treaties"]
)
def test_other_files_are_404(client, name):
    response = client.get(f"/api/v1/downloads/{name}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_file"
