"""Key dates of cases: every key of data/icc_cases.csv has a label; unknown keys are errors."""

import csv
import datetime

import pytest
from django.utils import translation

from commonbonds.court.keydates import (
    EVENT_LABELS,
    KeyDateError,
    parse_key_dates,
    person_statuses,
    split_key,
)

from .conftest import DATA


def _rows():
    with (DATA / "icc_cases.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_key_of_the_data_reads_with_a_label():
    seen = set()
    for row in _rows():
        defendants = [d.strip() for d in row["defendants"].split(";")]
        for item in parse_key_dates(row["key_dates"], defendants):
            assert item.label and item.label != item.key
            seen.add(item.key)
    # 64 distinct keys in the file (counted with a one-off script over the CSV).
    assert len(seen) == 64


@pytest.mark.parametrize(
    ("key", "defendants", "event", "person"),
    [
        ("lukwiya_terminated", ["Joseph Kony", "Raska Lukwiya"], "terminated", "Raska Lukwiya"),
        (
            "ngaissona_transfer",
            ["Alfred Yekatom", "Patrice-Edouard Ngaïssona"],
            "transfer",
            "Patrice-Edouard Ngaïssona",
        ),
        (
            "ble_goude_warrant",
            ["Laurent Gbagbo", "Charles Blé Goudé"],
            "warrant",
            "Charles Blé Goudé",
        ),
        (
            "al_senussi_appeal",
            ["Saif Al-Islam Gaddafi", "Abdullah Al-Senussi"],
            "appeal",
            "Abdullah Al-Senussi",
        ),
        (
            "kenyatta_charges_withdrawn",
            ["Uhuru Muigai Kenyatta", "Francis Kirimi Muthaura"],
            "charges_withdrawn",
            "Uhuru Muigai Kenyatta",
        ),
        ("transfer_to_icc", ["Dominic Ongwen"], "transfer_to_icc", None),
    ],
)
def test_a_key_names_an_event_and_maybe_one_defendant(key, defendants, event, person):
    assert split_key(key, defendants) == (event, person)


def test_an_unknown_key_is_an_error_that_names_it():
    with pytest.raises(KeyDateError, match="surprise_party"):
        parse_key_dates("warrant:2020-01-01;surprise_party:2020-02-01", ["A Person"])


def test_a_prefix_that_is_not_a_defendant_is_an_error():
    with pytest.raises(KeyDateError, match="smith"):
        split_key("smith_terminated", ["Joseph Kony"])


def test_a_prefix_matching_two_defendants_is_an_error():
    with pytest.raises(KeyDateError, match="several"):
        split_key(
            "gaddafi_terminated",
            ["Saif Al-Islam Gaddafi", "Muammar Mohammed Abu Minyar Gaddafi"],
        )


@pytest.mark.parametrize(
    "text",
    ["warrant", "warrant:2020-13-01", "warrant:20-01-01", "warrant:2020-01-01;warrant:2020-02-01"],
)
def test_malformed_pairs_are_errors(text):
    with pytest.raises(KeyDateError):
        parse_key_dates(text, ["A Person"])


def test_the_timeline_is_in_date_order_even_when_the_file_groups_by_person():
    row = next(r for r in _rows() if r["case_name"].startswith("The Prosecutor v. Laurent Gbagbo"))
    timeline = parse_key_dates(row["key_dates"], row["defendants"].split("; "))
    dates = [item.date for item in timeline]
    assert dates == sorted(dates)
    assert timeline[0].key == "gbagbo_warrant"  # 2011-11-23, from the file
    assert timeline[-1].key == "appeal_judgment"  # 2021-03-31


def test_person_statuses_come_from_events_about_one_person():
    row = next(r for r in _rows() if r["case_name"].startswith("The Prosecutor v. Joseph Kony"))
    timeline = parse_key_dates(row["key_dates"], row["defendants"].split("; "))
    statuses = person_statuses(timeline)
    assert statuses == {
        "Raska Lukwiya": ("proceedings_terminated", datetime.date(2007, 7, 11)),
        "Okot Odhiambo": ("proceedings_terminated", datetime.date(2015, 9, 10)),
    }


def test_labels_are_translated():
    item = parse_key_dates("trial_start:2016-12-06", ["Dominic Ongwen"])[0]
    with translation.override("fr"):
        assert item.label == "Ouverture du procès"
    with translation.override("ar"):
        assert item.label != "Trial opens"
    assert set(EVENT_LABELS) >= {"warrant", "trial_start", "judgment", "sentence"}
