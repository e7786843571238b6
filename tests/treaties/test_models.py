"""Models hold facts; statuses are derived and never stored."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError

from commonbonds.treaties.models import (
    ImplementingLegislation,
    Instrument,
    State,
    TreatyEvent,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def rome():
    return Instrument.objects.create(
        slug="rome_statute",
        name="Rome Statute of the International Criminal Court",
        short_name="Rome Statute",
        title_fr="Statut de Rome de la Cour pénale internationale",
        depositary_ref="XVIII-10",
        adopted_place="Rome",
        adopted_date=D(1998, 7, 17),
        entry_into_force_rule="rome_statute_art126",
        open_to="all_states",
    )


@pytest.fixture
def palestine():
    return State.objects.create(
        iso3="PSE",
        iso2="PS",
        name_en="State of Palestine",
        name_fr="État de Palestine",
        name_es="Estado de Palestina",
        name_ar="دولة فلسطين",
    )


def test_no_model_stores_a_status():
    for model in (State, Instrument, TreatyEvent, ImplementingLegislation):
        assert "status" not in {f.name for f in model._meta.get_fields()}


def test_names_and_titles_follow_the_language(rome, palestine):
    assert palestine.name("ar") == "دولة فلسطين"
    assert palestine.name("fr-ca") == "État de Palestine"
    assert palestine.name("de") == "State of Palestine"  # not one of ours: English
    assert rome.title("fr") == "Statut de Rome de la Cour pénale internationale"
    assert rome.title("ar") == rome.name  # no Arabic title recorded: the English one


def test_an_event_has_a_date_or_known_by_never_both_never_neither(rome, palestine):
    common = {
        "state": palestine,
        "instrument": rome,
        "action": "accession",
        "source_url": "https://x.org",
    }
    TreatyEvent.objects.create(event_id="a", date=D(2015, 1, 2), **common)
    TreatyEvent.objects.create(event_id="b", known_by=D(2015, 1, 2), **common)
    with pytest.raises(IntegrityError):
        TreatyEvent.objects.create(event_id="c", **common)


def test_legislation_starts_not_reviewed_and_is_one_record_per_kind(palestine):
    record = ImplementingLegislation.objects.create(state=palestine, kind="cooperation")
    assert record.stage == "not_reviewed"
    with pytest.raises(IntegrityError):
        ImplementingLegislation.objects.create(state=palestine, kind="cooperation")
