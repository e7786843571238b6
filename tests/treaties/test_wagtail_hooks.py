"""The treaty admin: every save goes through the actions; each state shows its history."""

from __future__ import annotations

import datetime

import pytest

from commonbonds.core.models import AuditEntry
from commonbonds.treaties.models import Instrument, State, TreatyEvent

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def world(db):
    State.objects.create(
        iso3="ALB",
        iso2="AL",
        name_en="Albania",
        name_fr="Albanie",
        name_es="Albania",
        name_ar="ألبانيا",
    )
    Instrument.objects.create(
        slug="rome_statute",
        name="Rome Statute of the International Criminal Court",
        short_name="Rome Statute",
        depositary_ref="XVIII-10",
        adopted_place="Rome",
        adopted_date=D(1998, 7, 17),
        entry_into_force_rule="rome_statute_art126",
        general_entry_into_force=D(2002, 7, 1),
        open_to="all_states",
    )


def form(**overrides) -> dict:
    values = {
        "state": State.objects.get(iso3="ALB").pk,
        "instrument": Instrument.objects.get(slug="rome_statute").pk,
        "action": "ratification",
        "date": "2003-01-31",
        "known_by": "",
        "confirmed": "on",
        "note": "",
        "source_url": "https://treaties.un.org/",
        "depositary_notification": "",
        "reason": "Depositary notification C.N.12.2003",
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def test_an_editor_records_an_event_through_the_action(world, client_for):
    client = client_for("editor")
    assert client.get("/admin/treaties/event/new/").status_code == 200
    response = client.post("/admin/treaties/event/new/", form())
    assert response.status_code == 302, response.content.decode()[:2000]
    event = TreatyEvent.objects.get()
    assert (event.event_id, event.edited_by_staff, event.date) == ("cb-0001", True, D(2003, 1, 31))
    entry = AuditEntry.objects.get(action="treaties.event.recorded")
    assert (
        entry.actor == client.user and entry.data["reason"] == "Depositary notification C.N.12.2003"
    )


def test_an_event_the_rules_refuse_shows_the_reason_and_changes_nothing(world, client_for):
    client = client_for("editor")
    client.post("/admin/treaties/event/new/", form())
    event = TreatyEvent.objects.get()
    response = client.post(
        "/admin/treaties/event/new/",
        form(action="withdrawal_revoked", date="2004-01-01"),
    )
    assert response.status_code == 200
    assert "no withdrawal notification was pending" in response.content.decode()
    response = client.post(f"/admin/treaties/event/edit/{event.pk}/", form(date="", known_by=""))
    assert response.status_code == 200
    assert TreatyEvent.objects.count() == 1
    assert TreatyEvent.objects.get().date == D(2003, 1, 31)


def test_correcting_an_event_in_the_admin_is_audited(world, client_for):
    client = client_for("publisher")
    client.post("/admin/treaties/event/new/", form())
    event = TreatyEvent.objects.get()
    response = client.post(f"/admin/treaties/event/edit/{event.pk}/", form(date="2003-02-03"))
    assert response.status_code == 302
    assert AuditEntry.objects.get(action="treaties.event.corrected").changes == {
        "date": ["2003-01-31", "2003-02-03"]
    }


def test_the_state_page_shows_where_it_stands_and_its_history(world, client_for):
    client = client_for("editor")
    client.post("/admin/treaties/event/new/", form())
    state = State.objects.get(iso3="ALB")
    page = client.get(f"/admin/treaties/state/inspect/{state.pk}/").content.decode()
    assert "History of edits" in page
    assert "Recorded the treaty event cb-0001 for ALB" in page
    assert "State Party" in page  # Albania is a party today (in force 1 May 2003)


def test_a_publisher_corrects_a_state_name_through_the_action(world, client_for):
    client = client_for("publisher")
    state = State.objects.get(iso3="ALB")
    data = {
        "name_en": "Albania",
        "name_en_source": "un",
        "name_fr": "République d'Albanie",
        "name_fr_source": "cldr",
        "name_es": "Albania",
        "name_es_source": "cldr",
        "name_ar": "ألبانيا",
        "name_ar_source": "cldr",
        "un_member": "on",
        "asp_regional_group": "eastern_european",
    }
    assert client.post(f"/admin/treaties/state/edit/{state.pk}/", data).status_code == 302
    state.refresh_from_db()
    assert (state.name_fr, state.name_fr_source, state.edited_by_staff) == (
        "République d'Albanie",
        "staff",
        True,
    )
    # Editors may look, not correct names.
    editor = client_for("editor")
    assert editor.get(f"/admin/treaties/state/edit/{state.pk}/").status_code == 302


def test_nothing_is_deleted_in_the_admin(world, client_for):
    client = client_for("administrator")
    client.post("/admin/treaties/event/new/", form())
    event = TreatyEvent.objects.get()
    assert client.post(f"/admin/treaties/event/delete/{event.pk}/").status_code == 302
    assert TreatyEvent.objects.filter(pk=event.pk).exists()
    assert client.get("/admin/treaties/state/new/").status_code in (302, 404)


def test_legislation_is_reviewed_through_the_action(world, client_for):
    client = client_for("regional_coordinator")
    state = State.objects.get(iso3="ALB")
    response = client.post(
        "/admin/treaties/legislation/new/",
        {"state": state.pk, "kind": "cooperation", "stage": "draft", "title": "Draft law"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEntry.objects.get(action="treaties.legislation.reviewed")
    assert entry.actor == client.user
    assert state.legislation.get().last_reviewed_by == client.user
