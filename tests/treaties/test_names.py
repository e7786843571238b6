"""Names of states: UN names where we are sure of them, CLDR otherwise, and which is which."""

from __future__ import annotations

import csv
from pathlib import Path

from commonbonds.treaties import names

DATA = Path(__file__).resolve().parents[2] / "data"


def un_names() -> dict[tuple[str, str], str]:
    with (DATA / "state_names.csv").open(encoding="utf-8") as f:
        return {(r["iso3"], r["lang"]): r["name"] for r in csv.DictReader(f)}


def test_the_un_name_wins_over_cldr_where_cldr_gets_it_wrong():
    # DESIGN §4: "State of Palestine", not "Palestinian Territories"; "Democratic Republic of
    # the Congo", not "Congo - Kinshasa".
    assert names.cldr_name("PS", "fr") == "Territoires palestiniens"
    assert names.cldr_name("CD", "fr") == "Congo-Kinshasa"
    palestine = names.resolve("PS", "State of Palestine", {"fr": "État de Palestine"})
    assert palestine["fr"] == ("État de Palestine", "un")
    assert palestine["en"] == ("State of Palestine", "un")
    assert palestine["es"] == ("Territorios Palestinos", "cldr")  # no UN name given here


def test_a_name_without_un_or_cldr_falls_back_to_english():
    assert names.resolve("XX", "Nowhere", {})["ar"] == ("Nowhere", "un")


def test_the_override_table_covers_the_names_design_names():
    table = un_names()
    expected = {
        ("PSE", "fr"): "État de Palestine",
        ("PSE", "es"): "Estado de Palestina",
        ("PSE", "ar"): "دولة فلسطين",
        ("COD", "fr"): "République démocratique du Congo",
        ("COD", "ar"): "جمهورية الكونغو الديمقراطية",
        ("TUR", "fr"): "Türkiye",
        ("NLD", "fr"): "Pays-Bas (Royaume des)",
        ("VAT", "fr"): "Saint-Siège",
        ("KOR", "es"): "República de Corea",
        ("RUS", "ar"): "الاتحاد الروسي",
    }
    for key, name in expected.items():
        assert table[key] == name


def test_every_row_of_the_override_table_names_its_source_and_a_known_state():
    with (DATA / "states.csv").open(encoding="utf-8") as f:
        states = {r["iso3"] for r in csv.DictReader(f)}
    with (DATA / "state_names.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for row in rows:
        assert row["iso3"] in states and row["lang"] in ("fr", "es", "ar")
        assert row["name"].strip() and row["source"].strip()
    # An override that says what CLDR already says would be noise.
    for row in rows:
        iso2 = row["iso3"]
        assert row["name"] != names.cldr_name(_iso2(iso2), row["lang"]), row


def _iso2(iso3: str) -> str:
    with (DATA / "states.csv").open(encoding="utf-8") as f:
        return next(r["iso2"] for r in csv.DictReader(f) if r["iso3"] == iso3)
